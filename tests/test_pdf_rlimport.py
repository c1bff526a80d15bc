"""reportlab's paragraph module is imported with its URI pattern deferred (render/pdf/rlimport.py):
not compiled by a brief that never splits a URI, and matching exactly as reportlab's own when used."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import ROOT

PROBE = """
import re, sys
real = re.compile
from reportkit.render.pdf.rlimport import import_paragraph
import_paragraph()
import reportlab.platypus.paragraph as p
from reportkit.lazyre import LazyPattern
print(type(p.uri_pat).__name__, 'search' in vars(p.uri_pat), re.compile is real)
"""


def test_the_uri_pattern_is_deferred_and_re_compile_restored():
    proc = subprocess.run([sys.executable, "-c", PROBE], env={**os.environ, "PYTHONPATH": str(ROOT)},
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["LazyPattern", "False", "True"]


def test_a_brief_render_does_not_compile_it(tmp_path):
    """A whole brief (the seeds, charts left out) is rendered without compiling the pattern."""
    code = f"""
import sys
sys.path.insert(0, {str(ROOT / 'tests')!r})
from pathlib import Path
from reportkit.build import BuildOptions, build_report
build_report(BuildOptions(sources=[Path({str(ROOT / 'seeds')!r})], layouts=[Path({str(ROOT / 'layouts/weekly-brief.yaml')!r})],
             out=Path({str(tmp_path / 'out')!r}), week='2026-W47', force=True, use_cache=False, parallel_render=False))
import reportlab.platypus.paragraph as p
print(type(p.uri_pat).__name__, 'search' in vars(p.uri_pat))
"""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "1795046400",
           "REPORTKIT_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split()[-2:] == ["LazyPattern", "False"], proc.stdout


def test_a_long_uri_splits_as_with_reportlabs_own_pattern():
    from reportkit.render.pdf.rlimport import import_paragraph

    import_paragraph()
    import reportlab.platypus.paragraph as p
    from reportlab.lib.styles import getSampleStyleSheet

    uris = ["https://www.example.org/news/2026/11/24/a-very-long-article-name-that-does-not-fit.html?x=1",
            "http://127.0.0.1:8080/path/to/thing", "ftp://[::1]/x/y/z", "not a uri", "https://münchen.de/straße/x"]
    eager = re.compile(p.uri_pat.pattern, re.I)
    for uri in uris:
        got, want = p.uri_pat.match(uri), eager.match(uri)
        assert (got and got.groups()) == (want and want.groups()), uri
    style = getSampleStyleSheet()["BodyText"]
    style.uriWasteReduce, style.embeddedHyphenation = 0.3, 1  # what makes reportlab split a URI
    text = "Source: " + uris[0]
    used: list[str] = []

    class Counted:
        def __init__(self, pattern) -> None:
            self.pattern = pattern

        def match(self, uri: str):
            used.append(uri)
            return self.pattern.match(uri)

    def lines(pattern) -> list:
        saved, p.uri_pat = p.uri_pat, pattern
        try:
            para = p.Paragraph(text, style)
            para.wrap(120, 1000)
            return [[w for w in line[1]] for line in para.blPara.lines]
        finally:
            p.uri_pat = saved

    assert lines(Counted(p.uri_pat)) == lines(Counted(eager)) and len(lines(eager)) > 1
    assert used, "the wrap must have used the pattern"


def test_a_warm_brief_does_not_load_pillow_and_pillow_still_works(tmp_path):
    """Pillow's Image module is loaded only when used (rlimport.defer_pillow): a warm brief (logo
    and charts from the cache) renders without loading it, and it is whole once something reads it."""
    code = f"""
import sys
from pathlib import Path
from reportkit.build import BuildOptions, build_report
def brief():
    return build_report(BuildOptions(sources=[Path({str(ROOT / 'seeds')!r})], layouts=[Path({str(ROOT / 'layouts/weekly-brief.yaml')!r})],
                        out=Path({str(tmp_path / 'out')!r}), week='2026-W47', force=True, parallel_render=False))
brief() if sys.argv[1] == 'cold' else None
if sys.argv[1] == 'warm':
    before = type(sys.modules.get('PIL.Image')).__name__
    brief()
    mid = type(sys.modules['PIL.Image']).__name__
    import PIL.Image
    print(before, mid, type(sys.modules['PIL.Image']).__name__, PIL.Image.new('RGB', (2, 2)).size)
"""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "1795046400", "REPORTKIT_FAST_PATH": "0",
           "REPORTKIT_CACHE_DIR": str(tmp_path / "cache")}
    for step in ("cold", "warm"):  # the cold build fills the caches (its own process: Pillow decodes there)
        proc = subprocess.run([sys.executable, "-c", code, step], env=env, capture_output=True, text=True,
                              timeout=300)
        assert proc.returncode == 0, proc.stderr[-2000:]
    # not imported before the build, a lazy module after it, a whole one once used
    assert proc.stdout.split("\n")[-2] == "NoneType _LazyModule module (2, 2)", proc.stdout
