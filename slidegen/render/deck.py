"""Rendering a planned deck onto the theme's compiled template (or a house template).

For each slide: its kind names the layout it wants, the template map says which layout that is
and which placeholder holds each role, the kind composes its content into scene elements, and
this module writes them with python-pptx.
"""

from __future__ import annotations

import datetime as _dt
import io
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import IO, Any

from pptx import Presentation
from pptx.util import Inches

from ..kinds import kind_of
from ..plan.types import Para, PlannedDeck, PlannedSlide, Run, TextBlock
from ..scene import (Chart, DrawnPicture, DrawnShape, DrawnText, Element, Frame, PlaceholderPicture,
                     PlaceholderText, Table, on_slide)
from ..theme.model import Theme
from .drawn import draw_shape, draw_text
from .fastpath import FastSlides, PlainSlides
from .furniture import add_notes, fill_footers, footer_roles, set_properties
from .package import build_timestamp, write_package
from .placeholders import add_picture, remove_unused, set_picture, set_text
from .table import write_table
from .template import compile_template
from .template.capacity import Limits
from .template.mapping import LayoutChoice, TemplateMap, template_map
from .text import TextWriter


@lru_cache(maxsize=8)
def _template_bytes(theme: Theme) -> bytes:
    return compile_template(theme)


def layout_choice(slide: PlannedSlide, mapping: TemplateMap) -> LayoutChoice:
    """The template layout a planned slide uses."""
    kind = kind_of(slide.kind)
    return mapping.choose(kind.layout_key(slide), kind.cells(slide))


def render_deck(deck: PlannedDeck, theme: Theme, stream: IO[bytes], template: bytes | None = None,
                layout_overrides: Mapping[str, str] | None = None, fast: bool = True) -> tuple[str, ...]:
    """Write ``deck`` as a .pptx into ``stream``, onto ``template`` (a slide-less package) or the
    theme's compiled template; return the layout name of each slide. ``fast=False`` adds slides
    through python-pptx's public API (the same result, in quadratic time)."""
    package = template or _template_bytes(theme)
    presentation = Presentation(io.BytesIO(package))
    slides = FastSlides(presentation) if fast else PlainSlides(presentation)
    # The same map the planner measured against (a house template's text roles are measured).
    mapping = template_map(package, tuple((layout_overrides or {}).items()), Limits.of(theme) if template else None)
    # Layouts of every master, by part: names repeat across masters (and within one).
    layouts = {str(layout.part.partname): layout for master in presentation.slide_masters
               for layout in master.slide_layouts}
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
        kind = kind_of(planned.kind)
        frame = Frame(theme, kind.geometry(theme, planned), choice.roles, choice.boxes)
        title = TextBlock((Para((Run(planned.title),), size_pt=planned.title_size_pt, bullet=False),))
        elements: list[Element] = [PlaceholderText(choice.roles["title"], title)]
        keep = write_elements(slide, [on_slide(e, *size) for e in (*elements, *kind.compose(planned, frame))],
                              writer, theme, stamp)
        keep |= {choice.roles[r] for r in ("date", "footer", "number") if r in choice.roles}
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
