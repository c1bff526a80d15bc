"""The deck's speaker notes name each source as the record does (relative to the build root), never
by the path as given: a build of an absolute sources folder printed the builder's folders in the
key takeaways' notes."""

from __future__ import annotations

import json
from pathlib import Path

from pptx import Presentation

from reportkit.build import BuildOptions, build_report

ROOT = Path(__file__).resolve().parent.parent

ARTICLE_A = """Hazelnut prices jump after a frost

ORDU, Feb 18, 2027 (RK Wire) - Turkish hazelnut growers harvested 512,000 tonnes in 2026, 27% less than in 2025,
after four nights of April frost hit the orchards.

"We have never seen the trees this bare," said Ayse Demir, who farms near Ordu.
"""
ARTICLE_B = """Faroese salmon harvest falls

TORSHAVN, Feb 15, 2027 (RK Wire) - Nordvagur Laks harvested 14,280 tonnes of gutted salmon in the fourth
quarter of 2026, 9.6% less than a year earlier, after sea-lice treatments forced it to empty two sites early.
"""


def test_notes_name_sources_relative_to_the_build_root_when_the_folder_is_absolute(tmp_path: Path) -> None:
    sources = (tmp_path / "in" / "week").resolve()
    (sources / "news").mkdir(parents=True)
    (sources / "news" / "a_hazelnuts.txt").write_text(ARTICLE_A, encoding="utf-8")
    (sources / "b_salmon.txt").write_text(ARTICLE_B, encoding="utf-8")
    out = tmp_path / "out"
    summary = build_report(BuildOptions(sources=[sources], layouts=[ROOT / "layouts" / "briefing-deck.yaml"],
                                        week="2027-W07", out=out, cache_dir=tmp_path / "cache",
                                        parallel_render=False))
    deck = next(out.glob("*.pptx"))
    notes = "\n".join(s.notes_slide.notes_text_frame.text for s in Presentation(str(deck)).slides
                      if s.has_notes_slide)
    record = json.loads(next(out.glob("*.pptx.record.json")).read_text(encoding="utf-8"))
    shown = {st["source"] for st in record["stories"]}
    assert shown == {"news/a_hazelnuts.txt", "b_salmon.txt"}, (summary, shown)
    assert str(tmp_path) not in notes, [line for line in notes.splitlines() if str(tmp_path) in line]
    # the takeaways' notes cite their sources by the record's names
    cited = [line for line in notes.splitlines() if line.startswith("• ")]
    assert cited and all(line.endswith(")") for line in cited)
    assert any("news/a_hazelnuts.txt" in line or "b_salmon.txt" in line for line in cited), cited
    from reportkit.verify.files import verify_files

    [result] = verify_files([deck])
    assert not [p for p in result.problems if p.startswith("no builder's paths")], result.problems
