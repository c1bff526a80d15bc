"""ISO weeks and the build clock."""

from datetime import UTC, datetime

import pytest

from reportkit.errors import ReportkitError
from reportkit.week import build_time, parse_week, source_date_epoch


def test_parse_week_gives_monday_to_sunday():
    w = parse_week("2026-W47")
    assert (w.year, w.number, w.start, w.end, w.label) == (2026, 47, "2026-11-16", "2026-11-22", "2026-W47")


def test_default_week_follows_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime(2027, 1, 1, tzinfo=UTC).timestamp())))
    assert parse_week(None).label == "2026-W53"  # 1 Jan 2027 is a Friday of ISO week 2026-W53


@pytest.mark.parametrize("bad", ["2026-47", "W47", "2026-W60", "2025-W53", "next week"])
def test_bad_week_is_one_line_error(bad):
    with pytest.raises(ReportkitError, match="--week"):
        parse_week(bad)


def test_build_time_without_epoch_is_the_weeks_monday(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert source_date_epoch() is None
    assert build_time(parse_week("2026-W47")) == datetime(2026, 11, 16, tzinfo=UTC)


def test_bad_epoch_is_an_error(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ReportkitError, match="SOURCE_DATE_EPOCH"):
        source_date_epoch()
