"""Native charts: every type valid and rendered, the workbook holds the chart's numbers, colours
follow the theme, numbers are written the deck's way, and the data is in the notes."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import DECKS, requires_libreoffice
from pptx_facts import slides
from slidegen import build
from slidegen.__main__ import cli

C = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
     "a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
TYPES = {"column", "bar", "line", "pie", "doughnut", "area", "scatter", "combo"}


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("charts") / "charts.pptx"
    build(DECKS / "charts.yaml", out)
    from conftest import assert_valid_pptx

    assert_valid_pptx(out)      # the chart parts too, against the DrawingML chart schema
    return out


def _charts(deck: Path) -> list[tuple[str, etree._Element, bytes]]:
    """(part name, chart XML, embedded workbook) for every chart of the deck."""
    out = []
    with zipfile.ZipFile(deck) as archive:
        names = archive.namelist()
        charts = [n for n in names if re.fullmatch(r"ppt/charts/chart\d+\.xml", n)]
        for name in sorted(charts, key=lambda n: int(re.sub(r"\D", "", n))):
            root = etree.fromstring(archive.read(name))
            rels = etree.fromstring(archive.read(name.replace("charts/", "charts/_rels/") + ".rels"))
            target = next(r.get("Target") for r in rels if r.get("Type", "").endswith("/package"))
            workbook = archive.read("ppt/" + target.replace("../", ""))
            out.append((name, root, workbook))
    return out


def test_the_demo_deck_shows_every_chart_type(deck: Path) -> None:
    text = (DECKS / "charts.yaml").read_text(encoding="utf-8")
    assert set(re.findall(r"type: (\w+)\n", text)) >= TYPES
    plots = set()
    for _, root, _ in _charts(deck):
        plot_area = root.find(".//c:plotArea", C)
        plots |= {etree.QName(child).localname for child in plot_area if etree.QName(child).localname.endswith("Chart")}
    assert plots == {"barChart", "lineChart", "pieChart", "doughnutChart", "areaChart", "scatterChart"}


def test_the_embedded_workbook_holds_the_charts_numbers(deck: Path) -> None:
    """What PowerPoint's Edit Data opens (read with openpyxl) equals the chart's cached values."""
    import openpyxl

    charts = _charts(deck)
    assert len(charts) == 10
    for name, root, blob in charts:
        sheet = openpyxl.load_workbook(io.BytesIO(blob)).active
        for ser in root.iterfind(".//c:ser", C):
            ref = (ser.find("c:val/c:numRef/c:f", C) if ser.find("c:val", C) is not None
                   else ser.find("c:yVal/c:numRef/c:f", C)).text
            cached = [float(v.text) for v in ser.iterfind(".//c:val//c:pt/c:v", C)] or \
                [float(v.text) for v in ser.iterfind(".//c:yVal//c:pt/c:v", C)]
            column, first, last = re.fullmatch(r"Sheet1!\$(\w+)\$(\d+):\$\w+\$(\d+)", ref).groups()  # type: ignore[union-attr]
            cells = [sheet[f"{column}{row}"].value for row in range(int(first), int(last) + 1)]
            assert [float(c) for c in cells] == cached, name


def test_chart_colours_are_scheme_colours_so_the_theme_restyles_them(deck: Path) -> None:
    for name, root, _ in _charts(deck):
        assert root.find(".//a:srgbClr", C) is None, f"{name} has a fixed RGB colour"
    first = _charts(deck)[0][1]
    fills = [s.find("c:spPr/a:solidFill/a:schemeClr", C).get("val") for s in first.iterfind(".//c:ser", C)]
    assert fills == ["accent1", "accent2"]


def test_chart_text_is_in_the_decks_language_and_numbers_in_its_notation(deck: Path) -> None:
    line = next(root for _, root, _ in _charts(deck) if root.find(".//c:lineChart", C) is not None
                and root.find(".//c:barChart", C) is None)
    assert line.find("c:lang", C).get("val") == "vi-VN"
    assert line.find(".//c:dLbls/c:numFmt", C).get("formatCode") == "[$-42A]0.0\\ %"
    assert {r.get("lang") for r in line.iter(f"{{{C['a']}}}defRPr")} == {"vi-VN"}


def test_a_combined_chart_has_its_line_on_a_second_axis(deck: Path) -> None:
    combo = next(root for _, root, _ in _charts(deck) if root.find(".//c:barChart", C) is not None
                 and root.find(".//c:lineChart", C) is not None)
    assert [t.text for t in combo.iterfind(".//c:barChart/c:ser/c:tx//c:v", C)] == ["Số đơn"]
    assert [t.text for t in combo.iterfind(".//c:lineChart/c:ser/c:tx//c:v", C)] == ["Tỉ lệ sáng chế"]
    axes = combo.findall(".//c:valAx", C)
    assert len(axes) == 2 and axes[1].find("c:crosses", C).get("val") == "max"


def test_axis_ids_are_unsigned_and_every_axis_crosses_one_that_exists(deck: Path) -> None:
    """c:axId and c:crossAx are xsd:unsignedInt, which the Open XML SDK validator, like Office,
    holds to 0…2**31-1 (python-pptx's templates carry negative ids); each plot names axes of its
    own chart."""
    for name, root, _ in _charts(deck):
        axes = {}
        for axis in root.find(".//c:plotArea", C):
            if etree.QName(axis).localname.endswith("Ax"):
                axes[axis.find("c:axId", C).get("val")] = axis.find("c:crossAx", C).get("val")
        values = [int(v) for v in [*axes, *axes.values()]]
        assert all(0 <= v < 2**31 for v in values), (name, values)
        assert set(axes.values()) <= set(axes), name
        for plot in root.find(".//c:plotArea", C):
            assert {a.get("val") for a in plot.findall("c:axId", C)} <= set(axes), name


def test_alt_text_and_data_table_in_the_notes(deck: Path) -> None:
    facts = slides(deck)
    pie = next(f for f in facts if f.title.endswith("Cơ cấu đơn năm 2021 (minh hoạ)"))
    assert "Dữ liệu biểu đồ:\n| Đơn 2021\nNhãn hiệu | 700\nSáng chế | 300\nKiểu dáng | 120" in pie.notes
    doughnut = next(f for f in facts if f.title.endswith("Vành khuyên"))
    assert "Trực tuyến | 80 %" in doughnut.notes
    from pptx import Presentation

    frames = [sh for s in Presentation(str(deck)).slides for sh in s.shapes if sh.has_chart]
    assert frames[0]._element.nvGraphicFramePr.cNvPr.get("descr") == "Biểu đồ cột; chuỗi số liệu: Nhãn hiệu, Sáng chế"


def test_data_from_a_file_is_tallied(deck: Path) -> None:
    tallied = _charts(deck)[-1][1]
    assert [v.text for v in tallied.iterfind(".//c:cat//c:pt/c:v", C)] == ["2019", "2020", "2021"]
    assert [float(v.text) for v in tallied.iterfind(".//c:val//c:pt/c:v", C)] == [850, 890, 1000]


def test_too_many_categories_continue_on_more_slides(workdir: Path) -> None:
    values = ", ".join(str(n) for n in range(30))
    cats = ", ".join(f"T{n}" for n in range(30))
    (workdir / "o.yaml").write_text(
        "deck: {title: T}\nsections:\n  - title: A\n    items:\n      - title: Nhiều\n        slides:\n"
        f"          - chart: {{type: column, categories: [{cats}], series: [{{name: S, values: [{values}]}}]}}\n",
        encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "o.yaml"])
    assert result.exit_code == 0, result.output
    titles = [f.title for f in slides(workdir / "build" / "o.pptx")]
    assert titles[3:6] == ["1. Nhiều", "1. Nhiều (tiếp)", "1. Nhiều (tiếp)"]


def test_a_scatter_chart_shows_its_values_when_asked(workdir: Path) -> None:
    (workdir / "o.yaml").write_text(
        "deck: {title: T}\nsections:\n  - title: A\n    items:\n      - title: Điểm\n        slides:\n"
        "          - chart: {type: scatter, labels: true, series: [{name: S, x: [1, 2], values: [3.5, 4]}]}\n",
        encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "o.yaml"])
    assert result.exit_code == 0, result.output
    (_, root, _), = _charts(workdir / "build" / "o.pptx")
    scatter = root.find(".//c:scatterChart", C)
    labels = scatter.find("c:dLbls", C)
    assert labels.find("c:showVal", C).get("val") == "1"
    assert etree.QName(labels.getnext()).localname == "axId"     # after the series, before the axes


@requires_libreoffice
def test_libreoffice_renders_every_chart(deck: Path, tmp_path: Path) -> None:
    from slidegen.preview import convert_to_pdf, pdf_page_count

    pdf = convert_to_pdf(deck, tmp_path)
    assert pdf_page_count(pdf) == len(slides(deck))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "37,5 %" in text and "90,0 %" in text       # Vietnamese notation, drawn by LibreOffice
    assert "Số đơn (minh hoạ)" in text and "Nhãn hiệu" in text
