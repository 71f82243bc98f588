"""Rendering a planned deck onto the theme's compiled template."""

from __future__ import annotations

import io
from functools import lru_cache
from typing import IO

from pptx import Presentation
from pptx.util import Inches

from ..errors import ThemeError
from ..plan.types import PlannedDeck, Para, Run, TextBlock
from ..theme.model import Theme
from .furniture import add_footers, add_notes, set_properties
from .kinds import fill_slide, layout_name
from .package import build_timestamp, write_package
from .placeholders import set_title
from .template import compile_template
from .text import TextWriter


@lru_cache(maxsize=8)
def _template_bytes(theme: Theme) -> bytes:
    return compile_template(theme)


def render_deck(deck: PlannedDeck, theme: Theme, stream: IO[bytes]) -> tuple[str, ...]:
    """Write ``deck`` as a .pptx into ``stream``; return the layout name of each slide."""
    presentation = Presentation(io.BytesIO(_template_bytes(theme)))
    layouts = {layout.name: layout for layout in presentation.slide_layouts}
    indent = int(Inches(theme.body.indent))
    language = deck.info.language
    used: list[str] = []
    for planned in deck.slides:
        name = layout_name(planned)
        used.append(name)
        if name not in layouts:
            raise ThemeError(f"the template has no layout '{name}' for {planned.kind.value} slides")
        slide = presentation.slides.add_slide(layouts[name])
        writer = TextWriter(slide.part, language, indent, theme.highlight, theme.muted)
        title = TextBlock((Para((Run(planned.title),), size_pt=planned.title_size_pt, bullet=False),))
        set_title(slide, writer, title)
        fill_slide(slide, planned, writer, theme)
        add_footers(slide, planned, deck.info, writer)
        add_notes(slide, planned.notes, language)
    stamp = build_timestamp(deck.info.date)
    set_properties(presentation, deck.info, stamp)
    write_package(presentation, stream, stamp)
    return tuple(used)
