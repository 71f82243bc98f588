"""What every slide carries besides its content: footers, speaker notes, document properties."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn

from ..plan.types import DeckInfo, Para, PlannedSlide, Run, TextBlock
from .compose import footer_roles
from .direct.parts import short as _short
from .placeholders import placeholder_shapes, text_body
from .text import TextWriter

_SP = qn("p:sp")
__all__ = ["add_notes", "fill_footers", "footer_roles", "notes_body", "set_properties"]


def fill_footers(slide: Any, planned: PlannedSlide, info: DeckInfo, writer: TextWriter, roles: dict[str, int]) -> None:
    """Fill the footer placeholders cloned onto the slide: real fields for the number."""
    for role in ("date", "footer", "number"):
        txBody = text_body(slide, roles[role]) if role in roles else None
        if txBody is None:
            continue
        if role == "number":
            writer.field(txBody, "slidenum", str(planned.number))
        else:
            text = info.date_text if role == "date" else info.footer
            writer.fill(txBody, TextBlock((Para((Run(text or ""),), bullet=False),)), bullets=False)


def add_notes(notes_slide: Any, notes: str, language: str) -> None:
    writer = TextWriter(notes_slide.part, language)
    paras = tuple(Para((Run(line),) if line else (), bullet=False) for line in notes.split("\n"))
    writer.fill(notes_body(notes_slide), TextBlock(paras), bullets=False)


def notes_body(notes_slide: Any) -> Any:
    """The notes placeholder's text body (type body), read from the XML directly; one is added
    when the notes slide has none (a house template's notes master may lack it)."""
    for ph, element in placeholder_shapes(notes_slide.shapes._spTree):
        if ph.get("type") == "body" and element.tag == _SP:
            return element.get_or_add_txBody()
    frame = notes_slide.notes_text_frame
    if frame is None:
        shape_id = notes_slide.shapes._next_shape_id
        element = notes_slide.shapes._spTree.add_placeholder(shape_id, "Notes Placeholder", PP_PLACEHOLDER.BODY,
                                                             "horz", "full", 1)
        return element.get_or_add_txBody()
    return frame._txBody


def set_properties(presentation: Any, info: DeckInfo, stamp: _dt.datetime) -> None:
    props = presentation.core_properties
    props.title = _short(info.title)
    props.subject = _short(info.subtitle)
    props.author = _short(info.author or info.organisation)
    props.last_modified_by = "slidegen"
    props.language = info.language
    props.revision = 1
    props.created = stamp
    props.modified = stamp
