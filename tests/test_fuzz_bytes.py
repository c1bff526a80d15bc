"""Property test (issue 14): a build from random bytes in a source folder exits 0 or 2,
with one ``error:`` line for 2, and never 1 (an internal error) or a traceback.

Runs the real command line in a subprocess. A few examples by default, so `make test`
stays fast; `make fuzz` (HYPOTHESIS_PROFILE=long) runs many more.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from conftest import ROOT, SEED_B

pytestmark = pytest.mark.slow
EXAMPLES = 60 if os.environ.get("HYPOTHESIS_PROFILE") == "long" else 4


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz-bytes-cache")


junk = st.one_of(
    st.binary(max_size=3000),
    st.binary(max_size=200).map(lambda b: b"\xef\xbb\xbf" + b),  # a BOM, then anything
    st.binary(max_size=200).map(lambda b: b"Title\n\n" + b + b" rose 5% in 2024.\n"),
    st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass")),
)


@settings(max_examples=EXAMPLES, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(files=st.lists(st.tuples(junk, st.sampled_from([".txt", ".md"])), min_size=1, max_size=3),
       with_good=st.booleans())
def test_fuzz_random_bytes_build_exits_0_or_2(cache, files, with_good):
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        for i, (data, suffix) in enumerate(files):
            (src / f"f{i}{suffix}").write_bytes(data)
        if with_good:
            (src / "good.txt").write_bytes(SEED_B.read_bytes())
        env = {**os.environ, "REPORTKIT_CACHE_DIR": str(cache), "SOURCE_DATE_EPOCH": "1795046400"}
        proc = subprocess.run([sys.executable, "-m", "reportkit", "build", str(src), "--out", str(Path(tmp) / "out"),
                               "--format", "pdf"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
        assert proc.returncode in (0, 2), (proc.returncode, proc.stderr[-2000:])
        assert "Traceback" not in proc.stderr
        if proc.returncode == 2:
            lines = [ln for ln in proc.stderr.splitlines() if ln.strip() and not ln.startswith("warning: ")]
            assert len(lines) == 1 and lines[0].startswith("error: "), proc.stderr[-2000:]
