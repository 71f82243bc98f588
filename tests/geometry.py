"""An independent judge of text fit: where LibreOffice really draws each line of text.

The check reads text lines and their positions from the PDF LibreOffice writes (pdfminer.six)
and the shape boxes from the .pptx (python-pptx), and reports every line that leaves the slide
or the box of the shape whose text contains it, within a small tolerance. Nothing here uses
slidegen's own measurement.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

TOLERANCE_PT = 2.5
EMU_PER_PT = 12700


BULLETS = "■•–▪"   # the bullet characters of the built-in themes, drawn at the start of a line


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def line_text(text: str) -> str:
    return squash(text).lstrip(BULLETS)


Box = tuple[float, float, float, float]
CHART = "\0chart"   # stands for a chart frame's text: LibreOffice draws the labels, ticks and titles itself


def shape_boxes(pptx: Path) -> list[list[tuple[str, Box]]]:
    """Per slide: (text without spaces, (x0, top, x1, bottom) in points) for every text shape,
    and (CHART, box) for every chart frame."""
    from pptx import Presentation

    slides = []
    for slide in Presentation(str(pptx)).slides:
        boxes = []
        for shape in slide.shapes:
            if shape.left is None:
                continue
            box = (shape.left / EMU_PER_PT, shape.top / EMU_PER_PT, (shape.left + shape.width) / EMU_PER_PT,
                   (shape.top + shape.height) / EMU_PER_PT)
            if getattr(shape, "has_chart", False) and shape.has_chart:
                boxes.append((CHART, box))
            elif shape.has_text_frame:
                boxes.append((squash(shape.text_frame.text), box))
            elif getattr(shape, "has_table", False) and shape.has_table:
                text = "".join(c.text_frame.text for r in shape.table.rows for c in r.cells)
                boxes.append((squash(text), box))
        slides.append(boxes)
    return slides


def pdf_lines(pdf: Path) -> Any:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer, LTTextLine

    for page in extract_pages(str(pdf), laparams=LAParams(line_margin=0.1, char_margin=1.0)):
        lines = []

        def collect(element: Any) -> None:
            if isinstance(element, LTTextLine):
                lines.append(element)
            elif isinstance(element, LTTextContainer) or hasattr(element, "__iter__"):
                for child in element:
                    collect(child)

        for element in page:
            collect(element)
        yield page, lines


def within(line: Box, box: Box) -> bool:
    """The line lies inside the box, give or take the tolerance."""
    return (line[0] >= box[0] - TOLERANCE_PT and line[1] >= box[1] - TOLERANCE_PT
            and line[2] <= box[2] + TOLERANCE_PT and line[3] <= box[3] + TOLERANCE_PT)


def check_geometry(pptx: Path, pdf: Path) -> tuple[int, list[str], list[str]]:
    problems: list[str] = []
    unmatched: list[str] = []
    checked = 0
    shapes = shape_boxes(pptx)
    for number, (page, lines) in enumerate(pdf_lines(pdf), start=1):
        height = page.height
        for line in lines:
            text = line_text(line.get_text())
            if not text:
                continue
            x0, y0, x1, y1 = line.x0, height - line.y1, line.x1, height - line.y0  # top-down like pptx
            if x0 < -TOLERANCE_PT or y0 < -TOLERANCE_PT or x1 > page.width + TOLERANCE_PT or y1 > height + TOLERANCE_PT:
                problems.append(f"slide {number}: line {text[:40]!r} leaves the slide")
                continue
            line_box = (x0, y0, x1, y1)
            # A chart's labels are LibreOffice's own text (axis numbers, ticks, rotated titles a
            # letter per line): a line inside a chart frame belongs to it; one that leaked out of
            # its frame is matched against the text shapes below and reported there.
            if any(within(line_box, box) for shape_text, box in shapes[number - 1] if shape_text == CHART):
                checked += 1
                continue
            candidates = [box for shape_text, box in shapes[number - 1] if shape_text != CHART and text in shape_text]
            if not candidates:
                unmatched.append(f"slide {number}: {text[:40]!r}")
            inside = [b for b in candidates if within(line_box, b)]
            if candidates and not inside:
                problems.append(f"slide {number}: line {text[:40]!r} at {tuple(round(v) for v in (x0, y0, x1, y1))} "
                                f"outside its shape {tuple(round(v) for v in candidates[0])}")
            checked += 1
    return checked, problems, unmatched


def assert_text_inside(pptx: Path, pdf: Path, minimum_lines: int = 20) -> int:
    """Every line LibreOffice drew lies inside the slide and its shape; returns the count."""
    checked, problems, unmatched = check_geometry(pptx, pdf)
    assert checked >= minimum_lines, f"only {checked} lines checked"
    assert not problems, "\n".join(problems)
    # Every line must be attributed to a shape, or the check above proves nothing for it.
    assert len(unmatched) <= checked // 50, "lines matched to no shape:\n" + "\n".join(unmatched)
    return checked
