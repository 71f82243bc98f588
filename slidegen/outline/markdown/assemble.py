"""Drafted sections, items and slides as the plain outline data the YAML reader produces.

Typed numbers are taken off titles here, where positions are known: "# II. …" as the second
section is fine, "# III. …" is a warning. An empty last section ("# Thank you" at the end of a
pandoc deck) is the closing slide's title.
"""

from __future__ import annotations

from typing import Any

from ...errors import Diagnostic
from ...source import SourceLocation
from ..located import Located
from ..numbering import disagreement, split_number
from .drafts import DraftItem, DraftSection, Text
from .slides import SlideReader


class Assembler:
    def __init__(self, slides: SlideReader, deck_title: str, warnings: list[Diagnostic]) -> None:
        self.slides = slides
        self.deck_title = deck_title
        self.warnings = warnings
        self.located = Located()

    def sections(self, drafts: list[DraftSection], deck: dict[str, Any]) -> list[dict[str, Any]]:
        drafts = self._closing(drafts, deck)
        out = []
        for s, draft in enumerate(drafts):
            path = ("sections", s)
            self.located.value(path, draft.where)
            title = self.deck_title
            if draft.title is not None:
                typed = split_number(draft.title.text, roman=True)
                self._check(disagreement(typed, s + 1, "section"), draft.title.where)
                title = typed.title
                self.located.key(path + ("title",), draft.title.where)
            section: dict[str, Any] = {"title": title, "items": []}
            if draft.notes:
                section["notes"] = "\n\n".join(n.text for n in draft.notes)
                self.located.key(path + ("notes",), draft.notes[0].where)
            items = draft.items
            if not items:
                where = draft.title.where if draft.title else draft.where
                self.warnings.append(Diagnostic(f"section '{title}' has no items ('##' headings); it gets "
                                                "one item of the same title to complete", where))
                items = [DraftItem(draft.title or Text(title, where))]
            self.located.key(path + ("items",), items[0].title.where)
            for i, item in enumerate(items):
                section["items"].append(self._item(item, i, path + ("items", i)))
            out.append(section)
        if drafts:
            self.located.key(("sections",), drafts[0].where)
        return out

    def _item(self, draft: DraftItem, index: int, path: tuple[Any, ...]) -> dict[str, Any]:
        self.located.value(path, draft.title.where)
        typed = split_number(draft.title.text, roman=False)
        self._check(disagreement(typed, index + 1, "item"), draft.title.where)
        title = self.deck_title if draft.implicit else typed.title
        self.located.key(path + ("title",), draft.title.where)
        item: dict[str, Any] = {"title": title}
        slides = []
        for slide in draft.slides:
            slides.extend(self.slides.slides(slide, title))
        if slides:
            item["slides"] = []
            self.located.key(path + ("slides",), draft.slides[0].where)
            for k, (data, where) in enumerate(slides):
                item["slides"].append(data)
                self.located.graft(path + ("slides", k), where)
        if draft.todo is not None:
            item["todo"] = draft.todo.text
            self.located.key(path + ("todo",), draft.todo.where)
        return item

    def _closing(self, drafts: list[DraftSection], deck: dict[str, Any]) -> list[DraftSection]:
        last = drafts[-1] if len(drafts) >= 2 else None
        if last is None or last.title is None or last.items or last.notes:
            return drafts
        if split_number(last.title.text).number is not None:
            return drafts  # "# III. Kết luận" with nothing under it yet is a section to complete
        closing = deck.get("closing")
        if closing is not None and not isinstance(closing, dict) or (closing or {}).get("title"):
            return drafts  # the front matter sets the closing slide; the section stays (and is warned)
        deck["closing"] = {**(closing or {}), "title": last.title.text}
        self.located.key(("deck", "closing"), last.title.where)
        self.located.key(("deck", "closing", "title"), last.title.where)
        return drafts[:-1]

    def _check(self, message: str | None, where: SourceLocation) -> None:
        if message:
            self.warnings.append(Diagnostic(message, where))

