"""Measuring the text of slides drawn with shapes (timelines, key figures): one scale for all.

Every cell's text must fit its cell; the slide takes the smallest scale any cell needs, so the
drawing stays even. The cells are the ones the kind's geometry computes for drawing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..plan.fit_text import TextStyle, best_scale, box_pt
from ..plan.types import Para, PlannedSlide
from ..records import record
from ..scene import EMU_PER_INCH, EmuBox

if TYPE_CHECKING:
    from ..plan.context import PlanContext

#: How far drawn text may shrink, and its smallest size: a drawing has no continuation.
DRAWN_FLOOR, DRAWN_MIN_SIZE = 0.5, 8.0


@record
class CellText:
    """Text to draw in one box of a drawn shape (a timeline cell, a figure card)."""

    paras: Sequence[Para]
    box: EmuBox
    bold: bool
    font: str


def drawn_scale(ctx: "PlanContext", slide: PlannedSlide, cells: Sequence[CellText]) -> float:
    scale = 1.0
    theme = ctx.theme
    for cell in cells:
        style = TextStyle(cell.font, False, 0.0, 0.0, theme.body.line_spacing, cell.bold)
        inches = (0.0, 0.0, cell.box[2] / EMU_PER_INCH, cell.box[3] / EMU_PER_INCH)
        found = best_scale(cell.paras, style, box_pt(theme, inches), DRAWN_FLOOR, DRAWN_MIN_SIZE)
        if found is None:
            ctx.warn(f"text '{cell.paras[0].text[:40]}' does not fit its cell on slide '{slide.title}'; "
                     "shorten it", slide.source)
            found = DRAWN_FLOOR
        scale = min(scale, found)
    return round(scale, 3)
