"""Report weeks and the build clock.

Builds must be reproducible, so "now" is ``SOURCE_DATE_EPOCH`` when it is set
(https://reproducible-builds.org/specs/source-date-epoch/); otherwise the report
week defaults to the current ISO week and document timestamps are the Monday of
the report week, 00:00 UTC, so two builds of the same week are identical.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime, timedelta

from .errors import ReportkitError
from .model import Week

MIN_YEAR, MAX_YEAR = 1000, 9998
_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)


def source_date_epoch() -> datetime | None:
    """``SOURCE_DATE_EPOCH`` as an aware UTC datetime, or None when unset."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    try:
        return datetime.fromtimestamp(int(raw), tz=UTC)
    except (ValueError, OverflowError, OSError):
        raise ReportkitError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, got {raw!r}") from None


def week_of(day: date) -> Week:
    """The ISO week containing ``day``."""
    iso = day.isocalendar()
    monday = day - timedelta(days=iso.weekday - 1)
    return Week(year=iso.year, number=iso.week, start=monday.isoformat(), end=(monday + timedelta(days=6)).isoformat())


def parse_week(text: str | None) -> Week:
    """``2026-W47`` (or None for the week of SOURCE_DATE_EPOCH, else today)."""
    if not text:
        now = source_date_epoch() or datetime.now(UTC)
        return week_of(now.date())
    m = _WEEK.match(text.strip())
    if not m:
        raise ReportkitError(f"--week: expected YYYY-Www such as 2026-W47, got {text!r}")
    year, num = int(m.group(1)), int(m.group(2))
    if not MIN_YEAR <= year <= MAX_YEAR:  # builds compare with the week before: both must be datable
        raise ReportkitError(f"--week: the year must be between {MIN_YEAR} and {MAX_YEAR}, got {text.strip()!r}")
    try:
        monday = date.fromisocalendar(year, num, 1)
    except ValueError:
        raise ReportkitError(f"--week: {year} has no ISO week {num}") from None
    try:
        return week_of(monday)
    except OverflowError:  # the week's Sunday is past 9999-12-31
        raise ReportkitError(f"--week: {text.strip()} is outside the calendar reportkit can date") from None


def build_time(week: Week) -> datetime:
    """The timestamp written into outputs: SOURCE_DATE_EPOCH, else the week's Monday."""
    return source_date_epoch() or datetime.fromisoformat(week.start).replace(tzinfo=UTC)
