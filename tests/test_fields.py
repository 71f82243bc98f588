"""Slide numbers and dates are real fields everywhere they show: on the compiled master and layouts
(as PowerPoint writes them, which is where LibreOffice draws a slide's number from) and on slides."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import DECKS, requires_libreoffice
from slidegen import build, plan
from slidegen.theme.registry import builtin_names

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def _placeholder_fields(root: etree._Element, kind: str) -> list[etree._Element]:
    out = []
    for ph in root.iter(f"{P}ph"):
        if ph.get("type") == kind:
            shape = ph.getparent().getparent().getparent()
            out.append(shape)
    return out


@pytest.mark.parametrize("theme", builtin_names())
def test_compiled_masters_and_layouts_hold_number_and_date_fields(tmp_path: Path, theme: str) -> None:
    out = tmp_path / "deck.pptx"
    build(DECKS / "awgipc.yaml", out, theme=theme)
    with zipfile.ZipFile(out) as archive:
        parts = [n for n in archive.namelist() if n.startswith(("ppt/slideMasters/", "ppt/slideLayouts/"))
                 and n.endswith(".xml")]
        numbered = 0
        for name in parts:
            root = etree.fromstring(archive.read(name))
            for shape in _placeholder_fields(root, "sldNum"):
                fields = list(shape.iter(f"{A}fld"))
                assert [f.get("type") for f in fields] == ["slidenum"], name
                assert fields[0].findtext(f"{A}t") == "‹#›", name
                numbered += 1
            for shape in _placeholder_fields(root, "dt"):
                assert [f.get("type") for f in shape.iter(f"{A}fld")] == ["datetime1"], name
        assert numbered >= 10
        # Slides: the number is a field, the date plain text (a date field would show today's date).
        slide = etree.fromstring(archive.read("ppt/slides/slide4.xml"))
        number = _placeholder_fields(slide, "sldNum")[0]
        assert [(f.get("type"), f.findtext(f"{A}t")) for f in number.iter(f"{A}fld")] == [("slidenum", "4")]
        date = _placeholder_fields(slide, "dt")[0]
        assert not list(date.iter(f"{A}fld")) and "".join(date.itertext()) == "04/03/2022"


@requires_libreoffice
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
@pytest.mark.parametrize("theme", builtin_names())
def test_libreoffice_shows_the_slide_number_on_every_numbered_slide(tmp_path: Path, theme: str) -> None:
    from slidegen.preview import convert_to_pdf

    out = tmp_path / "deck.pptx"
    build(DECKS / "awgipc.yaml", out, theme=theme)
    numbered = [s.number for s in plan(DECKS / "awgipc.yaml", theme=theme).slides if s.footers]
    assert len(numbered) >= 15
    pdf = convert_to_pdf(out, tmp_path)
    for number in numbered:
        text = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        assert str(number) in [line.strip() for line in text.splitlines()], (number, text[-200:])  # a line of its own
