"""Rendering a planned deck onto the theme's compiled template."""

from __future__ import annotations

import io
from functools import lru_cache
from typing import IO

from pptx import Presentation
from pptx.util import Inches

from ..plan.types import PlannedDeck, Para, Run, TextBlock
from ..theme.model import Theme
from .fastpath import FastSlides, PlainSlides
from .furniture import add_notes, fill_footers, footer_roles, set_properties
from .kinds import fill_slide, layout_choice
from .package import build_timestamp, write_package
from .placeholders import set_text
from .template import compile_template
from .template.mapping import map_template
from .text import TextWriter


@lru_cache(maxsize=8)
def _template_bytes(theme: Theme) -> bytes:
    return compile_template(theme)


def render_deck(deck: PlannedDeck, theme: Theme, stream: IO[bytes], template: bytes | None = None,
                layout_overrides: dict[str, str] | None = None, fast: bool = True) -> tuple[str, ...]:
    """Write ``deck`` as a .pptx into ``stream``, onto ``template`` (a slide-less package) or the
    theme's compiled template; return the layout name of each slide. ``fast=False`` adds slides
    through python-pptx's public API (the same result, in quadratic time)."""
    presentation = Presentation(io.BytesIO(template or _template_bytes(theme)))
    slides = FastSlides(presentation) if fast else PlainSlides(presentation)
    mapping = map_template(presentation, layout_overrides)
    layouts = {layout.name: layout for layout in presentation.slide_layouts}
    indent = int(Inches(theme.body.indent))
    language = deck.info.language
    used: list[str] = []
    for planned in deck.slides:
        choice = layout_choice(planned, mapping)
        used.append(choice.name)
        slide = slides.add_slide(layouts[choice.name], footer_roles(planned, deck.info, choice.roles))
        writer = TextWriter(slide.part, language, indent, theme.highlight, theme.muted)
        title = TextBlock((Para((Run(planned.title),), size_pt=planned.title_size_pt, bullet=False),))
        set_text(slide, choice.roles["title"], writer, title)
        fill_slide(slide, planned, writer, theme, choice)
        fill_footers(slide, planned, deck.info, writer, choice.roles)
        if planned.notes:
            add_notes(slides.notes_slide(slide), planned.notes, language)
    stamp = build_timestamp(deck.info.date)
    set_properties(presentation, deck.info, stamp)
    write_package(presentation, stream, stamp)
    return tuple(used)
