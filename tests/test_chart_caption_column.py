"""A table chart's title names the column it plots (session 16, week 22's Figure 1):

- a table's caption titles a chart of one of its columns only when it names that column, or when
  the column is its table's only measure (beside it only changes of nothing named: "Change (%)");
- a column the facts stage read no cell of ("Applications pending": no plural noun counts them)
  is as much a measure the caption may name as one it read: its caption does not title another
  column (week 22: "Surgery waiting list by region, end of March 2027" over each region's average
  wait in days, its caption line "Surgery waiting list: highest in ... (356 days)");
- the deck's native chart names its series with the same words;
- verify flags a chart an older build titled so.
"""

from __future__ import annotations

from reportkit.charts.auto import candidates, to_chart
from reportkit.facts import column_measure, extract_facts
from reportkit.model import Block, Document, Section

_HEADS = ("Office", "Applications pending", "Change on year (%)", "Average decision time (days)")
_ROWS = [("Northgate", "12,400", "(3.1)", "212"), ("Riverside", "9,800", "2.2", "245"),
         ("Old Town", "7,300", "(0.8)", "187"), ("Hillcrest", "5,100", "4.5", "198")]
_LEAD = "The city decided 41,200 building permits in the first half."
_TIME = "Average decision time"


def _doc(caption: str, keep=range(4)) -> Document:
    rows = ["; ".join(f"{_HEADS[i]}: {row[i]}" for i in keep) for row in _ROWS]
    doc = Document(source="permits.html", title="Permit backlog shrinks", date="2026-07-06", sections=[
        Section(None, [Block("paragraph", _LEAD), Block("list", items=rows, caption=caption)])])
    doc.facts = extract_facts(doc.body_text(), "permits.html", date="2026-07-06")
    return doc


def _chart(doc: Document):
    c = next(c for c in candidates([doc]) if c.measure.startswith(_TIME))
    return to_chart(c, "auto_1")


def test_a_caption_naming_no_column_does_not_title_one_beside_another_measure() -> None:
    chart = _chart(_doc("Permit backlog by office, end of June 2026"))
    assert chart.title == "Average decision time by office"  # was the caption: days under the backlog's name
    assert (chart.caption or "").startswith("Average decision time: highest in Riverside (245 days)")
    assert {p.series for p in chart.points} == {_TIME}  # the deck's native chart names its series so


def test_a_caption_over_its_tables_only_measure_still_titles_it() -> None:
    chart = _chart(_doc("Planning decisions by office, first half of 2026", keep=(0, 2, 3)))
    assert chart.title.startswith("Planning decisions by office, first half of 2026")


def test_a_caption_that_names_the_column_titles_it_beside_another_measure() -> None:
    chart = _chart(_doc("Average decision time by office, end of June 2026"))
    assert chart.title.startswith("Average decision time by office, end of June 2026")


def test_a_column_header_names_a_measure_or_none() -> None:
    assert column_measure("Applications pending") == "Applications pending"
    assert column_measure("Average decision time (days)") == _TIME
    assert column_measure("Occupancy 2026 (%)") == "Occupancy"
    assert column_measure("Change on year (%)") == ""  # a change of what, its header does not say
    assert column_measure("Margin, this week") == ""  # which week: a reader's guess
    assert column_measure("US$ million") == ""  # a unit alone: what it measures, only a caption says
    assert column_measure("Change in value on 2025 (%)") == "Change in value on 2025"  # its base year kept


def _html(caption: str) -> str:
    head = "".join(f"<th>{h}</th>" for h in _HEADS)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>\n" for row in _ROWS)
    return ("<html><head><title>Permit backlog shrinks</title>"
            '<meta property="article:published_time" content="2026-07-06T09:00:00+00:00"></head><body><article>'
            f"<h1>Permit backlog shrinks</h1><p>{_LEAD}</p>"
            f"<table><caption>{caption}</caption><thead><tr>{head}</tr></thead><tbody>\n{body}</tbody></table>"
            "</article></body></html>")


def test_verify_flags_a_chart_titled_with_a_caption_that_does_not_name_its_column(tmp_path) -> None:
    """What an older build printed (week 22's Figure 1) is flagged; the title the charts now give,
    and a caption that names the column, pass."""
    from reportkit.verify import load_sources
    from reportkit.verify.labels import label_problems

    def problems(caption: str, title: str) -> list[str]:
        (tmp_path / "permits.html").write_text(_html(caption), encoding="utf-8")
        page = (f"FIGURE 1\n212 days\n245 days\n187 days\n198 days\nNorthgate\nRiverside\nOld Town\nHillcrest\n"
                f"{title}\nSource: Permit backlog shrinks (permits.html)\n")
        return label_problems([("page 2", page)], load_sources([tmp_path]))

    caption = "Permit backlog by office, end of June 2026"
    flagged = problems(caption, caption)
    assert flagged and all(f"does not name its column '{_TIME}' but may name 'Applications pending'" in p
                           for p in flagged)
    assert problems(caption, "Average decision time by office") == []
    named = "Average decision time by office, end of June 2026"
    assert problems(named, named) == []
