"""Modules loaded on first use (reportkit/lazyimport.py): a deck's process never loads
urllib.request (python-pptx's saxutils imports it for a function no deck calls), the module works
whole when something does use it (through saxutils or an import of its own), and nothing is
deferred while another thread runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(code: str, tmp_path: Path) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "REPORTKIT_CACHE_DIR": str(tmp_path / "cache"),
           "SOURCE_DATE_EPOCH": "1763942400"}
    proc = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stdout.split()


def test_a_deck_is_made_without_loading_urllib_request(tmp_path):
    code = f"""
import sys
from pathlib import Path
from reportkit.build import BuildOptions, build_report
build_report(BuildOptions(sources=[Path({str(ROOT / "seeds")!r})], week="2026-W47", out=Path("out"), formats="pptx",
                          parallel_render=False))
print(Path("out/briefing-2026-W47.pptx").stat().st_size > 10000, "pptx" in sys.modules,
      "http.client" in sys.modules, "ssl" in sys.modules)
import urllib.request
print(urllib.request.pathname2url("/a b"), "http.client" in sys.modules)
"""
    assert _run(code, tmp_path) == ["True", "True", "False", "False", "/a%20b", "True"]


def test_nothing_is_deferred_while_another_thread_runs(tmp_path):
    code = """
import sys, threading, time
from reportkit.lazyimport import defer
stop = threading.Event()
t = threading.Thread(target=stop.wait); t.start()
defer("http.cookiejar")
print("http.cookiejar" in sys.modules)
stop.set(); t.join()
defer("http.cookiejar")
module = sys.modules["http.cookiejar"]
print(type(module).__name__, sys.modules["http"].cookiejar is module, "CookieJar" in dir(module))
defer("no_such_module_here")
print("no_such_module_here" in sys.modules)
"""
    assert _run(code, tmp_path) == ["False", "_LazyModule", "True", "True", "False"]


def test_saxutils_reaches_the_real_urllib_request_through_the_stand_in(tmp_path):
    code = """
import sys
from reportkit.lazyimport import import_without
import_without("xml.sax.saxutils", "urllib.request")
from xml.sax import saxutils
import urllib
print(saxutils.escape("<a>"), "urllib.request" in sys.modules, "http.client" in sys.modules)
print(urllib.request.pathname2url("/a b"), type(sys.modules["urllib.request"]).__name__, "http.client" in sys.modules)
import urllib.request as real
print(urllib.request is real is sys.modules["urllib.request"], real.urlopen.__module__)
"""
    assert _run(code, tmp_path) == ["&lt;a&gt;", "False", "False", "/a%20b", "module", "True", "True",
                                    "urllib.request"]
