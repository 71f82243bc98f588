"""Drawn kinds on a house template lay out in the room their layout leaves beside its title, inside
the slide: never a negative extent, never a box off the slide."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from hostile import HEAD, run_cli
from slidegen.scene import DrawnShape, DrawnText, on_slide
from templates import sub, variant

EMU = 914400
DRAWN = HEAD + """\
          - timeline:
              - {date: 2/9/2019, title: Trung Quốc – ASEAN lần 10, detail: Hàng Châu}
              - {date: 11/11/2019, title: AWGIPC 60, detail: Baguio}
              - {date: 8–9/7/2020, title: Họp đặc biệt, detail: trực tuyến}
          - figures: [{value: "20+", label: cuộc họp}, {value: "10", label: nước thành viên}]
          - table: {header: [Thời gian, Sự kiện], rows: [[2019, AWGIPC 60], [2020, AWGIPC 62]]}
"""


def _boxes(slide) -> list[tuple[str, int, int, int, int]]:
    return [(shape.name, shape.left, shape.top, shape.width, shape.height) for shape in slide.shapes
            if not shape.is_placeholder]


@pytest.mark.parametrize("title_at", ["top", "bottom"])
def test_drawn_kinds_lie_beside_their_layouts_title_and_on_the_slide(workdir: Path, title_at: str) -> None:
    """On PowerPoint's Title Only layout the drawing goes under the title; with the title moved to
    the foot of the slide (as some templates have it), above it."""
    edits = {}
    if title_at == "bottom":
        edits["ppt/slideLayouts/slideLayout6.xml"] = sub(
            r'(<p:ph type="title"/></p:nvPr></p:nvSpPr>)<p:spPr/>',
            r'\g<1><p:spPr><a:xfrm><a:off x="457200" y="5486400"/><a:ext cx="8229600" cy="914400"/></a:xfrm></p:spPr>')
    variant(workdir / "t.pptx", edits)
    (workdir / "o.yaml").write_text(DRAWN, encoding="utf-8")
    run = run_cli(["build", "o.yaml", "--template", "t.pptx"], workdir)
    assert run.exit_code == 0, run.output
    deck = Presentation(str(workdir / "build" / "o.pptx"))
    width, height = deck.slide_width, deck.slide_height
    drawn = [s for s in deck.slides if s.slide_layout.name == "Title Only"]
    assert len(drawn) == 3                                   # timeline, figures, table
    for slide in drawn:
        layout_title = slide.slide_layout.placeholders[0]
        top, bottom = layout_title.top, layout_title.top + layout_title.height
        boxes = _boxes(slide)
        assert boxes
        for name, x, y, w, h in boxes:
            assert w > 0 and h > 0 and x >= 0 and y >= 0 and x + w <= width and y + h <= height, name
            if title_at == "top":
                assert y >= bottom, (name, y, bottom)
            else:
                assert y + h <= top, (name, y + h, top)


def test_no_element_leaves_the_slide() -> None:
    """The last guard every writer applies: a box is cut to the slide, never empty or negative."""
    from slidegen.plan.types import TextBlock

    text = DrawnText((-100, 50, 200, -30), TextBlock(()), "Date 1")
    assert on_slide(text, 1000, 800).box == (0, 50, 200, 1)
    shape = DrawnShape((900, 700, 500, 500), "accent1", "Marker")
    assert on_slide(shape, 1000, 800).box == (900, 700, 100, 100)
    inside = DrawnShape((10, 10, 20, 20), "accent1", "Axis")
    assert on_slide(inside, 1000, 800) is inside
