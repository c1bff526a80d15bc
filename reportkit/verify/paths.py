"""A built file that prints the builder's own folders: a source named by its absolute path.

The build names each source relative to the build root (:func:`reportkit.model.source_names`, as its
record does); an older deck printed the path as given in its key takeaways' speaker notes, so a build
of an absolute sources folder showed "/home/…/week/a.txt" to every reader of the notes. Read from the
output's text alone: a path that starts at a word's edge with a slash (or a drive letter) and ends on a
source file's suffix. An address ("https://host/a/b.html") and a relative name ("news/a.txt") are not
such paths.
"""

from __future__ import annotations

import re

from ..lazyre import lazy

_SUFFIX = r"\.(?:txt|md|markdown|html?|pdf|docx)\b"
# "/home/ana/week/a.txt", "~/week/a.txt", "C:\\week\\a.txt": not after a letter, a dot, a colon or a slash
_ABSOLUTE = lazy(rf"(?<![\w.:/~\\])(?:~?(?:/[^\s/()\[\]<>\"“”]+)+|[A-Za-z]:(?:\\[^\s\\()\[\]<>\"“”]+)+){_SUFFIX}",
                 re.I)


def builder_paths(text: str) -> list[str]:
    """The absolute paths of files ``text`` prints (in order, each once)."""
    if "/" not in text and "\\" not in text:
        return []
    return list(dict.fromkeys(m.group(0) for m in _ABSOLUTE.finditer(text)))
