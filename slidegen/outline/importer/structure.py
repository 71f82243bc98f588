"""Imported slides as the outline's sections and items.

Sections come from PowerPoint's sections when the deck has them, else from section-header slides
(slidegen's "PHẦN I" dividers among them). Items are runs of slides with one title: a typed
number ("3. …", as slidegen writes it) keeps an item's slides together even when their own
titles differ, and a "(tiếp)" / "(continued)" slide is folded back into the slide it continues.
The agenda slidegen generated names the items; its notes and the dividers' notes are kept.
"""

from __future__ import annotations

import re
from dataclasses import field
from ...errors import Diagnostic
from ..numbering import disagreement, split_number
from .content import Classifier, Content, SlideFacts
from .furniture import Agenda, divider_notes, divider_number, is_agenda, is_title_layout, read_agenda
from ...records import record

_CONTINUED = re.compile(r"\s*\((?:tiếp|tiếp theo|continued|cont\.?|cont'd)\)\s*$", re.I)
_DEFAULT_SECTION = re.compile(r"^(?:default section|untitled section|mục mặc định|phần mặc định|)$", re.I)


@record(frozen=False)
class ItemDraft:
    """An item being rebuilt from an imported deck's slides."""

    title: str
    number: int | None
    facts: SlideFacts
    slides: list[tuple[str, SlideFacts, list[Content]]] = field(default_factory=list)   # own title, …
    empty: list[SlideFacts] = field(default_factory=list)


@record(frozen=False)
class SectionDraft:
    """A section being rebuilt from an imported deck's slides."""

    title: str
    facts: SlideFacts | None
    notes: str = ""
    slides: list[SlideFacts] = field(default_factory=list)
    items: list[ItemDraft] = field(default_factory=list)


class Structure:
    def __init__(self, classifier: Classifier, slidegen: bool, deck_title: str, file: str,
                 warnings: list[Diagnostic], vietnamese: bool = True) -> None:
        self.vietnamese = vietnamese
        self.classifier = classifier
        self.slidegen = slidegen
        self.deck_title = deck_title
        self.file = file
        self.warnings = warnings
        self.agenda: Agenda | None = None

    def sections(self, slides: list[SlideFacts], pptx_sections: list[tuple[str, list[str]]]) -> list[SectionDraft]:
        body = []
        for facts in slides:
            if is_agenda(facts, self.slidegen):
                if self.agenda is None:
                    self.agenda = read_agenda(facts)
                self.agenda.count += 1
            else:
                body.append(facts)
        drafts = self._by_pptx(body, pptx_sections) if pptx_sections and not self.slidegen else self._by_dividers(body)
        for s, draft in enumerate(drafts):
            self._items(draft, s)
        return [d for d in drafts if d.items]

    def _by_dividers(self, slides: list[SlideFacts]) -> list[SectionDraft]:
        drafts: list[SectionDraft] = []
        for facts in slides:
            if divider_number(facts, self.slidegen) is not None or (drafts and _title_in_the_middle(facts)):
                title = facts.title or self._section_title(len(drafts))
                drafts.append(SectionDraft(title, facts, divider_notes(facts, self.slidegen)))
                continue
            if not drafts:
                drafts.append(SectionDraft(self._section_title(0), None))
            drafts[-1].slides.append(facts)
        return drafts

    def _by_pptx(self, slides: list[SlideFacts], sections: list[tuple[str, list[str]]]) -> list[SectionDraft]:
        where = {slide_id: n for n, (_, ids) in enumerate(sections) for slide_id in ids}
        drafts = [SectionDraft(name, None) for name, _ in sections]
        loose = SectionDraft(self._section_title(0), None)
        for facts in slides:
            index = where.get(facts.read.slide_id)
            draft = drafts[index] if index is not None else loose
            if not draft.slides and divider_number(facts, False) is not None:
                draft.facts = facts
                draft.notes = divider_notes(facts, False)
                if _DEFAULT_SECTION.match(draft.title.strip()) and facts.title:
                    draft.title = facts.title
                continue
            draft.slides.append(facts)
        for draft in drafts:
            if _DEFAULT_SECTION.match(draft.title.strip()):
                draft.title = self.deck_title
        return ([loose] if loose.slides else []) + drafts

    def _section_title(self, index: int) -> str:
        if self.agenda and index < len(self.agenda.sections):
            return self.agenda.sections[index][0]
        return self.deck_title

    def _items(self, draft: SectionDraft, section: int) -> None:
        known = self.agenda.sections[section][1] if self.agenda and section < len(self.agenda.sections) else []
        for facts in draft.slides:
            if not facts.title:
                facts.title = self._untitled(facts)
            raw, continued = _CONTINUED.sub("", facts.title), bool(_CONTINUED.search(facts.title))
            typed = split_number(raw, roman=False)
            current = draft.items[-1] if draft.items else None
            contents = self.classifier.contents(facts)
            if continued and current and current.slides and current.slides[-1][1].title == raw:
                self._continue(current, facts, contents)
                continue
            same = current is not None and (
                (typed.number is not None and typed.number == current.number) or
                (typed.number is None and current.number is None and typed.title == current.title))
            if not same:
                number = len(draft.items) + 1
                message = disagreement(typed, number, "item")
                if message:
                    self.warnings.append(Diagnostic(message, facts.read.where(self.file)))
                index = (typed.number or number) - 1   # the agenda lists items by their numbers
                title = known[index] if 0 <= index < len(known) else typed.title
                current = ItemDraft(title, typed.number, facts)
                draft.items.append(current)
            if contents:
                current.slides.append((typed.title, facts, contents))  # type: ignore[union-attr]
            else:
                current.empty.append(facts)  # type: ignore[union-attr]

    def _untitled(self, facts: SlideFacts) -> str:
        """A title for a slide without one: its first short line of text, else "Slide N"."""
        for para in facts.body_paras + [p for s in facts.read.shapes if s.ph_type is None for p in s.paras]:
            line = " ".join(para.text.split())
            if 0 < len(line) <= 80:
                return line
        self.warnings.append(Diagnostic("has no title; it is titled by its number", facts.read.where(self.file)))
        return f"{'Trang' if self.vietnamese else 'Slide'} {facts.read.number}"

    def _continue(self, item: ItemDraft, facts: SlideFacts, contents: list[Content]) -> None:
        """Fold a continuation back into the slide it continues (same kind), else keep it as a
        slide of the item."""
        title, _, previous = item.slides[-1]
        pictures = {"image", "photos"}
        if len(contents) == 1 and previous and (previous[-1].kind == contents[0].kind or
                                                {previous[-1].kind, contents[0].kind} <= pictures):
            merge(previous[-1], contents[0])
        elif contents:
            item.slides.append((title, facts, contents))


def merge(into: Content, more: Content) -> None:
    if into.kind == "image" and more.pictures:
        into.kind = "photos"   # a template without photo grids shows one photo per slide, continued
    into.paras.extend(more.paras)
    into.left.extend(more.left)
    into.right.extend(more.right)
    into.rows.extend(more.rows[1:])          # the header row repeats on every piece
    into.pictures.extend(more.pictures)
    into.events.extend(more.events)
    into.figures.extend(more.figures)


def _title_in_the_middle(facts: SlideFacts) -> bool:
    """A title slide among content slides: another deck's way of starting a part."""
    return is_title_layout(facts) and facts.read.layout != "Closing"

