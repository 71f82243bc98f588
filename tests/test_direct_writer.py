"""The direct writer gives python-pptx's bytes for every deck it covers, valid, without loading
python-pptx, lxml or Pillow; every other deck falls back to python-pptx, whole."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DECKS, REPO, assert_valid_pptx
from pptx_facts import slides as slide_facts
from slidegen import plan
from slidegen.api import Deck
from slidegen.render.direct.dom import Unsupported
from slidegen.render.writer import render_deck

sys.path.insert(0, str(REPO / "bench"))
from make_deck import outline as generated_outline  # noqa: E402


def _render(deck: Deck, writer: str) -> bytes:
    buffer = io.BytesIO()
    render_deck(deck.planned, deck.theme, buffer, deck.template, deck.layout_overrides or None, writer=writer)  # type: ignore[arg-type]
    return buffer.getvalue()


def assert_same_and_valid(deck: Deck, folder: Path, validate: bool = True) -> bytes:
    """Both writers give the same bytes (the direct writer must cover the deck), and they are a
    schema-valid deck."""
    direct = _render(deck, "direct")
    reference = _render(deck, "pptx")
    if direct != reference:
        from slidegen.render.dump import dump_pptx

        assert dump_pptx(io.BytesIO(direct)) == dump_pptx(io.BytesIO(reference))
        assert direct == reference
    if validate:
        path = folder / "direct.pptx"
        path.write_bytes(direct)
        assert_valid_pptx(path)
    return direct


def _write(folder: Path, data: dict, name: str = "o.yaml") -> Path:
    (folder / "pyproject.toml").write_text("")
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("theme", ["formal", "dark", "minimal"])
def test_awgipc_in_every_built_in_theme(theme: str, tmp_path: Path) -> None:
    deck = plan(DECKS / "awgipc.yaml", theme=theme)
    assert_same_and_valid(deck, tmp_path)
    facts = slide_facts(tmp_path / "direct.pptx")
    assert [f.title for f in facts] == [s.title for s in deck.slides] and len(facts) == 21
    assert sum(1 for f in facts if f.notes) == sum(1 for s in deck.slides if s.notes) > 5


def test_stress_deck(tmp_path: Path) -> None:
    assert_same_and_valid(plan(REPO / "tests" / "decks" / "stress.yaml"), tmp_path)


def test_every_kind_starter(workdir: Path) -> None:
    from slidegen.outline.starter import create_starter

    deck = plan(create_starter("every-kind", workdir / "decks"))
    assert {s.kind for s in deck.slides} >= {"title", "agenda", "section", "bullets", "columns", "table", "timeline",
                                              "figures", "quote", "image", "photos", "closing"}
    assert_same_and_valid(deck, workdir)


@pytest.mark.parametrize("items", [40, 100, 1000])
def test_generated_decks(items: int, tmp_path: Path) -> None:
    deck = plan(_write(tmp_path, generated_outline(items, 5, 8)))
    assert len(deck.slides) == items + -(-items // 20) + 1
    assert_same_and_valid(deck, tmp_path, validate=items < 1000)


def test_layout_overrides_and_a_table_drawn_without_its_placeholder(tmp_path: Path) -> None:
    """A theme without a table box compiles a table layout without a table placeholder: the
    table is drawn (with a link in a cell); quote and code slides go where deck.layouts says."""
    folder = tmp_path / "themes" / "flat"
    folder.mkdir(parents=True)
    (folder / "theme.yaml").write_text("extends: minimal\nname: flat\ndescription: F\nlayouts:\n  table:\n"
                                       "    content: null\n", encoding="utf-8")
    data = {"deck": {"title": "Ghi đè bố cục", "date": "2022-03-04", "footer": "Cục", "theme": "themes/flat",
                     "layouts": {"quote": "Title and Content", "code": "Title and Content"}},
            "sections": [{"title": "Phần", "items": [
                {"title": "Bảng vẽ", "slides": [{"table": {"header": ["A", "B"],
                                                            "rows": [["1", "[x](https://a.vn)"], ["3", "4"]]}}]},
                {"title": "Trích", "slides": [{"quote": {"text": "Câu nói", "attribution": "Ai đó"}},
                                              {"code": "x = 1 & 2"}]}]}]}
    deck = plan(_write(tmp_path, data))
    data_bytes = assert_same_and_valid(deck, tmp_path)
    with zipfile.ZipFile(io.BytesIO(data_bytes)) as archive:
        table_slide = archive.read("ppt/slides/slide4.xml").decode()
    frame = re.search(r'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="(\d+)" name="Table (\d+)"/>.*?</p:graphicFrame>',
                      table_slide)
    assert frame is not None and int(frame.group(2)) == int(frame.group(1)) - 1 and "<p:ph" not in frame.group(0)
    assert "a.vn" not in table_slide and "<a:hlinkClick" in frame.group(0)
    assert _render(deck, "auto") == data_bytes


def test_a_theme_folder_with_a_logo(tmp_path: Path) -> None:
    from PIL import Image

    folder = tmp_path / "themes" / "house"
    folder.mkdir(parents=True)
    Image.new("RGB", (300, 100), (10, 40, 90)).save(folder / "logo.png")
    (folder / "theme.yaml").write_text("extends: dark\nname: house\ndescription: H\nlogo: logo.png\n"
                                       "logo_box: [11.0, 0.35, 1.7, 0.6]\n", encoding="utf-8")
    data = {"deck": {"title": "Có logo", "theme": "themes/house"},
            "sections": [{"title": "Phần", "items": [{"title": "Ý", "slides": [{"bullets": ["một", "hai"]}]}]}]}
    assert_same_and_valid(plan(_write(tmp_path, data)), tmp_path)


def test_picture_files_in_placeholders_shared_by_content(every_kind: Path, tmp_path: Path) -> None:
    """The starter with a picture file: the image slide's picture placeholder and a photo grid
    showing the same file twice and a JPEG; one image part per distinct file, as python-pptx."""
    from PIL import Image

    images = every_kind.parent / "images"
    Image.new("RGB", (300, 500), (20, 130, 30)).save(images / "green.jpg")
    text = every_kind.read_text(encoding="utf-8")
    text = text.replace('              - caption: "Ảnh 1"', '              - caption: "Ảnh 1"\n                path: images/green.jpg')
    text = text.replace('              - caption: "Ảnh 2"', '              - caption: "Ảnh 2"\n                path: images/red.png')
    every_kind.write_text(text, encoding="utf-8")
    data = assert_same_and_valid(plan(every_kind), tmp_path)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        media = sorted(n for n in archive.namelist() if n.startswith("ppt/media/"))
        slides_xml = [archive.read(n).decode() for n in archive.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
    assert media == ["ppt/media/image1.png", "ppt/media/image2.jpg"]
    assert sum(s.count("<p:pic>") for s in slides_xml) == 3


#: Templates from the wild: a sample (every seventh) keeps the fast lane fast.
WILD = sorted((REPO.parent / "shared" / "templates-wild").glob("*.p?tx"))


def test_the_wild_template_corpus_is_there() -> None:
    assert len(WILD) > 100


@pytest.mark.parametrize("template", WILD[::7], ids=lambda p: p.name)
def test_house_templates_from_the_wild(template: Path, tmp_path: Path) -> None:
    """On every house template slidegen can use, the starter (with pictures, so some templates
    draw them without a placeholder) comes out of both writers alike, or the direct writer
    declines and python-pptx writes the deck."""
    from slidegen.errors import SlidegenError
    from slidegen.outline.starter import starter_text

    (tmp_path / "images").mkdir()
    from PIL import Image

    Image.new("RGB", (640, 360), (200, 30, 30)).save(tmp_path / "images" / "red.png")
    text = starter_text("wild").replace("          - image:\n              caption:",
                                        "          - image:\n              path: images/red.png\n              caption:")
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "wild.yaml").write_text(text, encoding="utf-8")
    try:
        deck = plan(tmp_path / "wild.yaml", template=template.read_bytes())
    except SlidegenError:
        pytest.skip("slidegen cannot use this template")
    # every template slidegen can use is one the direct writer reproduces (Unsupported fails here)
    assert _render(deck, "direct") == _render(deck, "pptx")


def _charts_of(data: bytes) -> tuple[list[str], list[str]]:
    """The deck's part names of charts and workbooks, and every chart frame on its slides."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        frames = [frame for n in names if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)
                  for frame in re.findall(r"<p:graphicFrame>.*?</p:graphicFrame>", archive.read(n).decode())]
    parts = [n for n in names if n.startswith(("ppt/charts/chart", "ppt/embeddings/"))]
    return parts, [f for f in frames if "drawingml/2006/chart" in f]


@pytest.mark.parametrize("theme", ["formal", "dark", "minimal"])
def test_every_chart_type_into_its_placeholder(theme: str, tmp_path: Path) -> None:
    """decks/charts.yaml (every type, a CSV data file, a combined chart with a second axis): the
    direct writer gives python-pptx's bytes, each chart in the chart placeholder of its layout."""
    deck = plan(DECKS / "charts.yaml", theme=theme)
    data = assert_same_and_valid(deck, tmp_path)
    parts, frames = _charts_of(data)
    charts = sum(1 for s in deck.slides if s.kind == "chart")
    assert charts == 10 and len(frames) == charts and all('<p:ph type="chart" idx="1"/>' in f for f in frames)
    assert sorted(parts) == sorted([f"ppt/charts/chart{n}.xml" for n in range(1, 11)]
                                   + [f"ppt/embeddings/Microsoft_Excel_Sheet{n}.xlsx" for n in range(1, 11)])
    assert _render(deck, "auto") == data


#: House templates: Office's default (python-pptx's, no chart placeholder: charts are drawn) and
#: two from the wild whose layouts have chart placeholders.
CHART_TEMPLATES = ["office", "oxsdk-SalesProposalPresentation_TP10219422.potx", "poi-51187.pptx"]


@pytest.mark.parametrize("name", CHART_TEMPLATES)
def test_charts_on_house_templates(name: str, office_template: Path, tmp_path: Path) -> None:
    source = office_template if name == "office" else REPO.parent / "shared" / "templates-wild" / name
    deck = plan(DECKS / "charts.yaml", template=source.read_bytes())
    assert deck.template is not None
    _, frames = _charts_of(assert_same_and_valid(deck, tmp_path))
    in_placeholders = sum("<p:ph" in f for f in frames)
    assert len(frames) == 10 and in_placeholders == (0 if name == "office" else 10)


def test_a_deck_the_direct_writer_declines_goes_to_python_pptx_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """A deck the direct writer declines part way through (here: told to decline its first
    chart) is written by python-pptx, whole: the same bytes as the python-pptx writer's."""
    from slidegen.render.direct import charts

    deck = plan(DECKS / "charts.yaml")
    reference = _render(deck, "pptx")

    def decline(self: object, chart: object) -> str:
        raise Unsupported("a chart, declined")

    monkeypatch.setattr(charts.Charts, "add", decline)
    with pytest.raises(Unsupported, match="declined"):
        _render(deck, "direct")
    assert _render(deck, "auto") == reference


def test_a_house_template_made_by_python_pptx(tmp_path: Path) -> None:
    from pptx import Presentation

    template = io.BytesIO()
    Presentation().save(template)
    house = plan(DECKS / "awgipc.yaml", template=template.getvalue())
    assert house.template is not None
    assert_same_and_valid(house, tmp_path)


_NO_HEAVY_IMPORTS = """
import io, json, sys
from slidegen import build, plan
deck = plan(sys.argv[1])
data, layouts = deck.render()
build(sys.argv[1], sys.argv[2])
print(json.dumps({"loaded": sorted(m for m in ("pptx", "PIL", "lxml") if m in sys.modules), "bytes": len(data)}))
"""


def _loaded_while_building(source: Path) -> list[str]:
    result = subprocess.run([sys.executable, "-c", _NO_HEAVY_IMPORTS, str(source), str(source.with_suffix(".pptx"))],
                            capture_output=True, text=True, check=True, cwd=source.parent)
    report = json.loads(result.stdout)
    assert report["bytes"] > 10000
    assert source.with_suffix(".pptx").read_bytes() == _render(plan(source), "pptx")
    return list(report["loaded"])


def test_a_covered_deck_renders_without_python_pptx_pillow_or_lxml(tmp_path: Path) -> None:
    assert _loaded_while_building(_write(tmp_path, generated_outline(40, 5, 8))) == []


def test_a_deck_with_a_picture_loads_pillow_only(every_kind: Path) -> None:
    text = every_kind.read_text(encoding="utf-8")
    # the starter's charts load python-pptx (see below): without them, pictures load Pillow only
    every_kind.write_text(re.sub(r"      - title: Biểu đồ\n(.|\n)*?(?=      - title: )", "", text), encoding="utf-8")
    assert "chart:" not in every_kind.read_text(encoding="utf-8")
    assert _loaded_while_building(every_kind) == ["PIL"]


_LOADED_BY_A_CHART = """
import io, json, sys
from slidegen import plan
from slidegen.render.writer import render_deck
heavy = ("pptx", "PIL", "lxml", "xlsxwriter")
deck = plan(sys.argv[1])
planned = sorted(m for m in heavy if m in sys.modules)
buffer = io.BytesIO()
render_deck(deck.planned, deck.theme, buffer, writer="direct")
print(json.dumps({"planned": planned, "written": sorted(m for m in heavy if m in sys.modules)}))
"""


def test_a_chart_deck_loads_python_pptx_only_to_write_its_charts(tmp_path: Path) -> None:
    """python-pptx (which imports lxml and Pillow) and XlsxWriter load when the direct writer
    builds a chart part, not before."""
    result = subprocess.run([sys.executable, "-c", _LOADED_BY_A_CHART, str(DECKS / "charts.yaml")],
                            capture_output=True, text=True, check=True, cwd=tmp_path)
    report = json.loads(result.stdout)
    assert report == {"planned": [], "written": ["PIL", "lxml", "pptx", "xlsxwriter"]}


@pytest.mark.parametrize("overrides", [{}, {"bullets": "Agenda"}, {"bullets": "Agenda", "code": "Quote"}],
                         ids=["plain", "bullets override", "two overrides"])
def test_direct_template_reading_maps_like_the_template_reader(overrides: dict[str, str]) -> None:
    """The direct writer maps slidegen's compiled templates from the parts it parsed (no lxml);
    the template reader (lxml, every house template) must give the same map of the same file:
    the same layouts, by part, for every kind and photo count, with the same roles and boxes."""
    from slidegen.render.compose import theme_package
    from slidegen.render.direct.template import compiled, mapping_info
    from slidegen.render.template.mapping import map_template
    from slidegen.render.template.reader import read_info
    from slidegen.theme.registry import load_theme

    for name in ("formal", "dark", "minimal"):
        theme = load_theme(name, DECKS, [])
        direct = map_template(mapping_info(compiled(theme)), overrides)
        read = map_template(read_info(theme_package(theme)), overrides)
        assert direct == read
        assert direct.kinds and direct.photos and not direct.missing, direct.missing


# --- Generated outlines ------------------------------------------------------------------------

WORDS = ["Việt Nam", "Sở hữu trí tuệ", "hợp tác", "ASEAN", "ẫặỘ ữ ự", "Đinh Hữu Phí", "nhãn hiệu", "sáng chế",
         "a & b < c > d", '"trích" \'đơn\'', "x" * 90]
CONTROLS = ["\x0b", "\x07", "\t", "\r\n", "\x00", "\ufffe", "\x1f"]


def _nfd(value: str) -> str:
    return unicodedata.normalize("NFD", value)


words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)
text = st.one_of(
    words, words.map(_nfd),
    st.tuples(words, st.sampled_from(CONTROLS), words).map("".join),
    st.tuples(words, st.sampled_from(["**", "*", "`"]), words).map(lambda t: f"{t[0]} {t[1]}{t[2]}{t[1]}"),
    st.tuples(words, st.sampled_from(["https://example.org/a?b=1&c=2", "https://cục.vn/đường dẫn", "mailto:a@b.vn"]))
      .map(lambda t: f"{t[0]} [liên kết]({t[1].replace(' ', '%20')}) {t[0]}"),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=30),
)
bullet = st.recursive(text, lambda children: st.fixed_dictionaries({"text": text, "children": st.lists(children, max_size=3)}),
                      max_leaves=5)
#: Picture files the property test writes next to its outline (two with the same content).
PICTURES = {"wide.png": ("PNG", (640, 360)), "tall.jpg": ("JPEG", (300, 500)), "copy.png": ("PNG", (640, 360)),
            "dot.gif": ("GIF", (8, 8))}
picture = st.sampled_from(sorted(PICTURES))
code = st.one_of(
    st.lists(words, min_size=1, max_size=8).map("\n".join),
    st.fixed_dictionaries({"text": st.sampled_from(["def f(x):\n    return x & 1  # chú thích\n",
                                                     "SELECT * FROM t WHERE a < 3;\n" * 4,
                                                     "{\"khóa\": [1, 2, \"<giá trị>\"]}"]),
                           "language": st.sampled_from(["python", "sql", "json", "yaml"])}),
)
number = st.one_of(st.none(), st.integers(-1000, 100000),
                   st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False))


def _consistent(chart: dict) -> dict:
    """A generated chart made one slidegen accepts: one series in a pie, a line in a combo, x
    values for a scatter chart."""
    series = chart["series"]
    if chart["type"] == "pie":
        del series[1:]
    elif chart["type"] == "combo":
        series[-1].update(type="line", secondary=len(series) > 1)
    elif chart["type"] == "scatter":
        chart.pop("categories")
        for n, s in enumerate(series):
            s["values"] = [0 if v is None else v for v in s["values"]]
            s["x"] = [n + i / 2 for i in range(len(s["values"]))]
    return chart


chart = st.integers(1, 5).flatmap(lambda n: st.fixed_dictionaries({
    "type": st.sampled_from(["column", "bar", "line", "pie", "doughnut", "area", "scatter", "combo"]),
    "categories": st.lists(text, min_size=n, max_size=n),
    "series": st.lists(st.fixed_dictionaries({"name": text, "values": st.lists(number, min_size=n, max_size=n)}),
                       min_size=1, max_size=3)},
    optional={"grouping": st.sampled_from(["clustered", "stacked", "percent"]), "labels": st.booleans(),
              "percent": st.booleans(), "decimals": st.integers(0, 3), "x_title": text, "y_title": text,
              "legend": st.sampled_from(["bottom", "right", "top", "left", "none"])})).map(_consistent)
slide = st.one_of(
    st.fixed_dictionaries({"chart": chart}, optional={"notes": text, "title": text}),
    st.fixed_dictionaries({"bullets": st.lists(bullet, min_size=1, max_size=10)}, optional={"notes": text, "title": text}),
    st.fixed_dictionaries({"columns": st.tuples(*[st.fixed_dictionaries({"bullets": st.lists(bullet, min_size=1, max_size=6)},
                                                                          optional={"heading": text})] * 2).map(list)},
                          optional={"notes": text}),
    st.integers(1, 4).flatmap(lambda cols: st.fixed_dictionaries({"table": st.fixed_dictionaries({
        "header": st.lists(text, min_size=cols, max_size=cols),
        "rows": st.lists(st.lists(text, min_size=cols, max_size=cols), min_size=1, max_size=10)})})),
    st.fixed_dictionaries({"timeline": st.lists(st.fixed_dictionaries({"date": text, "title": text}, optional={"detail": text}),
                                                min_size=1, max_size=7)}),
    st.fixed_dictionaries({"figures": st.lists(st.fixed_dictionaries({"value": text, "label": text}), min_size=1, max_size=6)}),
    st.fixed_dictionaries({"photos": st.lists(st.fixed_dictionaries({}, optional={"caption": text, "alt": text,
                                                                                  "path": picture}),
                                              min_size=1, max_size=7)}),
    st.fixed_dictionaries({"image": st.fixed_dictionaries({}, optional={"caption": text, "alt": text, "path": picture})}),
    st.fixed_dictionaries({"quote": st.fixed_dictionaries({"text": text}, optional={"attribution": text})},
                          optional={"notes": text}),
    st.fixed_dictionaries({"code": code}, optional={"notes": text}),
)
item = st.fixed_dictionaries({"title": text}, optional={"slides": st.lists(slide, max_size=3), "todo": text})
outline = st.fixed_dictionaries({
    "deck": st.fixed_dictionaries({"title": text}, optional={
        "subtitle": text, "footer": text, "organisation": text, "author": text,
        "date": st.sampled_from(["2022-03-04", "1999-12-31"]),
        "theme": st.sampled_from(["formal", "dark", "minimal"]),
        "language": st.sampled_from(["vi-VN", "en-US"]),
        "slide_numbers": st.booleans(),
        "agenda": st.fixed_dictionaries({}, optional={"repeat": st.booleans(), "enabled": st.booleans()})}),
    "sections": st.lists(st.fixed_dictionaries({"title": text, "items": st.lists(item, min_size=1, max_size=3)}),
                         min_size=1, max_size=3),
})


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)
@given(outline)
def test_any_generated_outline_gives_the_same_bytes_with_both_writers(data: dict) -> None:
    from slidegen.errors import SlidegenError

    from PIL import Image

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for file, (fmt, size) in PICTURES.items():
            Image.new("RGB", size, (200, 30, 30)).save(folder / file, fmt)
        try:
            deck = plan(_write(folder, data))
        except SlidegenError:
            return
        assert_same_and_valid(deck, folder)


def test_pictures_whose_file_names_xml_must_escape(workdir: Path) -> None:
    """python-pptx writes a picture's file name into its XML unescaped: '&' in a name once
    ended the build in a traceback. Both writers now take such a picture, in a placeholder and
    drawn, alike, and the slide carries the alt text, not the name."""
    from PIL import Image

    name = 'a&b <c> "d".png'
    Image.new("RGB", (60, 40), (200, 30, 30)).save(workdir / name)
    (workdir / "o.yaml").write_text(
        "deck: {title: T}\nsections:\n  - title: A\n    items:\n      - title: x\n        slides:\n"
        f"          - image: {{path: '{name}', caption: c, alt: Ảnh đỏ}}\n"
        f"          - photos: [{{path: '{name}', alt: một}}, {{path: '{name}', alt: hai}}]\n", encoding="utf-8")
    blob = assert_same_and_valid(plan(workdir / "o.yaml"), workdir)
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        slides = "".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("ppt/slides/slide"))
    assert 'descr="Ảnh đỏ"' in slides and 'descr="hai"' in slides and "&amp;b" not in slides
