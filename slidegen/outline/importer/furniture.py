"""Recognising the slides slidegen generates — title, agenda, section dividers, closing — and
what they say about the outline, so that an imported slidegen deck rebuilds as it was.

A deck from elsewhere has a title slide (title layout first), a closing (title layout last) and
section headers too; its agenda is content (slidegen would only make another one).
"""

from __future__ import annotations

import re
from dataclasses import field
from typing import Any

from ...plan.strings import EN, VI
from ..markdown.dates import parse_date
from .content import SlideFacts, plain
from ...records import record
from .text import para_text

_AGENDA_LINE = re.compile(r"^(?:[IVXLC]+|\d+)\. \S")
_DIVIDER_LABEL = re.compile(r"^(?:PHẦN|PART) ([IVXLC]+)$")
_AGENDA_WORDS = {"nội dung", "contents", "agenda", "mục lục", "outline"}


def is_title_layout(facts: SlideFacts) -> bool:
    """A title-style slide (title layout or a centred title) holding nothing but titles: a deck's
    title slide, closing slide or part divider. Decks that put content on title layouts keep it."""
    titled = facts.read.layout_type == "title" or any(s.ph_type == "ctrTitle" for s in facts.read.shapes)
    return titled and bool(facts.title) and only_titles(facts)


def only_titles(facts: SlideFacts) -> bool:
    """No pictures, tables, charts or free text on the slide, and at most a few short lines."""
    for shape in facts.read.shapes:
        if shape.kind in ("table", "chart", "smartart", "object", "media"):
            return False
        if shape.kind == "text" and shape.ph_type is None and shape.text:
            return False
    lines = facts.body_paras + facts.subtitle
    return len(lines) <= 4 and all(len(p.text) <= 120 for p in lines)


def is_agenda(facts: SlideFacts, slidegen: bool) -> bool:
    """An agenda slidegen generated: every line "I. …" or "1. …" under an agenda title."""
    lines = [p.text for p in facts.body_paras]
    named = facts.read.layout == "Agenda" or (slidegen and facts.title.strip().lower() in _AGENDA_WORDS)
    return bool(lines) and named and all(_AGENDA_LINE.match(line) for line in lines)


def divider_number(facts: SlideFacts, slidegen: bool) -> int | None:
    """The section number of a slidegen section divider ("PHẦN II"), 0 for another deck's
    section header, None for a slide that is no divider."""
    lines = [p.text.strip() for p in facts.body_paras]
    if slidegen and len(lines) == 1 and _DIVIDER_LABEL.match(lines[0]):
        from ..numbering import roman_value

        return roman_value(_DIVIDER_LABEL.match(lines[0]).group(1))  # type: ignore[union-attr]
    if facts.read.layout_type == "secHead":
        return 0
    return None


@record(frozen=False)
class Agenda:
    """An agenda slide recognised in an imported deck, with the sections and items it lists."""

    title: str
    sections: list[tuple[str, list[str]]] = field(default_factory=list)
    items: bool = False
    count: int = 0


def read_agenda(facts: SlideFacts) -> Agenda:
    agenda = Agenda(facts.title)
    for para in facts.body_paras:
        text = re.sub(r"^(?:[IVXLC]+|\d+)\. ", "", para.text.strip())
        if para.level == 0:
            agenda.sections.append((text, []))
        elif agenda.sections:
            agenda.sections[-1][1].append(text)
            agenda.items = True
    return agenda


def title_slide(facts: SlideFacts, deck: dict[str, Any]) -> None:
    """Deck title, subtitle, organisation and date from the title slide."""
    deck["title"] = facts.title or deck.get("title", "")
    lines = [para_text([p]) for p in facts.subtitle]
    meta = [para_text([p]) for p in facts.body_paras]
    if lines:
        deck["subtitle"] = lines[0]
    organisation = []
    for line in lines[1:] + meta:
        day = parse_date(line) if "date" not in deck else None
        if day is not None:
            deck["date"] = day
        elif line:
            organisation.append(line)
    if organisation:
        deck["organisation"] = "\n".join(organisation)


def closing_slide(facts: SlideFacts, deck: dict[str, Any]) -> dict[str, Any]:
    strings = VI if str(deck.get("language", "vi")).lower().startswith("vi") else EN
    closing: dict[str, Any] = {}
    if facts.title and facts.title != strings.closing:
        closing["title"] = facts.title
    subtitle = para_text(facts.subtitle) or para_text(facts.body_paras)
    if subtitle and subtitle != deck.get("organisation"):
        closing["subtitle"] = subtitle
    return closing


def divider_notes(facts: SlideFacts, slidegen: bool) -> str:
    """A divider's speaker notes; a section header from elsewhere keeps its text there too."""
    extra = "" if slidegen else plain(facts.subtitle + facts.body_paras)
    return "\n\n".join(t for t in (extra, facts.read.notes) if t)
