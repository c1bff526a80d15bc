"""Validated layout models kept between processes (reportkit/layouts/keptmodels.py, objects.py,
issue 19): the objects read back from an entry hold what validation made, field for field and
type for type; a build reads the same objects whether its layouts were validated now or before;
shapes.py is still the models' table; an invalid file fails the same way every time; a damaged
or foreign entry is a miss; and a warm build imports neither pydantic nor importlib.metadata in
any of its processes."""

from __future__ import annotations

import json
import os
import pickle
import shutil
from pathlib import Path

import pytest
from pydantic import BaseModel

from conftest import LAYOUTS, ROOT, SEEDS
from test_cli_plain import PLAIN, run
from test_layouts_kept import OUTPUT_LAYOUTS, _entries, _fresh_process_memory  # noqa: F401 - an autouse fixture
from test_layouts_yaml import LAYOUT_FILES

from reportkit import entryfile
from reportkit.errors import LayoutError
from reportkit.layouts import assets, check, kept, keptmodels, load, load_layout, objects, shapes
from reportkit.layouts.models import Brand, Content, DeckSettings, Layout, LayoutFile, PdfSettings



def same(a, b, where: str = "") -> None:
    """``a`` (objects.Kept, or a model) and ``b`` (a model) alike to the last value: the model's
    name, types (1 is not 1.0), field values, which fields the file set, and the order of fields
    and mappings; ``==`` checks neither types nor fields set."""
    if isinstance(b, BaseModel):
        assert isinstance(a, (objects.Kept, BaseModel)) and type(a).__name__ == type(b).__name__, where
        assert a.model_fields_set == b.model_fields_set, where
        assert list(a.__dict__) == list(b.__dict__), where
        for k in a.__dict__:
            same(a.__dict__[k], b.__dict__[k], f"{where}.{k}")
        assert (b.__pydantic_extra__, b.__pydantic_private__) == (None, None)
        return
    assert type(a) is type(b), where
    if isinstance(a, dict):
        assert list(a) == list(b), where
        for k in a:
            same(a[k], b[k], f"{where}.{k}")
    elif isinstance(a, list):
        assert len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b)):
            same(x, y, f"{where}[{i}]")
    else:
        assert a == b, where


def validated_layout(layout) -> Layout:
    """The pydantic :class:`Layout` of a loaded layout: each of its files validated by its model now."""
    def valid(model, path):
        return check.validate_model(model, check.read_yaml(path), path)

    lf = valid(LayoutFile, layout.path)
    fields = {f: getattr(layout, f) for f in objects.LAYOUT_FIELDS}
    fields.update(brand=valid(Brand, layout.brand_path), content=valid(Content, layout.content_path),
                  pdf=lf.pdf or (PdfSettings() if lf.format == "pdf" else None),
                  deck=lf.deck or (DeckSettings() if lf.format == "pptx" else None))
    return Layout(**fields)


def test_the_shapes_table_is_the_models(tmp_path):
    """shapes.py is what the models say now; when they change, write it again with
    ``.venv/bin/python -c "from reportkit.layouts import keptmodels; open('reportkit/layouts/shapes.py', 'w').write(keptmodels.shapes_source())"``."""
    assert keptmodels.shape_table() == shapes.SHAPES
    assert (ROOT / "reportkit/layouts/shapes.py").read_text() == keptmodels.shapes_source()
    assert list(Layout.model_fields) == list(objects.LAYOUT_FIELDS)
    assert set(objects.CLASSES) == set(keptmodels._CLASSES) and "Colors" in objects.CLASSES


def test_defaults_are_the_models_defaults():
    for name, model in keptmodels._CLASSES.items():
        if all(not info.is_required() for info in model.model_fields.values()):
            same(objects.defaults(name), model.model_construct(), name)  # model(): its validators may refuse none


def _role(path: Path) -> type[BaseModel] | None:
    """The model a layout file is validated as (None: not a readable mapping)."""
    try:
        data = check.read_yaml(path)
    except LayoutError:
        return None
    return LayoutFile if "format" in data else Brand if "colors" in data or "fonts" in data else Content


def _valid(path: Path) -> tuple[type[BaseModel], BaseModel] | None:
    """The model and validated object of a valid layout file; None for an invalid one (those are
    test_an_invalid_file_fails_the_same_way_every_time's)."""
    model = _role(path)
    if model is None:
        return None
    try:
        return model, check.validate_model(model, check.read_yaml(path), path)
    except LayoutError:
        return None


VALID_FILES = [p for p in LAYOUT_FILES if _valid(p) is not None]


@pytest.mark.parametrize("path", VALID_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_kept_model_is_the_validated_one(path, tmp_path):
    model, validated = _valid(path)  # type: ignore[misc]
    blob = path.read_bytes()
    keptmodels.keep(tmp_path, blob, validated)
    assert _entries(tmp_path)
    again = objects.found(tmp_path, model.__name__, blob)
    assert isinstance(again, objects.Kept) and type(again).__name__ == model.__name__
    same(again, validated)
    same(keptmodels.to_objects(validated), validated)
    assert keptmodels.to_objects(validated) == again
    assert objects.found(tmp_path, model.__name__, blob + b"\n") is None  # other bytes: a miss


@pytest.mark.parametrize("path", VALID_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_plain_is_model_dump(path):
    _model, validated = _valid(path)  # type: ignore[misc]
    for value in (validated, keptmodels.to_objects(validated)):
        assert objects.plain(value) == validated.model_dump()
        assert repr(objects.plain(value)) == repr(validated.model_dump())  # same types and order
        assert repr(objects.plain(value, exclude_defaults=True)) == repr(validated.model_dump(exclude_defaults=True))


@pytest.mark.parametrize("path", OUTPUT_LAYOUTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_layout_built_from_kept_models_is_the_validated_one(path, tmp_path, monkeypatch):
    uncached = load_layout(path, allow_external=True)  # no cache: every file validated
    check._PARSED.clear()
    assets._CHECKED.clear()
    first = load_layout(path, allow_external=True, keep=tmp_path)  # validated, then kept
    check._PARSED.clear()
    assets._CHECKED.clear()
    monkeypatch.setattr(load, "_validate", lambda *_a: pytest.fail("validated again"))
    monkeypatch.setattr(check, "_parse_yaml", lambda *_a: pytest.fail("parsed again"))
    warm = load_layout(path, allow_external=True, keep=tmp_path)
    monkeypatch.undo()
    validated = validated_layout(uncached)
    for built in (uncached, first, warm):
        assert type(built) is objects.Layout and built == uncached and repr(built) == repr(uncached)
        again = pickle.loads(pickle.dumps(built))  # a render worker's task
        assert type(again) is objects.Layout and again == built and again.brand.model_fields_set == built.brand.model_fields_set
        same(built, validated)
        assert built.chart_ids() == validated.chart_ids() and built.auto_chart_count() == validated.auto_chart_count()
        assert built.output_name("2026-W47") == validated.output_name("2026-W47")
    assert objects.plain(warm) == validated.model_dump()


def test_the_probe_sees_a_validation(tmp_path, monkeypatch):
    """The test above can fail: with nothing kept, the layout is validated."""
    monkeypatch.setattr(load, "_validate", lambda *_a: pytest.fail("validated again"))
    with pytest.raises(pytest.fail.Exception):
        load_layout(LAYOUTS / "weekly-brief.yaml", keep=tmp_path)


def _invalid_brand(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(LAYOUTS / "brand", folder / "brand", dirs_exist_ok=True)
    text = (LAYOUTS / "brand.yaml").read_text().replace("colors:", "colours:", 1)
    (folder / "brand.yaml").write_text(text)
    return folder / "brand.yaml"


def test_an_invalid_file_fails_the_same_way_every_time(tmp_path):
    brand = _invalid_brand(tmp_path / "a")
    where = tmp_path / "kept"
    messages = []
    for keep in (None, where, where):
        check._PARSED.clear()
        assets._CHECKED.clear()
        with pytest.raises(LayoutError) as e:
            load.load_brand(brand, keep=keep)
        messages.append(str(e.value))
    assert messages[0] == messages[1] == messages[2]
    assert messages[0] == f"{brand}: colours: unknown key (did you mean 'colors'?)"
    assert objects.found(where, "Brand", brand.read_bytes()) is None  # a failed validation is not kept


def test_an_invalid_layout_says_one_line_from_the_command(tmp_path):
    """Through the build command, cache on, twice: the same one-line error, exit 2."""
    proj = tmp_path / "p"
    shutil.copytree(SEEDS, proj / "seeds")
    shutil.copytree(LAYOUTS, proj / "layouts")
    content = proj / "layouts" / "content.yaml"
    content.write_text(content.read_text().replace("max_takeaways:", "max_takeaway:", 1))
    answers = [run(proj, PLAIN, "build", "seeds", "--out", "o", "--force", "-q")[::2] for _ in range(2)]
    assert answers[0] == answers[1]
    code, err = answers[0]
    assert code == 2 and err.strip().splitlines() == [
        "error: layouts/content.yaml: max_takeaway: unknown key (did you mean 'max_takeaways'?)"], err


def _kept_brand(tmp_path: Path) -> tuple[Path, bytes, Path, Brand]:
    where = tmp_path / "kept"
    blob = (LAYOUTS / "brand.yaml").read_bytes()
    brand = check.validate_model(Brand, check.read_yaml(LAYOUTS / "brand.yaml"), LAYOUTS / "brand.yaml")
    keptmodels.keep(where, blob, brand)
    (entry,) = _entries(where)
    return where, blob, entry, brand


def _rewrite(entry: Path, body: bytes) -> None:
    """A well-formed entry of the right key holding ``body``."""
    head = entry.read_bytes().partition(b"\n")[0]
    entry.write_bytes(entryfile.header(head.split(b" ")[:-1], body) + b"\n" + body)


@pytest.mark.parametrize("damage", ["truncated", "flipped", "not json", "not a model", "another model",
                                    "unknown model", "a field missing", "a field more", "fields set unknown",
                                    "an object value", "not finite", "a tuple of a list", "empty"])
def test_a_damaged_or_foreign_entry_is_a_miss(tmp_path, damage):
    where, blob, entry, brand = _kept_brand(tmp_path)
    raw = entry.read_bytes()
    body = json.loads(raw.partition(b"\n")[2])
    if damage == "truncated":
        entry.write_bytes(raw[:-10])
    elif damage == "flipped":
        entry.write_bytes(raw.replace(b"Meridian", b"Meridiam"))
    elif damage == "empty":
        entry.write_bytes(b"")
    else:
        if damage == "not json":
            payload = b"{m: x"
        else:
            if damage == "not a model":
                body = {"d": body["v"]}
            elif damage == "another model":
                body["m"] = "Content"
            elif damage == "unknown model":
                body["m"] = "Manifest"
            elif damage == "a field missing":
                del body["v"]["footer"]
            elif damage == "a field more":
                body["v"]["extra"] = "x"
            elif damage == "fields set unknown":
                body["s"].append("colours")
            elif damage == "an object value":
                body["v"]["colors"]["v"]["primary"] = {"x": 1}
            elif damage == "a tuple of a list":
                body["v"]["colors"] = [body["v"]["colors"]]
            payload = json.dumps(body).encode()
            if damage == "not finite":
                payload = payload.replace(b'"Meridian', b'Infinity, "x": "Meridian', 1)
        _rewrite(entry, payload)
    assert objects.found(where, "Brand", blob) is None
    assert load.load_brand(LAYOUTS / "brand.yaml", keep=where)[0] == keptmodels.to_objects(brand)  # validated again


def test_an_intact_entry_rewritten_is_a_hit(tmp_path):
    """The damage test can fail: the same body written back by _rewrite is found."""
    where, blob, entry, brand = _kept_brand(tmp_path)
    _rewrite(entry, entry.read_bytes().partition(b"\n")[2])
    same(objects.found(where, "Brand", blob), brand)


def test_another_pydantic_or_model_source_is_a_miss(tmp_path, monkeypatch):
    where, blob, _entry, brand = _kept_brand(tmp_path)
    same(objects.found(where, "Brand", blob), brand)
    dists, code = kept._DEPENDS["model"]
    # installed.code_prefix keys on these files' bytes and versions (tests/test_installed.py shows it changes with them)
    named = {Path(os.path.normpath(c)).relative_to(ROOT / "reportkit").as_posix() for c in code}
    assert {"pyyaml", "pydantic", "pydantic-core"} <= set(dists)
    assert {"layouts/models.py", "layouts/chartspec.py", "layouts/check.py", "layouts/keptmodels.py",
            "layouts/objects.py", "layouts/shapes.py", "placeholders.py"} <= named
    monkeypatch.setattr(kept, "_DEPENDS", {**kept._DEPENDS, "model": (dists[:-1], code)})  # another pydantic
    assert objects.found(where, "Brand", blob) is None
    monkeypatch.undo()
    same(objects.found(where, "Brand", blob), brand)
    monkeypatch.setattr(kept, "_DEPENDS", {**kept._DEPENDS, "model": (dists, code[:-1])})  # other code
    assert objects.found(where, "Brand", blob) is None


def test_only_layout_models_are_kept(tmp_path):
    from reportkit.manifestmodel import Manifest

    m = Manifest.model_construct()
    keptmodels.keep(tmp_path, b"x", m)
    assert not _entries(tmp_path) and objects.found(tmp_path, "Manifest", b"x") is None


# after each output's render (in the process that rendered it) and at the end of the build
# process: importlib.metadata imported? which layout model classes have their pydantic schema built?
STATE = ("import atexit, os, sys\n"
         "import reportkit.renderstage as stage\n"
         "def state(tag):\n"
         "    km = sys.modules.get('reportkit.layouts.keptmodels')\n"
         "    built = sorted(n for n, c in km._CLASSES.items() if c.__pydantic_complete__) if km else []\n"
         "    sys.stderr.write('%s metadata=%s pydantic=%s built=%s\\n' % (tag, 'importlib.metadata' in sys.modules,"
         " 'pydantic' in sys.modules, ','.join(built)))\n"
         "    sys.stderr.flush()\n"
         "real, end, me, depth = stage.render_output, os._exit, os.getpid(), [0]\n"
         "def render_output(*args, **kwargs):\n"
         "    depth[0] += 1\n"
         "    try:\n"
         "        return real(*args, **kwargs)\n"
         "    finally:\n"
         "        depth[0] -= 1\n"
         "        if not depth[0]:  # the outer call: a staged output renders through a call of its own\n"
         "            state('CHILD' if os.getpid() != me else 'HERE')\n"
         "render_output.__module__, stage.render_output = stage.__name__, render_output  # pickled by name\n"
         "def ended(code):\n"
         "    if os.getpid() == me:\n"
         "        state('END')\n"
         "    end(code)\n"
         "os._exit = ended\n"
         "atexit.register(state, 'END')\n" + PLAIN)  # the build process may end either way


def _states(project: Path, out: str, *extra: str) -> list[str]:
    code, _out, err, last = run(project, STATE, "build", "seeds", "--week", "2026-W47", "--out", out,
                                 "--force", "-q", *extra)
    assert code == 0, err
    return [ln for ln in [*err.splitlines(), last] if ln.startswith(("HERE ", "CHILD ", "END "))]


@pytest.mark.parametrize("formats", [(), ("--format", "pdf"), ("--format", "pptx")], ids=["both", "pdf", "pptx"])
def test_a_warm_build_imports_no_pydantic_and_no_importlib_metadata(tmp_path, formats, monkeypatch):
    # pydantic's own plugin loader (plugins on: the command's stand-in for it imports nothing,
    # reportkit/__main__.py) imports importlib.metadata when a validator is first built: the probe
    # sees a validator built in any process, whatever the model
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "")
    proj = tmp_path / "p"
    shutil.copytree(SEEDS, proj / "seeds")
    shutil.copytree(LAYOUTS, proj / "layouts")
    first = _states(proj, "one", *formats)  # validates (and keeps) the layouts: the probe sees it
    assert first[-1].startswith("END metadata=True pydantic=True built=") and "LayoutFile" in first[-1], first
    warm = _states(proj, "two", *formats)
    renders = [s for s in warm if not s.startswith("END")]  # in a render worker (CHILD) or not (HERE)
    assert len(renders) == 2 - bool(formats) and warm[-1].startswith("END"), warm
    assert all(s.endswith("metadata=False pydantic=False built=") for s in warm), warm


def test_no_cache_validates_fully(tmp_path):
    proj = tmp_path / "p"
    shutil.copytree(SEEDS, proj / "seeds")
    shutil.copytree(LAYOUTS, proj / "layouts")
    for out in ("one", "two"):
        states = _states(proj, out, "--format", "pdf", "--no-cache")
        assert "pydantic=True" in states[-1] and "LayoutFile" in states[-1], states
    assert not (proj / "cache" / "layouts").exists()


VARIED_CONTENT = """\
title: "Week {week_number:02d}, {year}"
short_title: Varied
keywords: [a, b]
standfirst: "From {start} to {end}"
stories: {summary_words: 60, figures: 2}
key_figures:
  count: 5
  picks:
    - fact: {unit: [USD, EUR], label: [x], years: [2024, 2025], limit: 2, exclude: [y], source: "*a*"}
      label: "{measure} of {subject}"
    - fact: {text: [bn]}
charts:
  inline:
    kind: bar
    title: "Inline {last}"
    data:
      values: [{label: "2023", value: 1}, {label: "2024", value: 2.5, series: s}]
      category: label
    target: 3
    target_label: "Goal {target}"
    unit: percent
  stacked:
    kind: stacked_bar
    title: Parts
    data: {facts: {unit: count}, category: subject}
    target: {unit: count, label: [target]}
    parts:
      - {name: shut, share_of_total: {unit: percent}}
      - {name: fixed, value: 4.0}
      - {name: rest}
  csv:
    kind: line
    title: From a file
    data: {csv: data.csv}
    required: true
    across_sources: true
"""
VARIED_BRIEF = """\
format: pdf
output: "varied-{week}.pdf"
pdf:
  page_size: Letter
  margins_mm: {top: 20, left: 15.5}
  parts: [cover, changes, stories, full_text]
  charts: [inline, csv]
  auto_charts: 2
  header_logo: false
  body_font_size: 9.5
"""
VARIED_DECK = """\
format: pptx
output: "varied-{week}.pptx"
deck:
  slide_size: "4:3"
  slide_layouts: {title: Cover, chart: Blank}
  slides: [title, charts, section, sources]
  brand_overrides: [fonts, logo]
  logo: never
"""


def test_a_varied_layout_is_rebuilt_the_same(tmp_path, monkeypatch):
    """Every kind of value the models hold: unions (a number or a selector), inline values, parts,
    ints where floats are declared, partly written nested settings (model_fields_set)."""
    shutil.copytree(LAYOUTS / "brand", tmp_path / "brand")
    (tmp_path / "brand.yaml").write_text((LAYOUTS / "brand.yaml").read_text())
    (tmp_path / "content.yaml").write_text(VARIED_CONTENT)
    (tmp_path / "data.csv").write_text("label,value\n2024,1\n")
    (tmp_path / "weekly-brief.yaml").write_text(VARIED_BRIEF)
    (tmp_path / "briefing-deck.yaml").write_text(VARIED_DECK)
    for name in ("weekly-brief.yaml", "briefing-deck.yaml"):
        check._PARSED.clear()
        assets._CHECKED.clear()
        uncached = load_layout(tmp_path / name)
        validated = validated_layout(uncached)
        for _ in range(2):  # validated and kept, then rebuilt from the entries
            check._PARSED.clear()
            assets._CHECKED.clear()
            built = load_layout(tmp_path / name, keep=tmp_path / "kept")
            assert built == uncached and repr(built) == repr(uncached)
            same(built, validated)
        for model in _models(validated):
            for defaults in (False, True):
                dumped = repr(model.model_dump(exclude_defaults=defaults))
                assert repr(objects.plain(model, defaults)) == dumped
                assert repr(objects.plain(keptmodels.to_objects(model), defaults)) == dumped
        assert type(uncached.content.charts["inline"].target) is float  # 3 validated as a number
        assert uncached.content.charts["stacked"].target.unit == "count"  # the selector of the union
    margins = load_layout(tmp_path / "weekly-brief.yaml").pdf.margins_mm
    assert (type(margins.top), type(margins.bottom)) == (float, int)  # a default is not validated: 22 stays int
    monkeypatch.setattr(load, "_validate", lambda *_a: pytest.fail("validated again"))
    load_layout(tmp_path / "weekly-brief.yaml", keep=tmp_path / "kept")


def _models(value) -> list[BaseModel]:
    """``value`` and every model inside it."""
    if isinstance(value, BaseModel):
        return [value, *(m for v in value.__dict__.values() for m in _models(v))]
    if isinstance(value, list):
        return [m for v in value for m in _models(v)]
    if isinstance(value, dict):
        return [m for v in value.values() for m in _models(v)]
    return []


def test_a_selector_is_described_without_serializing_it(monkeypatch):
    """charts.describe_selector (a no-data warning) says what model_dump's fields say, without
    model_dump (which builds the deferred schema and imports importlib.metadata)."""
    from reportkit.charts.data import describe_selector
    from reportkit.layouts import FactSelector

    selectors = [FactSelector.model_construct(), FactSelector.model_construct(unit="USD", label=["FDI", "x"]),
                 FactSelector.model_construct(unit=["a", "b"], years=[2024], limit=2, exclude=[], text=["bn"])]
    expected = []
    for sel in selectors:
        words = " ".join(f"{k}={'[' + ', '.join(map(str, v)) + ']' if isinstance(v, list) else v}"
                         for k, v in sel.model_dump(exclude_defaults=True).items())
        expected.append("selector {" + (words or "any fact") + "}")
    monkeypatch.setattr(FactSelector, "model_dump", lambda *_a, **_k: pytest.fail("serialized"))
    assert [describe_selector(sel) for sel in selectors] == expected
