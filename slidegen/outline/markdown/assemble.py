"""Drafted sections, items and slides as the plain outline data the YAML reader produces.

Typed numbers are taken off titles here, where positions are known: "# II. …" as the second
section is fine, "# III. …" is a warning. An empty last section ("# Thank you" at the end of a
pandoc deck) is the closing slide's title. In an outline of several languages each text comes
with its translations (:mod:`.translate`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...errors import Diagnostic
from ...source import DataPath, SourceLocation
from ..located import Located
from ..numbering import disagreement, split_number
from .drafts import DraftItem, DraftSection, DraftSlide, Text, Version
from .languages import Languages
from .slides import ReadSlide, SlideReader
from .translate import Translated, Translator


class Assembler:
    def __init__(self, slides: SlideReader, deck_title: Any, warnings: list[Diagnostic],
                 languages: Languages | None = None) -> None:
        self.slides = slides
        self.deck_title = deck_title
        self.warnings = warnings
        self.located = Located()
        self.translator = Translator(languages or Languages("vi-VN"), warnings)

    def sections(self, drafts: list[DraftSection], deck: dict[str, Any]) -> list[dict[str, Any]]:
        drafts = self._closing(drafts, deck)
        out = []
        for s, draft in enumerate(drafts):
            path = ("sections", s)
            self.located.value(path, draft.where)
            title = self.deck_title
            if draft.title is not None:
                title = self._title(draft.title, draft.versions, s, "section", path + ("title",))
                self.located.key(path + ("title",), draft.title.where)
            section: dict[str, Any] = {"title": title, "items": []}
            joined = _joined(draft.notes)
            if joined is not None:
                notes = {tag: _joined(v.notes) for tag, v in draft.versions.items()}
                section["notes"] = self._text(joined, notes, path + ("notes",))
                self.located.key(path + ("notes",), draft.notes[0].where)
            items = draft.items
            if not items:
                where = draft.title.where if draft.title else draft.where
                shown = _shown(title)
                self.warnings.append(Diagnostic(f"section '{shown}' has no items ('##' headings); it gets "
                                                "one item of the same title to complete", where))
                items = [DraftItem(draft.title or Text(shown, where), versions=draft.versions)]
            self.located.key(path + ("items",), items[0].title.where)
            for i, item in enumerate(items):
                section["items"].append(self._item(item, i, path + ("items", i)))
            out.append(section)
        if drafts:
            self.located.key(("sections",), drafts[0].where)
        return out

    def _item(self, draft: DraftItem, index: int, path: tuple[Any, ...]) -> dict[str, Any]:
        self.located.value(path, draft.title.where)
        if draft.implicit:
            title = self.deck_title
        else:
            title = self._title(draft.title, draft.versions, index, "item", path + ("title",))
        self.located.key(path + ("title",), draft.title.where)
        item: dict[str, Any] = {"title": title}
        slides = []
        for slide in draft.slides:
            slides.extend(self._slides(slide, title))
        if slides:
            item["slides"] = []
            self.located.key(path + ("slides",), draft.slides[0].where)
            for k, read in enumerate(slides):
                item["slides"].append(read.data)
                self.located.graft(path + ("slides", k), read.located)
        if draft.todo is not None:
            todos = {tag: v.todo for tag, v in draft.versions.items()}
            item["todo"] = self._text(draft.todo, todos, path + ("todo",))
            self.located.key(path + ("todo",), draft.todo.where)
        return item

    def _slides(self, draft: DraftSlide, item_title: Any) -> list[ReadSlide]:
        before = len(self.warnings)
        default = self.slides.slides(draft, item_title)
        seen = {w.message for w in self.warnings[before:]}
        versions = {}
        for tag, version in draft.versions.items():
            quiet: list[Diagnostic] = []
            reader = SlideReader(self.slides.file, self.slides.base_dir, self.slides.marp, quiet)
            made = reader.slides(version, item_title) if version.blocks else []
            # What the translation repeats of the default's warnings (a mixed slide) is said once.
            self.warnings.extend(w for w in quiet if w.message not in seen)
            versions[tag] = Translated(made, version.title, version.notes, version.where)
        return self.translator.slides(default, versions)

    def _title(self, text: Text, versions: Mapping[str, Version], index: int, noun: str, path: DataPath) -> Any:
        """A section's or item's title without its typed number, with its translations."""
        roman = noun == "section"
        typed = split_number(text.text, roman=roman)
        self._check(disagreement(typed, index + 1, noun), text.where)
        titles: dict[str, Text | None] = {}
        for tag, version in versions.items():
            if version.title is not None:
                theirs = split_number(version.title.text, roman=roman)
                self._check(disagreement(theirs, index + 1, noun), version.title.where)
                titles[tag] = Text(theirs.title, version.title.where)
        return self.translator.text(typed.title, titles, text.where, path, self.located)

    def _text(self, text: Text, versions: Mapping[str, Text | None], path: DataPath) -> Any:
        return self.translator.text(text.text, versions, text.where, path, self.located)

    def _closing(self, drafts: list[DraftSection], deck: dict[str, Any]) -> list[DraftSection]:
        last = drafts[-1] if len(drafts) >= 2 else None
        if last is None or last.title is None or last.items or last.notes:
            return drafts
        if split_number(last.title.text).number is not None:
            return drafts  # "# III. Kết luận" with nothing under it yet is a section to complete
        closing = deck.get("closing")
        if closing is not None and not isinstance(closing, dict) or (closing or {}).get("title"):
            return drafts  # the front matter sets the closing slide; the section stays (and is warned)
        titles = {tag: v.title for tag, v in last.versions.items()}
        title = self.translator.text(last.title.text, titles, last.title.where, ("deck", "closing", "title"),
                                     self.located)
        deck["closing"] = {**(closing or {}), "title": title}
        self.located.key(("deck", "closing"), last.title.where)
        self.located.key(("deck", "closing", "title"), last.title.where)
        return drafts[:-1]

    def _check(self, message: str | None, where: SourceLocation) -> None:
        if message:
            self.warnings.append(Diagnostic(message, where))


def _joined(notes: list[Text]) -> Text | None:
    """A divider's notes blocks as one text (None when there are none)."""
    if not notes:
        return None
    return Text("\n\n".join(n.text for n in notes), notes[0].where)


def _shown(title: Any) -> str:
    """A title as messages show it: its first language's text when it is given by language."""
    if isinstance(title, dict):
        return str(next(iter(title.values()), ""))
    return str(title)
