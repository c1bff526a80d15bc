"""Hardening, round two (issue 14): each test failed before its fix.

Most cases run the command line in a subprocess, as a user would, and check the
documented outcome: outputs that are right, or one ``error:`` line with exit 2.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import LAYOUTS, ROOT, SEED_A, SEED_B

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("chart-cache")


def _limit_memory() -> None:
    # a regression must fail the test, not take the shared machine down with it
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


def rk(*args: str, cache: Path, cwd: Path = ROOT, env: dict[str, str] | None = None, timeout: float = 300,
       umask: int | None = None, limit_memory: bool = False) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "REPORTKIT_CACHE_DIR": str(cache), "SOURCE_DATE_EPOCH": "1795046400", **(env or {})}

    def pre() -> None:
        if limit_memory:  # Chromium reserves more address space than this: only where no chart is drawn
            _limit_memory()
        if umask is not None:
            os.umask(umask)

    return subprocess.run([sys.executable, "-m", "reportkit", *args], cwd=cwd, env=full, capture_output=True,
                          text=True, timeout=timeout, preexec_fn=pre)


def one_error_line(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 2, (proc.returncode, proc.stderr[-2000:])
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip() and not ln.startswith("warning: ")]
    assert len(lines) == 1 and lines[0].startswith("error: "), proc.stderr[-2000:]
    return lines[0]


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(p.extract_text() or "" for p in PdfReader(str(path)).pages)


def deck_text(path: Path) -> str:
    from pptx import Presentation

    out = []
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                out.append(shape.text_frame.text)
    return "\n".join(out)


@pytest.fixture
def layouts(tmp_path) -> Path:
    """A private copy of the shipped layouts, to break at will."""
    dst = tmp_path / "layouts"
    shutil.copytree(LAYOUTS, dst)
    return dst


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- 1. sources with the same file name --------------------------------------------


@pytest.fixture(scope="module")
def same_names(tmp_path_factory, cache):
    root = tmp_path_factory.mktemp("same-names")
    (root / "d/a").mkdir(parents=True)
    (root / "d/b").mkdir(parents=True)
    shutil.copy(SEED_A, root / "d/a/x.txt")
    shutil.copy(SEED_B, root / "d/b/x.txt")
    proc = rk("build", str(root / "d"), "--out", str(root / "out"), "--json", cache=cache)
    assert proc.returncode == 0, proc.stderr
    return root, json.loads(proc.stdout)


def test_same_file_names_get_their_own_tags_in_the_pdf(same_names):
    root, summary = same_names
    text = pdf_text(next((root / "out").glob("*.pdf")))
    assert "[S2]" in text  # the second source is cited at all
    assert "Source: x.txt" not in text and "Sources: x.txt" not in text
    assert "a/x.txt" in text and "b/x.txt" in text
    # the 72% gas-import figure comes from the second source (SEED_B)
    panel = text[text.index("72%"):][:400]
    assert "[S2]" in panel and "[S1]" not in panel.split("[S2]")[0]


def test_same_file_names_get_their_own_tags_in_the_deck(same_names):
    root, _ = same_names
    text = deck_text(next((root / "out").glob("*.pptx")))
    assert "S2" in text
    assert "b/x.txt" in text and "a/x.txt" in text
    assert "Source: x.txt" not in text


# -- 2. two layouts writing the same output ----------------------------------------


def test_two_layouts_writing_one_output_is_an_error(layouts, tmp_path, cache):
    twin = layouts / "twin-brief.yaml"
    shutil.copy(layouts / "weekly-brief.yaml", twin)
    proc = rk("build", str(SEED_B), "--layout", str(layouts / "weekly-brief.yaml"), "--layout", str(twin),
              "--out", str(tmp_path / "out"), cache=cache)
    line = one_error_line(proc)
    assert "weekly-brief.yaml" in line and "twin-brief.yaml" in line
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.pdf"))


# -- 3. chart csv follows the asset rule ---------------------------------------------


CSV_CHART = """
  from_csv:
    kind: bar
    title: From a CSV
    data:
      csv: {path}
      category: label
"""


@pytest.mark.parametrize("ref", ["/etc/passwd", "../../../../../../etc/passwd"])
def test_chart_csv_outside_the_layout_folder_is_refused(layouts, tmp_path, cache, ref):
    (layouts / "content.yaml").write_text((layouts / "content.yaml").read_text() + CSV_CHART.format(path=ref))
    line = one_error_line(rk("layouts", "validate", str(layouts / "content.yaml"), cache=cache))
    assert "outside the layout folder" in line and "root:" not in line
    proc = rk("build", str(SEED_B), "--layout", str(layouts / "weekly-brief.yaml"), "--out", str(tmp_path / "o"),
              cache=cache)
    line = one_error_line(proc)
    assert "outside the layout folder" in line and "root:" not in proc.stderr


def test_chart_csv_content_never_appears_in_messages(layouts, tmp_path, cache):
    (layouts / "content.yaml").write_text((layouts / "content.yaml").read_text() + CSV_CHART.format(path="/etc/passwd"))
    edit(layouts / "weekly-brief.yaml", "charts: [fdi_growth, gas_import_share, production_targets]",
         "charts: [from_csv]")
    proc = rk("build", str(SEED_B), "--layout", str(layouts / "weekly-brief.yaml"), "--out", str(tmp_path / "o"),
              "--allow-external-assets", cache=cache)
    assert "root:" not in proc.stderr and "/bin/" not in proc.stderr, proc.stderr
    (layouts / "data.csv").write_text("label,value\nsecret-label,not-a-number-secret\n")
    content = (layouts / "content.yaml").read_text().replace("csv: /etc/passwd", "csv: data.csv")
    (layouts / "content.yaml").write_text(content)
    proc = rk("build", str(SEED_B), "--layout", str(layouts / "weekly-brief.yaml"), "--out", str(tmp_path / "o"),
              cache=cache)
    assert "secret" not in proc.stderr, proc.stderr


# -- 4. output modes -----------------------------------------------------------------


def test_atomic_write_honours_umask_and_keeps_the_mode(tmp_path):
    from reportkit.atomic import write_bytes

    old = os.umask(0o077)
    try:
        write_bytes(tmp_path / "new.bin", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.bin").stat().st_mode) == 0o600
    (tmp_path / "kept.bin").write_bytes(b"old")
    os.chmod(tmp_path / "kept.bin", 0o640)
    write_bytes(tmp_path / "kept.bin", b"new")
    assert stat.S_IMODE((tmp_path / "kept.bin").stat().st_mode) == 0o640
    old = os.umask(0o022)
    try:
        write_bytes(tmp_path / "plain.bin", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "plain.bin").stat().st_mode) == 0o644


def test_private_outputs_stay_private_after_a_rebuild(tmp_path, cache):
    out = tmp_path / "out"
    proc = rk("build", str(SEED_B), "--format", "pdf", "--out", str(out), "-q", cache=cache, umask=0o077)
    assert proc.returncode == 0, proc.stderr
    pdf = next(out.glob("*.pdf"))
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600
    proc = rk("build", str(SEED_B), "--format", "pdf", "--out", str(out), "--force", "-q", cache=cache, umask=0o022)
    assert proc.returncode == 0, proc.stderr
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600


# -- 5. chart-cache entries are validated ----------------------------------------------


@pytest.mark.parametrize("damage", ["empty", "garbage", "flipped"])
def test_bad_chart_cache_entries_are_rendered_again(tmp_path, damage):
    cache = tmp_path / "cache"
    out = tmp_path / "out"
    first = rk("build", str(SEED_B), "--format", "pdf", "--out", str(out), "--json", cache=cache)
    assert first.returncode == 0, first.stderr
    good = next(out.glob("*.pdf")).read_bytes()
    images = [p for p in cache.rglob("*") if p.suffix in (".png", ".svg")]
    assert images
    for p in images:
        data = p.read_bytes()
        if damage == "empty":
            p.write_bytes(b"")
        elif damage == "garbage":
            p.write_bytes(b"\0" * len(data))
        else:  # same size, right signature, one byte changed inside
            p.write_bytes(data[:-40] + bytes([data[-40] ^ 0xFF]) + data[-39:])
    again = rk("build", str(SEED_B), "--format", "pdf", "--out", str(out), "--json", "--force", cache=cache)
    assert again.returncode == 0, again.stderr
    charts = json.loads(again.stdout)["charts"]
    assert charts and not any(c["cached"] for c in charts), charts
    assert next(out.glob("*.pdf")).read_bytes() == good  # every chart drawn again, as before


# -- 6. nonsense values ----------------------------------------------------------------


def test_negative_amounts_keep_their_sign(tmp_path, cache):
    src = tmp_path / "s.txt"
    src.write_text("Losses\n\nNet income fell to -$5 million in 2024. Margins were −3% in 2023.\n")
    proc = rk("facts", str(src), "--json", cache=cache)
    assert proc.returncode == 0, proc.stderr
    values = {(f["unit"], f["value"]) for f in json.loads(proc.stdout)}
    assert ("USD", -5_000_000.0) in values, values
    assert ("percent", -3.0) in values, values


@pytest.mark.parametrize("share", ["-40%", "140%"])
def test_impossible_shares_are_not_charted(tmp_path, cache, share):
    src = tmp_path / "gas.txt"
    src.write_text(f"Gas supply\n\nGas imports were {share} of natural gas consumed in Mexico in 2024, "
                   "officials said.\n")
    proc = rk("build", str(src), "--format", "pdf", "--out", str(tmp_path / "o"), "--json", cache=cache)
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert "gas_import_share" not in [c["id"] for c in summary["charts"]], summary["charts"]
    assert any("gas_import_share" in w for w in summary["warnings"]), summary["warnings"]


# -- 9. template placeholders ----------------------------------------------------------


@pytest.mark.parametrize("template", [
    "{week!r:>99999999}.pdf", "{week:>999999999}.pdf", "{week.upper}.pdf", "{week.__class__}.pdf",
    "{week.__class__.__init__.__globals__}.pdf", "{week[0]}.pdf", "{0}.pdf", "{}.pdf",
])
def test_output_template_takes_plain_placeholders_only(layouts, cache, template):
    edit(layouts / "weekly-brief.yaml", 'output: "russia-mexico-brief-{week}.pdf"', f"output: {json.dumps(template)}")
    # rk's timeout catches a template that tries to build a 999,999,999-character name
    line = one_error_line(rk("layouts", "validate", str(layouts / "weekly-brief.yaml"), cache=cache, timeout=120))
    assert "output" in line


@pytest.mark.parametrize("template", ["{week:>999999999}", "{week!r}", "{year:>100000}"])
def test_title_template_width_is_bounded(layouts, cache, template):
    edit(layouts / "content.yaml", 'title: "Russia–Mexico Energy Brief — Week {week_number}, {year}"',
         f"title: {json.dumps(template)}")
    line = one_error_line(rk("layouts", "validate", str(layouts / "content.yaml"), cache=cache, timeout=60))
    assert "title" in line


def test_plain_format_specs_still_work(layouts, tmp_path, cache):
    edit(layouts / "content.yaml", 'title: "Russia–Mexico Energy Brief — Week {week_number}, {year}"',
         'title: "Brief — Week {week_number:02d}, {year}"')
    proc = rk("build", str(SEED_B), "--week", "2026-W05", "--layout", str(layouts / "weekly-brief.yaml"),
              "--out", str(tmp_path / "o"), "-q", cache=cache)
    assert proc.returncode == 0, proc.stderr
    assert "Brief — Week 05, 2026" in pdf_text(next((tmp_path / "o").glob("*.pdf")))


# -- 8. only regular files, with size limits ----------------------------------------


def test_layouts_validate_refuses_devices_and_fifos(tmp_path, cache):
    line = one_error_line(rk("layouts", "validate", "/dev/zero", cache=cache, timeout=60, limit_memory=True))
    assert "not a regular file" in line
    fifo = tmp_path / "layout.yaml"
    os.mkfifo(fifo)
    line = one_error_line(rk("layouts", "validate", str(fifo), cache=cache, timeout=60))
    assert "not a regular file" in line
    big = tmp_path / "big.yaml"
    big.write_text("# padding\n" * 600_000)
    line = one_error_line(rk("layouts", "validate", str(big), cache=cache, timeout=60))
    assert "too large" in line


@pytest.mark.parametrize("target", ["/dev/zero", "fifo"])
def test_chart_csv_must_be_a_regular_file(layouts, tmp_path, cache, target):
    csv = layouts / "data.csv"
    if target == "fifo":
        os.mkfifo(csv)
    else:
        csv.symlink_to(target)
    (layouts / "content.yaml").write_text((layouts / "content.yaml").read_text() + CSV_CHART.format(path="data.csv"))
    edit(layouts / "weekly-brief.yaml", "charts: [fdi_growth, gas_import_share, production_targets]",
         "charts: [from_csv]")
    proc = rk("build", str(SEED_B), "--layout", str(layouts / "weekly-brief.yaml"), "--out", str(tmp_path / "o"),
              "--allow-external-assets", cache=cache, timeout=60, limit_memory=True)
    assert proc.returncode in (0, 2), proc.stderr
    assert "not a regular file" in proc.stderr, proc.stderr


def test_a_source_fifo_does_not_hang(tmp_path, cache):
    (tmp_path / "src").mkdir()
    shutil.copy(SEED_B, tmp_path / "src/b.txt")
    os.mkfifo(tmp_path / "src/pipe.txt")
    proc = rk("facts", str(tmp_path / "src"), cache=cache, timeout=60)
    assert proc.returncode in (0, 2)
    assert "pipe.txt" in proc.stderr and "not a regular file" in proc.stderr


def _corrupt_font(path: Path) -> None:
    """Vera with its table directory pointing far past the end of the file."""
    import reportlab

    data = bytearray((Path(reportlab.__file__).parent / "fonts/Vera.ttf").read_bytes())
    num = int.from_bytes(data[4:6], "big")
    for i in range(num):
        rec = 12 + 16 * i
        data[rec + 8:rec + 12] = (0x7FFF0000).to_bytes(4, "big")  # offset
        data[rec + 12:rec + 16] = (0x7FFF0000).to_bytes(4, "big")  # length
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", ["corrupt", "truncated"])
def test_bad_fonts_are_input_errors(layouts, tmp_path, cache, damage):
    import reportlab

    font = layouts / "brand/Broken.ttf"
    if damage == "corrupt":
        _corrupt_font(font)
    else:
        font.write_bytes((Path(reportlab.__file__).parent / "fonts/Vera.ttf").read_bytes()[:3000])
    edit(layouts / "brand.yaml", "regular: reportlab:Vera.ttf", "regular: brand/Broken.ttf")
    proc = rk("build", str(SEED_B), "--layout", str(layouts / "weekly-brief.yaml"), "--out", str(tmp_path / "o"),
              cache=cache, timeout=120, limit_memory=True)
    line = one_error_line(proc)
    assert "Broken.ttf" in line or "fonts.regular" in line


# -- 12 and 13. user input is exit 2 with one line -------------------------------------


def _logo(layouts: Path, data: bytes) -> None:
    (layouts / "brand/logo.png").write_bytes(data)


def test_truncated_logo_is_an_input_error(layouts, tmp_path, cache):
    _logo(layouts, (LAYOUTS / "brand/logo.png").read_bytes()[:300])
    line = one_error_line(rk("build", str(SEED_B), "--layout", str(layouts / "weekly-brief.yaml"),
                             "--out", str(tmp_path / "o"), cache=cache))
    assert "logo" in line


def test_oversized_logo_is_one_line(layouts, tmp_path, cache):
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    w = h = 60_000  # 3.6 gigapixels, a few kilobytes on disk
    raw = zlib.compress(b"\0" * (1 << 20))
    _logo(layouts, b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
          + chunk(b"IDAT", raw) + chunk(b"IEND", b""))
    line = one_error_line(rk("build", str(SEED_B), "--layout", str(layouts / "weekly-brief.yaml"),
                             "--out", str(tmp_path / "o"), cache=cache))
    assert "logo" in line


def test_svg_logo_entity_bomb_is_one_line(layouts, tmp_path, cache):
    bomb = ('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">'
            + "".join(f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(8))
            + ']><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&i;</text></svg>')
    (layouts / "brand/logo.svg").write_text(bomb)
    edit(layouts / "brand.yaml", "logo: brand/logo.png", "logo: brand/logo.svg")
    proc = rk("build", str(SEED_B), "--layout", str(layouts / "weekly-brief.yaml"), "--out", str(tmp_path / "o"),
              cache=cache, timeout=120)
    assert proc.returncode in (0, 2), proc.stderr[-2000:]
    if proc.returncode == 2:
        assert "logo" in one_error_line(proc)


def test_paragraph_separator_builds_and_verifies(tmp_path, cache):
    src = tmp_path / "sep.txt"
    src.write_text("Separators\n\nGas imports rose 5% in 2024.\u2029Oil output fell\u2028to 1.6 million barrels per day.\n")
    proc = rk("build", str(src), "--out", str(tmp_path / "o"), "--verify", cache=cache)
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_file_name_that_is_not_utf8(tmp_path, cache):
    folder = tmp_path / "src"
    folder.mkdir()
    shutil.copy(SEED_B, folder / "ok.txt")
    with open(os.fsencode(folder) + b"/caf\xe9.txt", "wb") as fh:
        fh.write(b"Caf\xc3\xa9\n\nSales rose 5% in 2024.\n")
    for cmd in (["facts", str(folder)], ["build", str(folder), "--format", "pdf", "--out", str(tmp_path / "o")]):
        proc = rk(*cmd, cache=cache)
        line = one_error_line(proc)
        assert "caf" in line and "UTF-8" in line


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf", "1.0e+308"])
def test_chart_values_must_be_finite_and_sane(layouts, cache, value):
    chart = f"""
  inline:
    kind: bar
    title: Inline
    data:
      values: [{{label: a, value: 1}}, {{label: b, value: {value}}}]
      category: label
"""
    (layouts / "content.yaml").write_text((layouts / "content.yaml").read_text() + chart)
    line = one_error_line(rk("layouts", "validate", str(layouts / "content.yaml"), cache=cache))
    assert "charts.inline.data.values" in line


def test_output_name_with_nul_or_empty(layouts, cache):
    for bad in ['"brief\\0-{week}.pdf"', '""', '"   "', '".."']:
        edit(layouts / "weekly-brief.yaml", 'output: "russia-mexico-brief-{week}.pdf"', f"output: {bad}")
        line = one_error_line(rk("layouts", "validate", str(layouts / "weekly-brief.yaml"), cache=cache))
        assert "output" in line
        shutil.copy(LAYOUTS / "weekly-brief.yaml", layouts / "weekly-brief.yaml")


@pytest.mark.parametrize("week", ["9999-W52", "0000-W01", "0001-W01", "9999-W51"])
def test_far_weeks_build_or_are_input_errors(tmp_path, cache, week):
    proc = rk("build", str(SEED_B), "--week", week, "--format", "pdf", "--out", str(tmp_path / "o"), cache=cache)
    if proc.returncode != 0:
        assert "--week" in one_error_line(proc)


def test_empty_paths_are_input_errors(tmp_path, cache):
    one_error_line(rk("facts", "", cache=cache))
    line = one_error_line(rk("build", str(SEED_B), "--out", "", cache=cache))
    assert "--out" in line


def test_the_same_folder_twice_is_read_once(cache):
    proc = rk("facts", "seeds", "./seeds", "--json", cache=cache)
    assert proc.returncode == 0, proc.stderr
    once = rk("facts", "seeds", "--json", cache=cache)
    assert json.loads(proc.stdout) == json.loads(once.stdout)


def _signal_during_build(tmp_path: Path, cache: Path, sig: int, delay: float) -> subprocess.CompletedProcess[str]:
    """Send ``sig`` ``delay`` seconds after the reportkit package was imported (``-X importtime``
    reports it), i.e. while the command line's own imports run, or later in the build."""
    import threading

    env = {**os.environ, "REPORTKIT_CACHE_DIR": str(cache), "SOURCE_DATE_EPOCH": "1795046400"}
    proc = subprocess.Popen([sys.executable, "-X", "importtime", "-m", "reportkit", "build", str(SEED_B),
                             "--out", str(tmp_path / "o"), "--force"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    started = threading.Event()

    def read() -> None:
        for line in proc.stderr:
            lines.append(line)
            if re.search(r"\|\s+reportkit$", line.rstrip()):
                started.set()
        started.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    started.wait(60)
    time.sleep(delay)
    proc.send_signal(sig)
    out = proc.stdout.read()
    proc.wait(120)
    reader.join(10)
    err = "".join(ln for ln in lines if not ln.startswith("import time:"))
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
@pytest.mark.parametrize("delay", [0.05, 0.1, 0.2, 0.5, 1.0, 2.0])
def test_signals_never_print_a_traceback(tmp_path, sig, delay):
    done = _signal_during_build(tmp_path, tmp_path / "cold-cache", sig, delay)
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    assert done.returncode in (0, 128 + sig, -sig), (done.returncode, done.stderr[-2000:])
    if done.returncode != 0:
        lines = [ln for ln in done.stderr.splitlines() if ln.strip() and not ln.startswith("warning: ")]
        assert len(lines) <= 1, done.stderr


# -- 14. minor -------------------------------------------------------------------------


def test_empty_slide_and_part_lists_are_invalid(layouts, cache):
    brief = layouts / "weekly-brief.yaml"
    brief.write_text(re.sub(r"(?m)^(\s*)parts: \[.*\]", r"\1parts: []", brief.read_text()))
    assert "parts" in one_error_line(rk("layouts", "validate", str(layouts / "weekly-brief.yaml"), cache=cache))
    deck = layouts / "briefing-deck.yaml"
    deck.write_text(re.sub(r"(?m)^(\s*)slides: \[.*\]", r"\1slides: []", deck.read_text()))
    assert "slides" in one_error_line(rk("layouts", "validate", str(layouts / "briefing-deck.yaml"), cache=cache))


def test_latin1_text_is_read_as_western(tmp_path, cache):
    src = tmp_path / "es.txt"
    src.write_bytes("Informe\n\nEl Señor García dijo que la producción subió un 5% en 2024 según Pemex.\n"
                    .encode("latin-1"))
    proc = rk("parse", str(src), "--json", cache=cache)
    assert proc.returncode == 0, proc.stderr
    assert "Señor García" in proc.stdout and "producción" in proc.stdout, proc.stdout[:500]


def test_symlink_to_a_file_outside_the_folder_warns(tmp_path, cache):
    (tmp_path / "src").mkdir()
    shutil.copy(SEED_B, tmp_path / "src/b.txt")
    secret = tmp_path / "elsewhere.txt"
    secret.write_text("Elsewhere\n\nSomething rose 5% in 2024.\n")
    (tmp_path / "src/link.txt").symlink_to(secret)
    proc = rk("facts", str(tmp_path / "src"), cache=cache)
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"link\.txt: .*outside", proc.stderr), proc.stderr


def test_bidi_override_in_a_link_host_is_not_kept(tmp_path, cache):
    src = tmp_path / "links.md"
    src.write_text("# Links\n\nGas imports rose 5% in 2024 [1].\n\n"
                   "[1] https://exa\u202emple.com/path\n[2] https://good.example.org/ok\n")
    proc = rk("parse", str(src), "--json", cache=cache)
    assert proc.returncode == 0, proc.stderr
    refs = [r["url"] for d in json.loads(proc.stdout)["documents"] for r in d["references"]]
    assert len(refs) == 2 and not any("\u202e" in u for u in refs), refs


# -- 7. verify: bounded, and active content reported ------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory, cache):
    out = tmp_path_factory.mktemp("verify-out")
    proc = rk("build", str(SEED_B), "--out", str(out), cache=cache)
    assert proc.returncode == 0, proc.stderr
    return next(out.glob("*.pdf")), next(out.glob("*.pptx"))


def _rezip(src: Path, dst: Path, extra: dict[str, bytes] | None = None,
           edit_member: tuple[str, Callable[[bytes], bytes]] | None = None) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if edit_member and info.filename == edit_member[0]:
                data = edit_member[1](data)
            zout.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            zout.writestr(name, data)


def test_verify_refuses_a_zip_bomb_without_inflating_it(built, tmp_path, cache):
    _pdf, deck = built
    bomb = tmp_path / "bomb.pptx"
    _rezip(deck, bomb, extra={"ppt/media/filler.bin": b"\0" * (300 << 20)})
    assert bomb.stat().st_size < 4 << 20
    proc = rk("verify", str(bomb), cache=cache, timeout=120, limit_memory=True)
    assert proc.returncode == 1, proc.stderr
    assert "filler.bin" in proc.stdout and "size" in proc.stdout, proc.stdout


def test_verify_reports_external_targets_in_a_deck(built, tmp_path, cache):
    _pdf, deck = built
    rels = ('<Relationship Id="rId901" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'oleObject" Target="http://evil.example/x.bin" TargetMode="External"/>'
            '<Relationship Id="rId902" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'hyperlink" Target="file:///etc/passwd" TargetMode="External"/>'
            '<Relationship Id="rId903" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'image" Target="\\\\server\\share\\x.png" TargetMode="External"/>')
    bad = tmp_path / "external.pptx"
    _rezip(deck, bad, edit_member=("ppt/slides/_rels/slide1.xml.rels",
                                   lambda b: b.replace(b"</Relationships>", rels.encode() + b"</Relationships>")))
    proc = rk("verify", str(bad), cache=cache, timeout=120)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    for target in ("evil.example", "file:///etc/passwd", "server"):
        assert target in proc.stdout, proc.stdout


@pytest.mark.parametrize("kind", ["javascript", "launch"])
def test_verify_reports_active_content_in_a_pdf(built, tmp_path, cache, kind):
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    pdf, _deck = built
    w = PdfWriter(clone_from=PdfReader(str(pdf)))
    if kind == "javascript":
        w._root_object[NameObject("/OpenAction")] = DictionaryObject({
            NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert(1);")})
    else:
        w._root_object[NameObject("/OpenAction")] = DictionaryObject({
            NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("calc.exe")})
    bad = tmp_path / f"{kind}.pdf"
    with open(bad, "wb") as fh:
        w.write(fh)
    proc = rk("verify", str(bad), cache=cache, timeout=120)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "active content" in proc.stdout, proc.stdout


def test_verify_passes_what_reportkit_builds(built, cache):
    proc = rk("verify", *map(str, built), cache=cache, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr


# -- 11. batch faults --------------------------------------------------------------------


def _manifest(tmp_path: Path, reports: str) -> Path:
    (tmp_path / "src").mkdir(exist_ok=True)
    shutil.copy(SEED_B, tmp_path / "src/b.txt")
    p = tmp_path / "batch.yaml"
    p.write_text(f"""
defaults:
  sources: [src/]
  layouts: [{LAYOUTS / 'weekly-brief.yaml'}, {LAYOUTS / 'briefing-deck.yaml'}]
  out: "out/{{name}}"
reports:
{reports}
""")
    return p


def _fake_browser(tmp_path: Path, body: str) -> Path:
    exe = tmp_path / "fake-chromium"
    exe.write_text("#!/bin/sh\n" + body + "\n")
    exe.chmod(0o755)
    return exe


def _batch(manifest: Path, tmp_path: Path, *args: str, env: dict[str, str] | None = None,
           cache: Path | None = None) -> subprocess.CompletedProcess[str]:
    return rk("batch", str(manifest), "--summary", str(tmp_path / "summary.json"), "--junit",
              str(tmp_path / "junit.xml"), *args, cache=cache or tmp_path / "cache", env=env, timeout=600)


def _statuses(tmp_path: Path) -> dict[str, tuple[str, str | None]]:
    import xml.etree.ElementTree as ET

    ET.parse(tmp_path / "junit.xml")  # written, and well-formed
    return {r["name"]: (r["status"], r["error"]) for r in json.loads((tmp_path / "summary.json").read_text())["reports"]}


def test_batch_jobs_are_capped_with_a_note(tmp_path):
    manifest = _manifest(tmp_path, "  - {name: a, sources: [missing/]}\n")
    proc = _batch(manifest, tmp_path, "--jobs", "64")
    assert proc.returncode == 1
    assert re.search(r"warning: --jobs 64 capped to \d+ \(", proc.stderr), proc.stderr


def test_batch_a_killed_worker_fails_its_report_alone(tmp_path):
    # the first browser start kills its worker (SIGKILL, as the OOM killer would); later ones are real.
    # The browser's parent is the worker: the shell that starts it execs it (charts/browser.py)
    exe = _fake_browser(tmp_path, f'if mkdir "{tmp_path}/killed" 2>/dev/null; then\n'
                                  '  kill -9 "$PPID"; sleep 30; exit 1\nfi\n'
                                  'exec /usr/lib/chromium/chromium "$@"')
    manifest = _manifest(tmp_path, "  - {name: w45, week: 2026-W45, formats: pdf}\n"
                                   "  - {name: w46, week: 2026-W46, formats: pdf}\n"
                                   "  - {name: w47, week: 2026-W47, formats: pdf}\n")
    proc = _batch(manifest, tmp_path, "--jobs", "2", env={"REPORTKIT_CHROMIUM": str(exe)})
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and "BrokenProcessPool" not in proc.stdout + proc.stderr
    st = _statuses(tmp_path)
    failed = [n for n, (s, _e) in st.items() if s == "failed"]
    assert len(failed) == 1 and "killed" in st[failed[0]][1], st
    assert sorted(s for s, _e in st.values()) == ["built", "built", "failed"], st


def test_batch_a_hung_report_times_out_alone(tmp_path):
    exe = _fake_browser(tmp_path, "exec sleep 300")
    manifest = _manifest(tmp_path, "  - {name: hangs, formats: pdf}\n"
                                   "  - {name: native-deck, formats: pptx}\n")
    start = time.monotonic()
    proc = _batch(manifest, tmp_path, "--jobs", "2", "--report-timeout", "8",
                  env={"REPORTKIT_CHROMIUM": str(exe), "REPORTKIT_CHART_TIMEOUT": "600"})
    assert proc.returncode == 1, proc.stderr
    assert time.monotonic() - start < 120
    st = _statuses(tmp_path)
    assert st["native-deck"][0] == "built", st
    assert st["hangs"][0] == "failed" and "timed out after 8 s" in st["hangs"][1], st


def test_batch_sigterm_still_writes_summary_and_junit(tmp_path):
    exe = _fake_browser(tmp_path, "exec sleep 300")
    manifest = _manifest(tmp_path, "  - {name: a, formats: pdf}\n  - {name: b, formats: pdf, week: 2026-W40}\n"
                                   "  - {name: c, formats: pdf, week: 2026-W41}\n")
    env = {**os.environ, "REPORTKIT_CACHE_DIR": str(tmp_path / "cache"), "SOURCE_DATE_EPOCH": "1795046400",
           "REPORTKIT_CHROMIUM": str(exe), "REPORTKIT_CHART_TIMEOUT": "600"}
    proc = subprocess.Popen([sys.executable, "-m", "reportkit", "batch", str(manifest), "--jobs", "1", "--summary",
                             str(tmp_path / "summary.json"), "--junit", str(tmp_path / "junit.xml")],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(6)
    proc.terminate()
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 143, (proc.returncode, err)
    assert "Traceback" not in err
    st = _statuses(tmp_path)
    assert set(st) == {"a", "b", "c"} and all(s == "not run" for s, _e in st.values()), st


@pytest.mark.parametrize("after", [0.5, 3, 6])
def test_browser_killed_mid_build_is_one_clear_line(tmp_path, after):
    # the real browser, killed (SIGKILL) a while after it starts: while starting or while drawing
    exe = _fake_browser(tmp_path, f'(sleep {after}; kill -9 $$) &\nexec /usr/lib/chromium/chromium "$@"')
    proc = rk("build", str(SEED_B), "--format", "pdf", "--out", str(tmp_path / "o"), cache=tmp_path / "cold",
              env={"REPORTKIT_CHROMIUM": str(exe)})
    assert proc.returncode in (0, 2), (proc.returncode, proc.stderr[-2000:])
    if proc.returncode == 2:
        line = one_error_line(proc)
        assert "browser" in line and "CancelledError" not in line and "apt-get" not in line, line
