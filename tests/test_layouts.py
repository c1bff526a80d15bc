"""Layout validation: the shipped layouts load; each kind of mistake gives its exact one-line message."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from fixtures.cli import run_cli
from reportkit.errors import LayoutError
from reportkit.layouts.load import list_layouts, load_layout, validate_file


@pytest.fixture
def lay(tmp_path: Path, layouts_dir: Path) -> Path:
    """A private copy of the shipped layouts folder."""
    dst = tmp_path / "layouts"
    shutil.copytree(layouts_dir, dst)
    return dst


def edit(path: Path, keypath: str, value: Any) -> None:
    """Set (or, with value ``...``, delete) one key of a YAML file."""
    data = yaml.safe_load(path.read_text())
    *parents, last = keypath.split(".")
    node = data
    for k in parents:
        node = node[int(k)] if isinstance(node, list) else node[k]
    if value is ...:
        del node[last]
    else:
        node[last] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True))


def error_of(path: Path, **kw: Any) -> str:
    with pytest.raises(LayoutError) as ei:
        load_layout(path, **kw)
    return str(ei.value)


@pytest.mark.parametrize("name", ["weekly-brief.yaml", "briefing-deck.yaml"])
def test_shipped_layouts_load(layouts_dir: Path, name: str) -> None:
    lay = load_layout(layouts_dir / name)
    assert lay.chart_ids() == ["fdi_growth", "gas_import_share", "production_targets"]
    assert lay.brand.colors.primary == "#0B3C5D"
    assert lay.logo_path and lay.logo_path.is_file()
    assert lay.font_paths["regular"].name == "Vera.ttf" and lay.font_paths["regular"].is_file()
    assert set(lay.font_paths) == {"regular", "bold", "italic", "bold_italic"}
    assert (lay.pdf is not None) == (name == "weekly-brief.yaml")
    assert (lay.deck is not None) == (name == "briefing-deck.yaml")
    assert lay.content.key_figures.count == 4


@pytest.mark.parametrize(
    ("fname", "keypath", "value", "message"),
    [
        ("content.yaml", "charts.fdi_growth.kindd", "bar", "charts.fdi_growth.kindd: unknown key (did you mean 'kind'?)"),
        ("content.yaml", "charts.fdi_growth.target", {"unitt": "USD"},
         "charts.fdi_growth.target.unitt: unknown key (did you mean 'unit'?)"),
        ("content.yaml", "charts.fdi_growth.target", "high", "charts.fdi_growth.target: expected a mapping or a number, got 'high'"),
        ("content.yaml", "title", 5, "title: expected text, got 5"),
        ("content.yaml", "max_takeaways", "8", "max_takeaways: expected a whole number, got '8'"),
        ("content.yaml", "charts.fdi_growth.data.facts.label", "FDI",
         "charts.fdi_growth.data.facts.label: expected a list, got 'FDI'"),
        ("content.yaml", "key_figures.picks.0.fact.unit", 3, "key_figures.picks[0].fact.unit: expected text or a list, got 3"),
        ("content.yaml", "charts.fdi_growth.kind", "pie",
         "charts.fdi_growth.kind: expected 'bar', 'line', 'donut', 'bullet' or 'stacked_bar', got 'pie'"),
        ("content.yaml", "key_figures", "x", "key_figures: expected a mapping, got 'x'"),
        ("content.yaml", "short_title", ..., "short_title: required key is missing"),
        ("content.yaml", "title", "Brief — Week {weak}",
         "title: unknown placeholder {weak} in 'Brief — Week {weak}' (known: {week}, {week_number}, {year}, {start}, {end})"),
        ("content.yaml", "title", "Brief {0}",
         "title: unknown placeholder {0} in 'Brief {0}' (known: {week}, {week_number}, {year}, {start}, {end})"),
        ("content.yaml", "charts.gas_import_share.parts", [{"name": "a"}, {"name": "b"}],
         "charts.gas_import_share: parts: only a stacked_bar has parts, this chart is a donut"),
        ("content.yaml", "charts.fdi_growth.data.values", [{"label": "a", "value": 1}],
         "charts.fdi_growth.data: give exactly one of facts, values, csv (got ['facts', 'values'])"),
        ("brand.yaml", "colors.primary", "blue", "colors.primary: expected a colour like '#0B3C5D', got 'blue'"),
        ("brand.yaml", "colors.palette", [], "colors.palette: expected at least 1 item, not 0, got []"),
        ("brand.yaml", "colours", {}, "colours: unknown key (did you mean 'colors'?)"),
        ("brand.yaml", "fonts.regular", "reportlab:Nope.ttf", "fonts.regular: reportlab ships no font 'Nope.ttf'"),
        ("weekly-brief.yaml", "pdf.page_size", "A5", "pdf.page_size: expected 'A4' or 'Letter', got 'A5'"),
        ("weekly-brief.yaml", "pdf.charts", ["fdi_grow"],
         "pdf.charts[0]: no chart 'fdi_grow' in content.yaml (did you mean 'fdi_growth'?)"),
        ("weekly-brief.yaml", "output", "out/{week}.pdf", "output: must be a file name, not a path: 'out/{week}.pdf'"),
        ("weekly-brief.yaml", "pdf.parts", ["cover", "sections", "cover"], "pdf.parts: listed more than once: cover"),
    ],
)
def test_mistakes_give_exact_messages(lay: Path, fname: str, keypath: str, value: Any, message: str) -> None:
    edit(lay / fname, keypath, value)
    assert error_of(lay / "weekly-brief.yaml") == f"{lay / fname}: {message}"


def test_invalid_yaml_names_line_and_column(lay: Path) -> None:
    (lay / "content.yaml").write_text("title: [unclosed\nshort_title: x\n")
    assert error_of(lay / "weekly-brief.yaml") == (
        f"{lay / 'content.yaml'}: invalid YAML: line 2, column 12: expected ',' or ']', but got ':'"
    )


def test_yaml_is_loaded_safely(lay: Path) -> None:
    (lay / "content.yaml").write_text("title: !!python/object/apply:os.system ['echo pwned']\n")
    msg = error_of(lay / "weekly-brief.yaml")
    assert msg.startswith(f"{lay / 'content.yaml'}: invalid YAML: line 1, column 8: ")
    assert "could not determine a constructor" in msg


def test_top_level_must_be_a_mapping(lay: Path) -> None:
    (lay / "brand.yaml").write_text("- a\n- b\n")
    assert error_of(lay / "weekly-brief.yaml") == f"{lay / 'brand.yaml'}: top level must be a mapping, not list"


def test_missing_logo(lay: Path) -> None:
    edit(lay / "brand.yaml", "logo", "brand/missing.svg")
    assert error_of(lay / "weekly-brief.yaml") == f"{lay / 'brand.yaml'}: logo: file not found: brand/missing.svg"


def test_logo_that_is_not_an_image(lay: Path) -> None:
    (lay / "brand" / "logo.png").write_text("not a picture")
    assert error_of(lay / "weekly-brief.yaml") == f"{lay / 'brand.yaml'}: logo: not a PNG or SVG image: brand/logo.png"


def test_font_that_is_not_a_ttf(lay: Path) -> None:
    (lay / "brand" / "fake.ttf").write_text("hello")
    edit(lay / "brand.yaml", "fonts.bold", "brand/fake.ttf")
    assert error_of(lay / "weekly-brief.yaml") == (
        f"{lay / 'brand.yaml'}: fonts.bold: not a TrueType font (.ttf): brand/fake.ttf"
    )


def test_template_that_is_not_a_pptx(lay: Path) -> None:
    (lay / "template.docx").write_bytes(b"PK\x03\x04")
    edit(lay / "briefing-deck.yaml", "deck.template", "template.docx")
    assert error_of(lay / "briefing-deck.yaml") == (
        f"{lay / 'briefing-deck.yaml'}: deck.template: not a .pptx or .potx file: template.docx"
    )


def test_missing_template(lay: Path) -> None:
    edit(lay / "briefing-deck.yaml", "deck.template", "brand/deck.pptx")
    assert error_of(lay / "briefing-deck.yaml") == (
        f"{lay / 'briefing-deck.yaml'}: deck.template: file not found: brand/deck.pptx"
    )


@pytest.mark.parametrize("ref", ["../outside.png", "brand/../../outside.png", "ABSOLUTE"])
def test_assets_outside_the_layout_folder_are_refused(lay: Path, ref: str) -> None:
    outside = lay.parent / "outside.png"
    shutil.copy(lay / "brand" / "logo.png", outside)
    ref = str(outside) if ref == "ABSOLUTE" else ref
    edit(lay / "brand.yaml", "logo", ref)
    assert error_of(lay / "weekly-brief.yaml") == (
        f"{lay / 'brand.yaml'}: logo: logo path {ref!r} is outside the layout folder "
        "(use --allow-external-assets to permit it)"
    )
    assert load_layout(lay / "weekly-brief.yaml", allow_external=True).logo_path == outside.resolve()


def test_dotdot_that_stays_inside_is_fine(lay: Path) -> None:
    edit(lay / "brand.yaml", "logo", "brand/../brand/logo.svg")
    assert load_layout(lay / "weekly-brief.yaml").logo_path == (lay / "brand" / "logo.svg").resolve()


def test_pdf_layout_with_deck_settings(lay: Path) -> None:
    edit(lay / "weekly-brief.yaml", "deck", {"slide_size": "16:9"})
    assert error_of(lay / "weekly-brief.yaml") == (
        f"{lay / 'weekly-brief.yaml'}: deck: a pdf layout takes 'pdf' settings, not 'deck'"
    )


def test_title_placeholders_all_work(lay: Path) -> None:
    edit(lay / "content.yaml", "title", "W{week_number} {year} ({week}: {start} to {end})")
    assert "{week_number}" in load_layout(lay / "weekly-brief.yaml").content.title


def test_validate_file_roles(lay: Path) -> None:
    assert validate_file(lay / "brand.yaml") == "brand"
    assert validate_file(lay / "content.yaml") == "content"
    assert validate_file(lay / "weekly-brief.yaml") == "pdf"
    assert validate_file(lay / "briefing-deck.yaml") == "pptx"
    roles = {p.name: r for p, r in list_layouts(lay)}
    assert roles == {"brand.yaml": "brand", "briefing-deck.yaml": "pptx", "content.yaml": "content",
                     "weekly-brief.yaml": "pdf"}


# -- the CLI ------------------------------------------------------------------


run = run_cli  # reportkit ARGS in-process: (exit code, stdout, stderr)


def test_cli_layouts_list(capsys: pytest.CaptureFixture[str], lay: Path) -> None:
    code, out, _ = run(capsys, "layouts", "list", "--dir", str(lay))
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 4
    assert lines[0].split()[:2] == ["brand", "brand"]
    assert any(line.split()[:2] == ["weekly-brief", "pdf"] for line in lines)


def test_cli_layouts_validate_good_and_bad(capsys: pytest.CaptureFixture[str], lay: Path) -> None:
    code, out, err = run(capsys, "layouts", "validate", str(lay / "weekly-brief.yaml"), str(lay / "brand.yaml"))
    assert code == 0 and err == ""
    assert out.splitlines() == [f"ok: {lay / 'weekly-brief.yaml'} (pdf)", f"ok: {lay / 'brand.yaml'} (brand)"]
    edit(lay / "content.yaml", "charts.fdi_growth.kindd", "bar")
    code, out, err = run(capsys, "layouts", "validate", str(lay / "content.yaml"), str(lay / "brand.yaml"))
    assert code == 2
    assert err == f"error: {lay / 'content.yaml'}: charts.fdi_growth.kindd: unknown key (did you mean 'kind'?)\n"
    assert out == f"ok: {lay / 'brand.yaml'} (brand)\n"


def test_cli_layouts_validate_external_flag(capsys: pytest.CaptureFixture[str], lay: Path) -> None:
    shutil.copy(lay / "brand" / "logo.png", lay.parent / "ext.png")
    edit(lay / "brand.yaml", "logo", "../ext.png")
    code, _, err = run(capsys, "layouts", "validate", str(lay / "brand.yaml"))
    assert code == 2 and "is outside the layout folder" in err and err.count("\n") == 1
    code, out, _ = run(capsys, "layouts", "validate", "--allow-external-assets", str(lay / "brand.yaml"))
    assert code == 0 and out.startswith("ok: ")


def test_cli_layouts_show(capsys: pytest.CaptureFixture[str], lay: Path) -> None:
    pytest.importorskip("reportkit.describe")  # written by the readers/facts engineer
    code, out, err = run(capsys, "layouts", "show", "briefing-deck", "--dir", str(lay))
    assert code == 0, err
    shown = yaml.safe_load(out)
    assert isinstance(shown, dict)
    assert "16:9" in out and "fdi_growth" in out


def test_cli_layouts_show_unknown_name(capsys: pytest.CaptureFixture[str], lay: Path) -> None:
    pytest.importorskip("reportkit.describe")
    code, _, err = run(capsys, "layouts", "show", "weekly-breif", "--dir", str(lay))
    assert code == 2
    assert err == "error: weekly-breif: no such layout (did you mean 'weekly-brief'?)\n"
