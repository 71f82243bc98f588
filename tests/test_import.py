"""slidegen import: decks slidegen built come back as the same deck; decks from elsewhere
import without a traceback and build; what cannot come is a warning naming its slide."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DECKS, REPO
from slidegen.__main__ import cli
from slidegen import build
from slidegen.errors import OutlineError, OutputError, SlidegenError
from slidegen.outline.importer import import_deck, read_pptx
from slidegen.outline.markdown import read_markdown
from slidegen.outline.write_markdown import write_markdown
from slidegen.outline.write_yaml import write_yaml
from slidegen.outline.yaml_tree import parse_yaml
from slidegen.render.dump import dump_pptx

WILD = REPO.parent / "shared" / "templates-wild"
MARKDOWN_WILD = REPO.parent / "shared" / "markdown-wild"


def _slide_count(path: Path) -> int:
    """Slides in a package, counted with zipfile alone (-1: not a zip file)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return sum(1 for n in archive.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n))
    except zipfile.BadZipFile:
        return -1


WILD_DECKS = sorted(p for p in WILD.iterdir() if p.suffix.lower().startswith((".pp", ".po"))) if WILD.is_dir() else []
WITH_SLIDES = [p for p in WILD_DECKS if _slide_count(p) > 0]
NOT_PACKAGES = [p for p in WILD_DECKS if _slide_count(p) < 0]


@pytest.fixture
def project(workdir: Path) -> Path:
    shutil.copytree(DECKS, workdir / "decks")
    return workdir


def _every_kind(project: Path) -> Path:
    from PIL import Image

    from slidegen.outline.starter import create_starter

    outline = create_starter("every-kind", project / "decks")
    (project / "decks" / "images").mkdir()
    Image.new("RGB", (600, 400), (200, 30, 30)).save(project / "decks" / "images" / "red.png")
    text = outline.read_text(encoding="utf-8").replace(
        "          - image:\n              caption:", "          - image:\n              path: images/red.png\n              caption:")
    outline.write_text(text, encoding="utf-8")
    return outline


SOURCES = {
    "awgipc": lambda p: p / "decks" / "awgipc.yaml",
    "every-kind": _every_kind,
    "stress": lambda p: REPO / "tests" / "decks" / "stress.yaml",
}


@pytest.mark.parametrize("fmt", ["yaml", "md"])
@pytest.mark.parametrize("name", list(SOURCES))
def test_a_deck_slidegen_built_imports_and_rebuilds_to_the_same_dump(project: Path, name: str, fmt: str) -> None:
    original = project / "build" / f"{name}.pptx"
    build(SOURCES[name](project), original)
    outline = project / "decks" / f"{name}-imported.{fmt}"
    result = import_deck(original, outline)
    assert result.warnings == ()
    rebuilt = project / "rebuilt.pptx"
    build(outline, rebuilt)
    assert dump_pptx(rebuilt) == dump_pptx(original)


def test_charts_come_back_as_chart_slides_with_their_numbers(project: Path) -> None:
    """The starter's column and pie charts and charts.yaml's every type: read from the chart
    parts (the values every viewer shows), each a chart slide of the same type and numbers;
    the data table slidegen adds to the notes is not read back as the author's notes."""
    for source in (_every_kind(project), REPO / "decks" / "charts.yaml"):
        original = project / "build" / f"{source.stem}.pptx"
        built = build(source, original)
        result = import_deck(original, project / "decks" / f"{source.stem}-imported.yaml")
        imported = [sl for s in result.data["sections"] for i in s["items"] for sl in i.get("slides", [])
                    if "chart" in sl]
        planned = [s for s in built.deck.slides if s.kind == "chart"]
        assert [c["chart"]["type"] for c in imported] == [s.content.kind_name for s in planned]
        for slide, chart in zip(planned, imported):
            spec = slide.content.spec
            assert [tuple(s["values"]) for s in chart["chart"]["series"]] == [s.values for s in spec.series]
            assert "categories" not in chart["chart"] or tuple(chart["chart"]["categories"]) == spec.categories
            assert "Dữ liệu biểu đồ" not in chart.get("notes", "")


def test_import_of_awgipc_reads_back_sources_todos_and_the_articles_titles(project: Path) -> None:
    build(project / "decks" / "awgipc.yaml", project / "build" / "awgipc.pptx")
    result = import_deck(project / "build" / "awgipc.pptx", project / "decks" / "imported.yaml")
    original, _ = parse_yaml((project / "decks" / "awgipc.yaml").read_text(encoding="utf-8"), "awgipc.yaml")
    data = result.data
    titles = lambda d: [[i["title"] for i in s["items"]] for s in d["sections"]]  # noqa: E731
    vietnamese = lambda t: t["vi-VN"] if isinstance(t, dict) else t  # noqa: E731  (the deck built: vi-VN)
    assert titles(data) == [[vietnamese(t) for t in section] for section in titles(original)]
    cited = {n for s in original["sections"] for i in s["items"] for sl in i.get("slides", []) for n in sl.get("sources", [])}
    assert set(data["deck"]["sources"]) == cited
    assert all(data["deck"]["sources"][n] == original["deck"]["sources"][n] for n in cited)
    todo = data["sections"][1]["items"][0]
    assert todo["todo"].startswith("Chưa có nguồn công khai về công tác chuẩn bị") and "slides" not in todo
    assert data["deck"]["agenda"] == {"repeat": True} and data["deck"]["date"].isoformat() == "2022-03-04"


@pytest.mark.skipif(not WITH_SLIDES, reason="../shared/templates-wild/ is not there")
@pytest.mark.parametrize("deck", WITH_SLIDES, ids=lambda p: p.name)
def test_decks_from_elsewhere_import_and_build(deck: Path, workdir: Path) -> None:
    outline = workdir / "decks" / f"{deck.stem}.yaml"
    try:
        result = import_deck(deck, outline)
    except SlidegenError as error:  # a clean refusal is allowed only for decks that say why
        pytest.fail(f"import refused a deck with slides: {error}")
    for warning in result.warnings:
        assert re.fullmatch(rf"{re.escape(deck.name)} slide \d+", str(warning.location).split("/")[-1]), warning
    build(outline, workdir / "deck.pptx")
    # Both writers say exactly the imported data.
    assert parse_yaml(write_yaml(result.data), "x.yaml")[0] == result.data
    assert read_markdown(write_markdown(result.data), "x.md", None, [])[0] == result.data


@pytest.mark.skipif(not NOT_PACKAGES, reason="../shared/templates-wild/ is not there")
@pytest.mark.parametrize("deck", NOT_PACKAGES, ids=lambda p: p.name)
def test_encrypted_and_broken_files_are_one_clear_error(deck: Path, workdir: Path) -> None:
    result = CliRunner().invoke(cli, ["import", str(deck), "-o", "decks/x.yaml"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert re.search(r"encrypted|not a PowerPoint", result.output)
    assert not (workdir / "decks" / "x.yaml").exists()


@pytest.mark.skipif(not WILD.is_dir(), reason="../shared/templates-wild/ is not there")
def test_what_cannot_come_is_a_warning_with_its_slide_number(workdir: Path) -> None:
    shown = lambda r: {f"{w.location}: {w.message}" for w in r.warnings}  # noqa: E731
    smartart = shown(read_pptx(WILD / "pandoc-t1-reader-basic.pptx", workdir / "a.yaml", []))
    assert any(w.endswith("pandoc-t1-reader-basic.pptx slide 4: SmartArt cannot be carried; its text is kept as bullets")
               for w in smartart)
    chart = shown(read_pptx(WILD / "oxsdk-Pitchbook_TP10176928.potx", workdir / "b.yaml", []))   # a 3-D pie
    assert any("oxsdk-Pitchbook_TP10176928.potx slide 4: 1 chart(s) of a kind an outline has not (3-D, radar, "
               "bubble, stock …): not carried" in w for w in chart)
    column = read_pptx(WILD / "sc-003_chart.pptx", workdir / "b2.yaml", [])   # a column chart comes as one
    assert [sl["chart"]["type"] for s in column.data["sections"] for i in s["items"]
            for sl in i.get("slides", []) if "chart" in sl] == ["column"]
    objects = shown(read_pptx(WILD / "poi-PPTWithAttachments.pptm", workdir / "c.yaml", []))
    assert any("embedded object(s)" in w for w in objects)


@pytest.mark.skipif(not WILD.is_dir(), reason="../shared/templates-wild/ is not there")
def test_sections_come_from_powerpoint_sections_and_section_headers(workdir: Path) -> None:
    by_pptx = read_pptx(WILD / "poi-60810.pptx", workdir / "a.yaml", []).data
    assert [s["title"] for s in by_pptx["sections"]] == ["Core layouts"]
    by_headers = read_pptx(WILD / "pandoc-layouts-deleted.pptx", workdir / "b.yaml", []).data
    assert [s["title"] for s in by_headers["sections"]] == ["Testing Layouts", "Section header"]
    assert by_headers["deck"]["title"] == "Testing Layouts"


@pytest.mark.skipif(not WILD.is_dir(), reason="../shared/templates-wild/ is not there")
def test_pictures_are_written_next_to_the_outline_and_nothing_is_overwritten(workdir: Path) -> None:
    folder = workdir / "decks" / "basic-images"
    folder.mkdir(parents=True)
    (folder / "slide03-1.png").write_bytes(b"keep me")
    outline = workdir / "decks" / "basic.md"
    result = import_deck(WILD / "pandoc-t1-reader-basic.pptx", outline)
    assert (folder / "slide03-1.png").read_bytes() == b"keep me"
    assert [p.name for p in result.pictures] == ["slide03-1-2.png"]
    assert "![](basic-images/slide03-1-2.png" in outline.read_text(encoding="utf-8")
    with pytest.raises(OutputError, match="already exists; import never overwrites"):
        import_deck(WILD / "pandoc-t1-reader-basic.pptx", outline)
    build(outline, workdir / "basic.pptx")


def test_xml_with_a_doctype_is_refused(project: Path) -> None:
    original = project / "build" / "awgipc.pptx"
    build(project / "decks" / "awgipc.yaml", original)
    hostile = project / "hostile.pptx"
    bomb = ('<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
            '<p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:cSld><p:spTree>'
            "&b;</p:spTree></p:cSld></p:sld>")
    with zipfile.ZipFile(original) as source, zipfile.ZipFile(hostile, "w") as target:
        for info in source.infolist():
            data = bomb.encode() if info.filename == "ppt/slides/slide4.xml" else source.read(info.filename)
            target.writestr(info, data)
    result = read_pptx(hostile, project / "decks" / "h.yaml", [])
    assert any("slide 4" in str(w.location) and "DOCTYPE" in w.message for w in result.warnings)
    assert "Cơ chế hợp tác" not in [i["title"] for s in result.data["sections"] for i in s["items"]]
    with zipfile.ZipFile(original) as source, zipfile.ZipFile(project / "worse.pptx", "w") as target:
        for info in source.infolist():
            data = bomb.encode() if info.filename == "ppt/presentation.xml" else source.read(info.filename)
            target.writestr(info, data)
    with pytest.raises(OutlineError, match="DOCTYPE"):
        read_pptx(project / "worse.pptx", project / "decks" / "w.yaml", [])


def test_the_importer_reads_packages_without_python_pptx(project: Path) -> None:
    build(project / "decks" / "awgipc.yaml", project / "build" / "awgipc.pptx")
    script = ("import sys\nfrom pathlib import Path\nfrom slidegen.outline.importer import import_deck\n"
              "import_deck(Path('build/awgipc.pptx'), Path('decks/x.md'))\n"
              "print(sorted(m for m in sys.modules if m == 'pptx' or m.startswith('pptx.')))")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=project, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.skipif(not (MARKDOWN_WILD / "putnam-slides.md").exists(), reason="../shared/markdown-wild/ is not there")
def test_an_english_markdown_deck_round_trips_through_pptx(workdir: Path) -> None:
    original = workdir / "putnam.pptx"
    build(MARKDOWN_WILD / "putnam-slides.md", original)
    import_deck(original, workdir / "putnam.yaml")
    build(workdir / "putnam.yaml", workdir / "again.pptx")
    assert dump_pptx(workdir / "again.pptx") == dump_pptx(original)


@pytest.fixture(scope="module")
def awgipc_package(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("awgipc-package")
    (folder / "pyproject.toml").write_text("")
    shutil.copytree(DECKS, folder / "decks")
    build(folder / "decks" / "awgipc.yaml", folder / "awgipc.pptx")
    return (folder / "awgipc.pptx").read_bytes()


def test_damaged_packages_import_or_fail_cleanly(awgipc_package: bytes, tmp_path: Path) -> None:
    """Parts of a real deck in turn removed, truncated, or replaced by junk (the package's own
    parts, and every third of the others): the import gives an outline that builds, or a
    slidegen error, never a traceback."""
    import io

    key = ("[Content_Types].xml", "_rels/.rels", "ppt/presentation.xml", "ppt/_rels/presentation.xml.rels",
           "docProps/core.xml", "ppt/slides/slide1.xml", "ppt/slides/_rels/slide4.xml.rels")
    with zipfile.ZipFile(io.BytesIO(awgipc_package)) as source:
        parts = [n for n in source.namelist() if n.endswith((".xml", ".rels"))]
        names = [n for i, n in enumerate(parts) if n in key or i % 3 == 0]
        originals = {n: source.read(n) for n in source.namelist()}
    (tmp_path / "pyproject.toml").write_text("")
    damages = {"removed": None, "truncated": lambda b: b[: len(b) // 2], "junk": lambda b: b"<a><b></a>\x00",
               "foreign": lambda b: b'<?xml version="1.0"?><x:y xmlns:x="urn:x"/>'}
    for n, name in enumerate(names):
        kind = list(damages)[n % len(damages)]
        damaged = tmp_path / "damaged.pptx"
        with zipfile.ZipFile(damaged, "w") as target:
            for part, data in originals.items():
                if part != name:
                    target.writestr(part, data)
                elif damages[kind] is not None:
                    target.writestr(part, damages[kind](data))
        outline = tmp_path / "out.yaml"
        outline.unlink(missing_ok=True)
        try:
            import_deck(damaged, outline)
        except SlidegenError:
            continue
        build(outline, tmp_path / "out.pptx")


def test_code_lines_slidegen_wrapped_are_joined_back() -> None:
    from slidegen.outline.importer.outline import code_text
    from slidegen.outline.importer.shapes import Para, Run

    lines = ["x = 'một dòng rất ", "→ dài'", "for i in range(3):", "    print(i)"]
    assert code_text([Para(0, (Run(t),)) for t in lines]) == "x = 'một dòng rất dài'\nfor i in range(3):\n    print(i)"
