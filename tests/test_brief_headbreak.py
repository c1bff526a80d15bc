"""A story never starts at a page's foot with only its headline and two lines of its
summary (three are enough), the rest overleaf under "(CONTINUED)" (week 18's pages 3 and 4): it starts on the next page when that leaves at most a fifth of this one empty (storyend.HeadBreak);
and when such moves push the brief's last lines onto a page of their own, only the first moves are
kept (lastpage.fewest_pages)."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pdfplumber
import pytest

from pdf_fixtures import port_brief
from reportkit.render.pdf.lastpage import WIDOW, fewest_pages, last_fill
from reportkit.render.pdf.storyend import ENOUGH_LINES



def _brief(tmp_path: Path, sizes: list[int]) -> Path:
    return port_brief(tmp_path / "brief.pdf", sizes)


def _starts(pdf_path: Path) -> list[tuple[int, int]]:
    """(page, summary lines under its headline on that page) for every story whose start is on one
    page and whose rest is on the next."""
    with pdfplumber.open(pdf_path) as pdf:
        pages = [(p.extract_text() or "").splitlines() for p in pdf.pages]
    out = []
    for i, lines in enumerate(pages[:-1]):
        heads = [j for j, ln in enumerate(lines) if re.match(r"Port \d+ handles", ln) and "(CONTINUED)" not in ln]
        if not heads or not any("(CONTINUED)" in ln for ln in pages[i + 1][:4]):
            continue
        after = lines[heads[-1] + 1:]
        out.append((i + 1, sum(1 for ln in after if not ln.startswith(("Meridian", "Page ")) and "Page " not in ln)))
    return out


# [19, 8, 8]: with the old rule the second story started at page 1's foot with 3 lines of its summary
@pytest.mark.parametrize("sizes", [[19, 8, 8], [18, 8, 8], [5, 7, 6, 9, 4, 8, 5, 7, 6, 9]])
def test_a_story_that_runs_over_a_page_starts_with_enough_of_its_summary(tmp_path, sizes) -> None:
    starts = _starts(_brief(tmp_path, sizes))
    assert all(n >= ENOUGH_LINES for _, n in starts), starts


def test_a_headline_with_three_lines_of_its_summary_keeps_its_place(tmp_path) -> None:
    # a designer's rule: a headline keeps with 3+ lines; moving such a story (s15's rule of 4) left up
    # to a fifth of the page empty. [19, 8, 8]: the second story stays at page 1's foot with 3 lines
    starts = _starts(_brief(tmp_path, [19, 8, 8]))
    assert starts == [(1, 3)], starts


class _Doc(SimpleNamespace):
    pass


def _frame(fill: float) -> SimpleNamespace:
    return SimpleNamespace(_height=700.0, _y1p=50.0, _y=50.0 + 700.0 * (1 - fill))


def test_the_last_page_keeps_as_many_moves_as_still_save_it() -> None:
    # 5 moves made 7 pages, the last a widow; with at most 3 moves the brief takes 6 pages
    doc = _Doc(page=7, head_moves=5, frame=_frame(0.12))
    assert last_fill(doc) == pytest.approx(0.12)
    asked: list[int] = []

    def count(n: int) -> int:
        asked.append(n)
        return 6 if n <= 3 else 7

    assert fewest_pages(doc, count) == (3, 6)
    assert len(asked) <= 4  # a binary search, not a pass per move


def test_no_relayout_when_the_last_page_is_full_enough_or_the_moves_did_not_make_it() -> None:
    never = lambda n: pytest.fail("laid out again")  # noqa: E731
    assert fewest_pages(_Doc(page=7, head_moves=5, frame=_frame(WIDOW + 0.05)), never) is None
    assert fewest_pages(_Doc(page=7, head_moves=0, frame=_frame(0.1)), never) is None
    assert fewest_pages(_Doc(page=7, head_moves=2, frame=_frame(0.1)), lambda n: 7) is None


# [13, 2, 3] and [14, 2, 3]: main started the second story at page 1's foot with its headline and two
# lines (moving it would have left more than a fifth of the page empty), the rest overleaf
@pytest.mark.parametrize("first", [13, 14])
def test_a_story_that_cannot_move_ends_the_page_with_its_text_and_sends_its_quote_over(tmp_path, first) -> None:
    from reportkit.model import Quote

    quote = Quote("We have never handled so many boxes in one year, and the new berths are already full.",
                  speaker="Ana Ribeiro", role="harbour master")
    out = port_brief(tmp_path / "brief.pdf", [first, 2, 3], quote=quote)
    assert all(n > 2 for _, n in _starts(out)), _starts(out)
    with pdfplumber.open(out) as pdf:
        pages = [(p.extract_text() or "").splitlines() for p in pdf.pages]
    # page 1 holds the second story's whole summary and its numbers; page 2 opens with its
    # "(CONTINUED)" line, then the quote and its speaker
    assert any("2.2M" in ln for ln in pages[0]), pages[0][-8:]
    body = [ln for ln in pages[1] if ln.strip()]
    at = next(i for i, ln in enumerate(body) if "(CONTINUED)" in ln)
    assert body[at + 1].startswith("“We have never handled") and "Ana Ribeiro" in " ".join(body[at + 1:at + 4])
