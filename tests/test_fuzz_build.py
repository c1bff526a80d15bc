"""Property test over the whole build: generated sources always give outputs that
pass `verify`, or one clean ReportkitError — never a crash or a half-written file.

A short budget runs in CI; `make fuzz` (HYPOTHESIS_PROFILE=long) runs many more.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from reportkit.build import BuildOptions, build_report
from reportkit.errors import ReportkitError
from reportkit.verify.files import verify_files

pytestmark = pytest.mark.slow
EXAMPLES = 200 if os.environ.get("HYPOTHESIS_PROFILE") == "long" else 12

words = st.sampled_from(["Russia", "Mexico", "Pemex", "gas", "oil", "imports", "rose", "fell", "the", "target",
                         "investment", "wells", "said", "<b>", "&", "]]>", "<a href=javascript:x>", "\x07",
                         "عربي", "中文", "🚀", "x" * 300, "https://example.org/a?b=1&c=2"])
numbers = st.sampled_from(["$2.8 million", "72%", "1.8 million barrels per day", "30,000 oil wells",
                           "one-third", "135 years", "£3.12bn", "548p", "in 2022", "by 2024", "about 5%"])
sentence = st.lists(st.one_of(words, numbers), min_size=1, max_size=25).map(lambda ws: " ".join(ws) + ".")
paragraph = st.lists(sentence, min_size=1, max_size=5).map(" ".join)
block = st.one_of(
    paragraph,
    sentence.map(lambda s: f"## {s[:60].rstrip('.')}"),
    paragraph.map(lambda p: f"“{p},” Tsivilev said."),
    st.lists(sentence, min_size=1, max_size=4).map(lambda items: "\n".join(f"{i + 1}. {t}" for i, t in enumerate(items))),
)
source = st.lists(block, min_size=1, max_size=12).map("\n\n".join)


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz-chart-cache")


# no "explain" phase: its line tracer makes each whole build many times slower
@settings(max_examples=EXAMPLES, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(source, st.sampled_from([".txt", ".md"])), min_size=1, max_size=3))
def test_any_sources_build_or_fail_cleanly(cache, files):
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "src", Path(tmp) / "out"
        src.mkdir()
        for i, (text, suffix) in enumerate(files):
            (src / f"s{i}{suffix}").write_text(text, encoding="utf-8")
        try:
            summary = build_report(BuildOptions(sources=[src], out=out, cache_dir=cache, force=True))
        except ReportkitError as e:
            assert str(e) and "\n" not in str(e)
            assert not out.exists() or not [p for p in out.iterdir() if p.suffix in (".pdf", ".pptx")]
            return
        paths = [Path(o.path) for o in summary.outputs]
        assert sorted(p.suffix for p in paths) == [".pdf", ".pptx"]
        # an emoji no installed font draws is left out of the brief (and said): no problem for verify
        for result in verify_files(paths):
            assert result.problems == [], (result.path, result.problems)
        assert not [p for p in out.iterdir() if p.name.startswith(".reportkit-tmp")]


def test_a_title_filling_the_slide_leaves_no_card_cut_short(cache):
    """Found by the property test above: a 600-character first line became a story slide's title
    that left the key-figure card no room, and its number was cut to "…" (verify: text overflows)."""
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "src", Path(tmp) / "out"
        src.mkdir()
        x = "x" * 300
        (src / "s0.txt").write_text(f"{x} {x} $2.8 million https://example.org/a?b=1&c=2.", encoding="utf-8")
        summary = build_report(BuildOptions(sources=[src], out=out, cache_dir=cache, force=True))
        for result in verify_files([Path(o.path) for o in summary.outputs]):
            assert result.problems == [], (result.path, result.problems)


def test_a_text_opening_on_a_lone_mark_still_has_a_title():
    """Found by the property test above: a source opening on a control character and a full stop
    ("\\x07. Russia ...") had an empty title once the character was cleaned, and its story slides had
    none (verify: slide(s) without a title)."""
    from reportkit.readers.structure import short_title

    assert short_title(". Exports rose 5% in May. More.") == "Exports rose 5% in May"
    assert short_title("...") == "Untitled"
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        (src / "s0.txt").write_text("\x07. Russia said oil exports rose 5% in 2024.\n\nPemex said imports fell.",
                                    encoding="utf-8")
        from reportkit.readers import read_file

        assert read_file(src / "s0.txt").title == "Russia said oil exports rose 5% in 2024"
