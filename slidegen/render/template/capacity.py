"""What a template's text box can hold, measured with the planner's own text engine.

A house template's layout may have a placeholder of the right type that cannot hold body text:
a subtitle line, a heading bar, a body 2 in tall at 32 pt. Chosen by type alone, such a layout
cut every bullet onto a slide of its own (150 slides instead of 20). So a text role counts only
when it holds a few lines of typical text at the size text may shrink to (the theme's floor of
the placeholder's own first-level size), measured as the fit pass measures: same fonts, line
heights, bullet indent and insets.
"""

from __future__ import annotations


from ...kinds.base import Holds
from ...plan import measure as ms
from ...plan.fit_text import PT_PER_INCH
from ...records import record
from ...scene import EMU_PER_PT, EmuBox
from ...theme.model import Theme

SLACK = 1.1
#: Typical lines of an outline: a bullet, and a column's shorter one (Vietnamese, with diacritics).
SAMPLE = {"line": "Hợp tác ASEAN về sở hữu trí tuệ", "short": "Hợp tác khu vực", "word": "PHẦN II"}


@record
class Limits:
    """The fit settings capacity is measured with (a theme's, so plan and render agree)."""

    font: str | None                  # None: each layout's master's body font
    floor: float
    min_size: float
    line_spacing: float
    space_before: float               # before a first-level paragraph at full size, pt
    indent: float                     # the bullet's hanging indent, pt

    @staticmethod
    def of(theme: Theme) -> "Limits":
        """The theme's limits, measured in each template master's own body font and each
        placeholder's own insets: only settings a theme derived from a template keeps from its
        base, so planning and rendering agree."""
        return Limits(None, theme.fit.floor, theme.fit.min_body_size, theme.body.line_spacing,
                      theme.body.space_before[0], theme.body.hanging * PT_PER_INCH)

    def floor_size(self, size: float) -> float:
        """The size body text of ``size`` may shrink to (never below the theme's minimum, never
        above its own size)."""
        return max(min(self.min_size, size), self.floor * size)


def capacity(box: EmuBox, size: float, holds: Holds, limits: Limits,
             insets: tuple[int, int, int, int] = (91440, 91440, 45720, 45720)) -> float | None:
    """How many of the sample lines the box holds at the floor size (lines down × copies across),
    or None when it holds fewer than ``holds.lines`` or a sample line does not fit its width.
    ``insets``: the placeholder's (left, right, top, bottom), EMU."""
    width, height = box[2] / EMU_PER_PT, box[3] / EMU_PER_PT
    left, right, top, bottom = (v / EMU_PER_PT for v in insets)
    inner_w, inner_h = width - left - right, height - top - bottom
    if inner_w <= 0 or inner_h <= 0:
        return None
    floor_size = limits.floor_size(size)
    text = SAMPLE[holds.sample]
    indent = limits.indent if holds.bulleted else 0.0
    spec = ms.ParagraphSpec(spans=(ms.Span(text),), font=limits.font or "Arial", size_pt=floor_size, indent_pt=indent,
                            line_spacing=limits.line_spacing,
                            space_before_pt=limits.space_before * floor_size / size if holds.bulleted else 0.0)
    layout = ms.layout_paragraph(spec, inner_w)
    if len(layout.lines) != 1:
        return None
    # A bar drawn for exactly one line (a subtitle) holds it: text overflows a placeholder's
    # insets in every application, and a font slidegen has no metrics for is measured taller
    # than it is. One line is judged on the whole height with 10 % slack.
    room = height * SLACK if holds.lines == 1 else inner_h
    down = int((room + 1e-6) // layout.height_pt)
    if down < holds.lines:
        return None
    across = inner_w / max(layout.line_widths_pt[0] + indent, 1.0)
    return round(down * min(across, 4.0), 2)
