"""A batch starts its largest reports first (batch.largest_first), so the last reports left are
small ones and its two workers end close together; a fail-fast batch keeps the manifest's order.
And a deck's slide memo hashes a file once while it is unchanged (render/pptx/memo.file_digest)."""

from __future__ import annotations

import os
import time

from reportkit.batch import largest_first
from reportkit.manifest import Job
from reportkit.render.pptx import memo
from test_batch_workers import run_probe


def _job(name: str, sources: list[str], error: str | None = None) -> Job:
    return Job(name, sources, [], None, None, None, "out", error)


def test_largest_reports_start_first_failed_ones_before_them_ties_in_manifest_order(tmp_path):
    for name, size in (("small", 10), ("big", 5000), ("mid", 700), ("mid2", 700)):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "a.txt").write_bytes(b"x" * size)
    (tmp_path / "mid" / "b.md").write_bytes(b"y" * 100)  # every file of a folder counts
    (tmp_path / "file.txt").write_bytes(b"z" * 3000)  # a source may be a file
    jobs = [_job("small", [str(tmp_path / "small")]), _job("big", [str(tmp_path / "big")]),
            _job("mid2", [str(tmp_path / "mid2")]), _job("broken", [], error="bad week"),
            _job("mid", [str(tmp_path / "mid")]), _job("file", [str(tmp_path / "file.txt")]),
            _job("gone", [str(tmp_path / "missing")])]
    order = [jobs[i].name for i in largest_first(jobs)]
    assert order == ["broken", "big", "file", "mid", "mid2", "small", "gone"]


def test_the_pool_starts_items_in_the_order_given(tmp_path):
    out = run_probe(tmp_path, """
        seen = []
        outcomes = run_pool(["a", "b", "c", "d"], 1, fn, init=init, order=[2, 0, 3, 1],
                            on_done=lambda o: seen.append(o.index))
        print(json.dumps({"seen": seen, "items": [outcomes[i].result["item"] for i in range(4)]}))
    """)
    assert out["seen"] == [2, 0, 3, 1] and out["items"] == ["a", "b", "c", "d"]


def test_a_file_is_hashed_again_only_when_it_changes(tmp_path, monkeypatch):
    path = tmp_path / "font.ttf"
    path.write_bytes(b"one")
    reads = []
    real = memo.Path.read_bytes
    monkeypatch.setattr(memo.Path, "read_bytes", lambda self: reads.append(self) or real(self))
    first = memo.file_digest(path)
    assert memo.file_digest(path) == first and len(reads) == 1
    before = os.stat(path).st_mtime_ns
    path.write_bytes(b"two")  # same size, rewritten (within the clock's tick, say: the time is moved on)
    os.utime(path, ns=(time.time_ns(), before + 10_000_000))
    assert memo.file_digest(path) != first and len(reads) == 2
    path.unlink()
    assert memo.file_digest(path) == "unreadable"
