"""Glyph coverage: every character a slide shows must exist in the font that shows it.

PowerPoint silently substitutes another font for a missing glyph, which breaks the measured fit
and the look. Checked against the measured twin of each theme font (Arial ↔ Liberation Sans …,
whose coverage of Vietnamese is complete); a font slidegen has no metrics for is reported once,
since neither its widths nor its coverage can be known.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from ..fonts import missing_glyphs, resolve_font
from .context import PlanContext
from .types import PlannedSlide


def slide_texts(slide: PlannedSlide) -> Iterator[tuple[str, bool]]:
    """(text, is_heading) for every text the slide shows."""
    yield slide.title, True
    yield from slide.content.texts()


def check_fonts(ctx: PlanContext) -> None:
    for role, font in (("heading", ctx.theme.fonts.major), ("body", ctx.theme.fonts.minor)):
        measured, exact = resolve_font(font)
        if not exact:
            ctx.warn(f"theme {role} font '{font}' has no metrics in slidegen: text is measured with "
                     f"{measured} and glyph coverage cannot be checked; prefer Arial, Times New Roman "
                     "or Calibri", ("deck", "theme"))


def check_glyphs(ctx: PlanContext, slides: tuple[PlannedSlide, ...]) -> None:
    reported: set[tuple[str, str]] = set()
    theme = ctx.theme
    for slide in slides:
        for text, heading in slide_texts(slide):
            font = theme.fonts.major if heading else theme.fonts.minor
            for ch in missing_glyphs(text, font):
                if (font, ch) in reported:
                    continue
                reported.add((font, ch))
                name = unicodedata.name(ch, "unnamed character")
                ctx.warn(f"character '{ch}' (U+{ord(ch):04X} {name}) on slide {slide.number} is missing from "
                         f"font '{font}'; PowerPoint will show it in another font", slide.source)
