"""What every slide carries besides its content: footers, speaker notes, document properties."""

from __future__ import annotations

import datetime as _dt

from ..plan.types import DeckInfo, Para, PlannedSlide, Run, TextBlock
from .text import TextWriter


def add_footers(slide, planned: PlannedSlide, info: DeckInfo, writer: TextWriter, roles: dict[str, int]) -> None:
    """Real date, footer and slide-number placeholders, copied from the layout and filled."""
    if not planned.footers:
        return
    wanted = {
        roles.get("date"): ("date", info.show_date and info.date_text),
        roles.get("footer"): ("footer", info.footer),
        roles.get("number"): ("number", info.slide_numbers),
    }
    for layout_ph in slide.slide_layout.placeholders:
        role, show = wanted.get(layout_ph.placeholder_format.idx, (None, None))
        if not show:
            continue
        slide.shapes.clone_placeholder(layout_ph)
        shape = slide.placeholders[layout_ph.placeholder_format.idx]
        txBody = shape.element.get_or_add_txBody()
        if role == "number":
            writer.field(txBody, "slidenum", str(planned.number))
        else:
            text = info.date_text if role == "date" else info.footer
            writer.fill(txBody, TextBlock((Para((Run(text or ""),), bullet=False),)), bullets=False)


def add_notes(slide, notes: str, language: str) -> None:
    if not notes:
        return
    notes_slide = slide.notes_slide
    writer = TextWriter(notes_slide.part, language)
    paras = tuple(Para((Run(line),) if line else (), bullet=False) for line in notes.split("\n"))
    writer.fill(notes_slide.notes_text_frame._txBody, TextBlock(paras), bullets=False)


#: python-pptx (and Office) limit core text properties to 255 characters.
_PROPERTY_LIMIT = 255


def _short(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= _PROPERTY_LIMIT else text[:_PROPERTY_LIMIT - 1] + "…"


def set_properties(presentation, info: DeckInfo, stamp: _dt.datetime) -> None:
    props = presentation.core_properties
    props.title = _short(info.title)
    props.subject = _short(info.subtitle)
    props.author = _short(info.author or info.organisation)
    props.last_modified_by = "slidegen"
    props.language = info.language
    props.revision = 1
    props.created = stamp
    props.modified = stamp
