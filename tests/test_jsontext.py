"""story/jsontext.py writes the same text as json.dumps(indent=1, ensure_ascii=False)."""

import json
import math

import pytest

from reportkit.story.jsontext import dumps_indent1

CASES = [
    {},
    [],
    {"schema": "x", "facts": [{"id": "S1-F1", "value": 1.5, "unit": "%", "none": None, "ok": True, "no": False}]},
    [1, -0.0, 10**30, 1e16, 123456789.123, 2.5e-7, "é\u2028\"\\\n\t", [[[]]], {"a": {}, "b": []}],
    {"x": {"y": [{"z": (1, 2)}]}},
    [math.inf, -math.inf, math.nan],
    "plain",
    7,
]


@pytest.mark.parametrize("value", CASES)
def test_same_text_as_json_dumps(value):
    assert dumps_indent1(value) == json.dumps(value, indent=1, ensure_ascii=False)


def test_what_json_decides_is_left_to_it():
    import enum

    class Kind(int, enum.Enum):
        A = 1

    assert dumps_indent1({1: [Kind.A]}) == json.dumps({1: [Kind.A]}, indent=1, ensure_ascii=False)
    with pytest.raises(TypeError):
        dumps_indent1({"a": object()})


def test_a_build_record_round_trips(tmp_path):
    from reportkit.story import load_record, write_record

    record = {"schema": "reportkit.record/1", "report": "r", "title": "T", "week": "2026-W47", "output": "o.pdf",
              "stories": [{"id": "S1", "headline": "Ünïcode “quotes”", "facts": ["S1-F1"]}],
              "facts": [{"id": "S1-F1", "story": "S1", "measure": "m", "value": 2.0, "unit": "%", "source": "a.txt",
                         "sentence": "It rose 2%."}]}
    path = tmp_path / "o.pdf.record.json"
    write_record(path, record)
    assert path.read_text(encoding="utf-8") == json.dumps(record, indent=1, ensure_ascii=False) + "\n"
