"""Reader-facing number formats."""

import pytest

from reportkit.numbers import format_value


@pytest.mark.parametrize(
    ("value", "unit", "per", "expected"),
    [
        (86.4e6, "USD", None, "$86.4M"),
        (2.8e6, "USD", None, "$2.8M"),
        (3.12e9, "GBP", None, "£3.12B"),
        (5.48, "GBP", None, "£5.48"),
        (47, "USD", "barrel", "$47/barrel"),
        (3e9, "MXN", None, "3B MXN"),
        (72, "percent", None, "72%"),
        (12.5, "percent", None, "12.5%"),
        (1.8e6, "barrels_per_day", None, "1.8M b/d"),
        (30000, "count", None, "30,000"),
        (135, "years", None, "135 years"),
        (1, "years", None, "1 year"),
        (1 / 3, "ratio", None, "one-third"),
        (0.42, "ratio", None, "42%"),
    ],
)
def test_format_value(value, unit, per, expected):
    assert format_value(value, unit, per) == expected
