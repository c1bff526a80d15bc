"""Stage 3, story: documents and their facts in, what the report says out.

Takes parsed documents (with facts), a :class:`~reportkit.layouts.Layout`, the week and the
resolved chart data; returns a :class:`~reportkit.model.Report`: title, standfirst,
takeaways (by importance, :mod:`.takeaways`), key figures, and one
:class:`~reportkit.model.Story` per document (:mod:`.stories`: summary from :mod:`.summaries`,
quotes found and attributed by :mod:`.quotes` and :mod:`.attribution`). ``select.py`` matches layout
fact selectors (shared with charts). ``record.py`` writes and reads the JSON record of a build,
``changes.py`` compares two records ("What changed"); ``printed.py`` names the facts each part of
an output prints (``facts_used``).
Imports layouts, facts and the base modules; never charts or renderers.
"""

from .assemble import assemble, merge_takeaways, render_title, standfirst, title_vars
from .keyfigures import key_figures
from .labels import expected
from .changes import compare
from .changestext import changes_dict, changes_text, record_changes
from .record import SCHEMA as RECORD_SCHEMA
from .record import check_same_report, load_record, record_path, report_record, write_record
from .printed import facts_by_part, facts_in_text, key_figure_entries
from .quotes import add_quotes, best_quotes, find_quotes, week_quotes
from .select import dedupe, matches, select
from .stories import build_stories, link_of
from .summaries import candidates, choose, score_sentences
from .takeaways import similar, takeaways

__all__ = ["RECORD_SCHEMA", "add_quotes", "assemble", "best_quotes", "build_stories", "candidates", "changes_dict",
           "changes_text", "check_same_report", "choose", "compare", "dedupe", "expected", "facts_by_part",
           "facts_in_text", "find_quotes", "key_figure_entries", "key_figures",
           "link_of", "load_record", "matches", "merge_takeaways", "record_changes", "record_path", "render_title",
           "report_record", "score_sentences", "select", "similar", "standfirst", "takeaways", "title_vars",
           "week_quotes", "write_record"]
