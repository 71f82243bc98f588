"""Rendering a planned deck onto the theme's compiled template (or a house template).

For each slide: its kind names the layout it wants, the template map says which layout that is
and which placeholder holds each role, the kind composes its content into scene elements, and
this module writes them with python-pptx.
"""

from __future__ import annotations

import datetime as _dt
import io
from collections.abc import Mapping, Sequence
from typing import IO, Any

from pptx import Presentation
from pptx.parts.slide import SlideLayoutPart
from pptx.util import Inches

from ..plan.types import PlannedDeck
from ..scene import Chart, DrawnPicture, DrawnShape, DrawnText, Element, PlaceholderPicture, PlaceholderText, Table
from ..theme.model import Theme
from .compose import deck_map, footer_roles, kept_footers, layout_choice, slide_elements, theme_package
from .drawn import draw_shape, draw_text
from .fastpath import FastSlides, PlainSlides
from .furniture import add_notes, fill_footers, set_properties
from .package import build_timestamp, write_package
from .placeholders import add_picture, remove_unused, set_picture, set_text
from .table import write_table
from .text import TextWriter

__all__ = ["layout_choice", "render_deck", "write_elements"]


def render_deck(deck: PlannedDeck, theme: Theme, stream: IO[bytes], template: bytes | None = None,
                layout_overrides: Mapping[str, str] | None = None, fast: bool = True) -> tuple[str, ...]:
    """Write ``deck`` as a .pptx into ``stream``, onto ``template`` (a slide-less package) or the
    theme's compiled template; return the layout name of each slide. ``fast=False`` adds slides
    through python-pptx's public API (the same result, in quadratic time)."""
    presentation = Presentation(io.BytesIO(template or theme_package(theme)))
    slides = FastSlides(presentation) if fast else PlainSlides(presentation)
    mapping = deck_map(theme, template, layout_overrides)
    # Layouts of every master, by part: names repeat across masters (and within one).
    # (read from the parts: asking a master without layouts for its slide_layouts would add an
    # empty list to it)
    layouts = {str(part.partname): part.slide_layout for part in presentation.part.package.iter_parts()
               if isinstance(part, SlideLayoutPart)}
    size = (int(presentation.slide_width or 0), int(presentation.slide_height or 0))
    indent = int(Inches(theme.body.indent))
    language = deck.info.language
    used: list[str] = []
    stamp = build_timestamp(deck.info.date)
    for planned in deck.slides:
        choice = layout_choice(planned, mapping)
        used.append(choice.name)
        slide = slides.add_slide(layouts[choice.part], footer_roles(planned, deck.info, choice.roles))
        writer = TextWriter(slide.part, language, indent, theme.highlight, theme.muted, theme.fonts.mono)
        keep = write_elements(slide, slide_elements(planned, theme, choice, size), writer, theme, stamp)
        keep |= kept_footers(choice)
        remove_unused(slide, keep)
        fill_footers(slide, planned, deck.info, writer, choice.roles)
        if planned.notes:
            add_notes(slides.notes_slide(slide), planned.notes, language)
    set_properties(presentation, deck.info, stamp)
    write_package(presentation, stream, stamp)
    return tuple(used)


def write_elements(slide: Any, elements: Sequence[Element], writer: TextWriter, theme: Theme,
                   stamp: _dt.datetime) -> set[int]:
    """Write each element in order; return the placeholder idx the slide keeps."""
    keep: set[int] = set()
    for element in elements:
        if isinstance(element, PlaceholderText):
            if set_text(slide, element.idx, writer, element.block, bullets=element.bullets):
                keep.add(element.idx)
        elif isinstance(element, PlaceholderPicture):
            set_picture(slide, element.idx, element.picture)
            keep.add(element.idx)
        elif isinstance(element, Table):
            write_table(slide, element, writer)
            if element.idx is not None:
                keep.add(element.idx)
        elif isinstance(element, DrawnPicture):
            add_picture(slide, element.picture, element.box)
        elif isinstance(element, DrawnShape):
            draw_shape(slide, element)
        elif isinstance(element, DrawnText):
            draw_text(slide, element, writer, theme)
        elif isinstance(element, Chart):
            from .chart import write_chart  # XlsxWriter loads only for decks with charts

            write_chart(slide, element, stamp)
            if element.idx is not None:
                keep.add(element.idx)
    return keep
