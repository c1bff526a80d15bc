"""JSON Schema of the layout files (issue 16 item 2): written deterministically, committed in
layouts/schema/ up to date, named by the first line of every shipped layout file, and accepting
exactly what reportkit accepts for the shipped files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from reportkit.cli import main
from reportkit.layouts.schema import KINDS, header_line, schema_json, write_schemas

PACKAGED = Path(__file__).resolve().parent.parent / "reportkit" / "layouts" / "default"
FOLDERS = ["layouts", "packaged"]  # the repository's layouts/ and the defaults shipped in the wheel
SHIPPED_KIND = {"brand.yaml": "brand", "content.yaml": "content", "weekly-brief.yaml": "layout",
                "briefing-deck.yaml": "layout"}


def test_write_schemas_writes_three_files_deterministically(tmp_path: Path) -> None:
    paths = write_schemas(tmp_path / "schema")
    assert [p.name for p in paths] == ["brand.schema.json", "content.schema.json", "layout.schema.json"]
    first = [p.read_bytes() for p in paths]
    again = write_schemas(tmp_path / "other")
    assert [p.read_bytes() for p in again] == first
    for p, kind in zip(paths, KINDS):
        text = p.read_text()
        assert text.endswith("}\n") and text == schema_json(kind)
        data = json.loads(text)
        assert data["additionalProperties"] is False  # unknown keys are errors, as in reportkit
        assert json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n" == text  # sorted keys


def test_factory_defaults_are_in_the_schema() -> None:
    content = json.loads(schema_json("content"))
    assert content["properties"]["sources"]["default"][0] == "**/*.txt"
    assert content["properties"]["stories"]["default"]["summary_words"] == 80
    layout = json.loads(schema_json("layout"))
    assert layout["$defs"]["PdfSettings"]["properties"]["parts"]["default"][0] == "cover"


def _folder(which: str, layouts_dir: Path) -> Path:
    return layouts_dir if which == "layouts" else PACKAGED


@pytest.mark.parametrize("which", FOLDERS)
def test_committed_schema_files_are_current(layouts_dir: Path, which: str) -> None:
    """<folder>/schema/*.json is what `reportkit layouts schema` writes now (regenerate it when a model changes)."""
    layouts_dir = _folder(which, layouts_dir)
    for kind in KINDS:
        committed = (layouts_dir / "schema" / f"{kind}.schema.json").read_text()
        assert committed == schema_json(kind), f"run: reportkit layouts schema --out layouts/schema ({kind})"


@pytest.mark.parametrize("which", FOLDERS)
@pytest.mark.parametrize("name", sorted(SHIPPED_KIND))
def test_shipped_files_name_their_schema_on_the_first_line(layouts_dir: Path, name: str, which: str) -> None:
    path = _folder(which, layouts_dir) / name
    first = path.read_text().splitlines()[0]
    assert first == header_line(SHIPPED_KIND[name])
    target = path.parent / first.split("$schema=", 1)[1]
    assert target.is_file()  # a path in the project, not a URL


@pytest.mark.parametrize("which", FOLDERS)
@pytest.mark.parametrize("name", sorted(SHIPPED_KIND))
def test_shipped_files_pass_the_schema(layouts_dir: Path, name: str, which: str) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    data = yaml.safe_load((_folder(which, layouts_dir) / name).read_text())
    schema = json.loads(schema_json(SHIPPED_KIND[name]))
    jsonschema.validators.validator_for(schema).check_schema(schema)
    jsonschema.validate(data, schema)


def test_schema_rejects_an_unknown_key_and_a_bad_colour(layouts_dir: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(schema_json("brand"))
    data = yaml.safe_load((layouts_dir / "brand.yaml").read_text())
    data["colours"] = data["colors"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)
    del data["colours"]
    data["colors"]["primary"] = "navy"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_cli_layouts_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ei:
        main(["layouts", "schema", "--out", str(tmp_path / "s")])
    assert ei.value.code in (0, None)
    out = capsys.readouterr().out
    assert out.splitlines() == [f"wrote {tmp_path / 's' / k}.schema.json" for k in KINDS]
    with pytest.raises(SystemExit) as ei:
        main(["layouts", "schema", "--kind", "content"])
    assert ei.value.code in (0, None)
    assert capsys.readouterr().out == schema_json("content")
    with pytest.raises(SystemExit) as ei:
        main(["layouts", "schema", "--kind", "deck"])
    assert ei.value.code == 2
    assert "error: unknown schema kind 'deck' (known: brand, content, layout)" in capsys.readouterr().err


def test_cli_layouts_schema_default_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Default: into layouts/schema/; with no layouts/ folder an error (a layouts/ holding only
    schema/ would make build ignore the packaged layouts)."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as ei:
        main(["layouts", "schema"])
    assert ei.value.code == 2 and not (tmp_path / "layouts").exists()
    assert "error: layouts/: no layouts/ folder here; give --out DIR" in capsys.readouterr().err
    (tmp_path / "layouts").mkdir()
    with pytest.raises(SystemExit) as ei:
        main(["layouts", "schema"])
    assert ei.value.code in (0, None)
    assert sorted(p.name for p in (tmp_path / "layouts" / "schema").iterdir()) == [
        "brand.schema.json", "content.schema.json", "layout.schema.json"]
