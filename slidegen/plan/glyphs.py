"""Glyph coverage: every character a slide shows must exist in the font that shows it.

PowerPoint silently substitutes another font for a missing glyph, which breaks the measured fit
and the look. Checked against the measured twin of each theme font (Arial ↔ Liberation Sans …,
whose coverage of Vietnamese is complete); a font slidegen has no metrics for is reported once,
since neither its widths nor its coverage can be known.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from ..fonts import is_missing, resolve_font
from .context import PlanContext
from .types import FontRole, PlannedSlide


def slide_texts(slide: PlannedSlide) -> Iterator[tuple[str, FontRole]]:
    """(text, font role) for every text the slide shows."""
    yield slide.title, "major"
    yield from slide.content.texts()


def check_fonts(ctx: PlanContext) -> None:
    fonts = ctx.theme.fonts
    for role, font in (("heading", fonts.major), ("body", fonts.minor), ("code", fonts.mono)):
        measured, exact = resolve_font(font)
        if not exact:
            ctx.warn(f"theme {role} font '{font}' has no metrics in slidegen: text is measured with "
                     f"{measured} and glyph coverage cannot be checked; prefer Arial, Times New Roman "
                     "or Calibri", ("deck", "theme"))


def check_glyphs(ctx: PlanContext, slides: tuple[PlannedSlide, ...]) -> None:
    """Each (font, character) is checked once, at its first appearance: a deck repeats the same
    few hundred characters thousands of times."""
    fonts = {"major": ctx.theme.fonts.major, "minor": ctx.theme.fonts.minor, "mono": ctx.theme.fonts.mono}
    first: dict[tuple[str, str], PlannedSlide] = {}
    for slide in slides:
        for text, role in slide_texts(slide):
            font = fonts[role]
            for ch in dict.fromkeys(text):
                first.setdefault((font, ch), slide)
    for (font, ch), slide in first.items():
        if is_missing(ch, font):
            name = unicodedata.name(ch, "unnamed character")
            ctx.warn(f"character '{ch}' (U+{ord(ch):04X} {name}) on slide {slide.number} is missing from "
                     f"font '{font}'; PowerPoint will show it in another font", slide.source)
