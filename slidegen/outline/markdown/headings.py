"""pandoc-style structure: headings make sections, items and slides.

The item level follows pandoc's slide-level idea, fixed to what a "Nội dung" outline needs: when
the document has headings one level below its top level (``#`` and ``##``), the top level makes
sections and the next one items; otherwise the top level makes items of one unnamed section.
One level below items (``###``) starts another slide of the item, titled by that heading, as
``---`` does without a title; deeper headings are headings inside a slide. Content written
directly under a section heading is an item with the section's title.
"""

from __future__ import annotations

from ...errors import Diagnostic
from ...source import SourceLocation
from .blocks import Block, Div, FrontMatter, Heading, Html, Rule
from .drafts import DraftItem, DraftSection, DraftSlide, Text, div_text


def item_levels(blocks: list[Block]) -> tuple[int | None, int]:
    """(section heading level or None, item heading level)."""
    levels = {b.level for b in blocks if isinstance(b, Heading)}
    if not levels:
        return None, 1
    top = min(levels)
    return (top, top + 1) if top + 1 in levels else (None, top)


class HeadingWalker:
    def __init__(self, lines: list[str], file: str, warnings: list[Diagnostic]) -> None:
        self.lines = lines
        self.file = file
        self.warnings = warnings
        self.sections: list[DraftSection] = []
        self.item: DraftItem | None = None
        self.slide: DraftSlide | None = None

    def walk(self, blocks: list[Block]) -> list[DraftSection]:
        section_level, item_level = item_levels(blocks)
        for block in blocks:
            if isinstance(block, FrontMatter):
                continue
            if isinstance(block, Heading) and block.level <= item_level + 1:
                title = Text(block.text, block.where)
                if block.level == section_level:
                    self.sections.append(DraftSection(title, block.where))
                    self.item = self.slide = None
                elif block.level == item_level:
                    self._new_item(title)
                else:
                    self._ensure_item(block.where)
                    self.slide = DraftSlide(block.where, title)
                    self.item.slides.append(self.slide)  # type: ignore[union-attr]
                continue
            if isinstance(block, Rule):
                self.slide = None
                continue
            if isinstance(block, Html):
                continue  # HTML comments and raw HTML have no place on a slide
            if isinstance(block, Div) and block.classes[:1] in (["notes"], ["todo"], ["sources"]):
                self._special(block)
                continue
            self._ensure_slide(block.where).blocks.append(block)
        return self.sections

    def _section(self, where: SourceLocation) -> DraftSection:
        if not self.sections:
            self.sections.append(DraftSection(None, where))
        return self.sections[-1]

    def _new_item(self, title: Text, implicit: bool = False) -> DraftItem:
        self.item = DraftItem(title, implicit=implicit)
        self.slide = None
        self._section(title.where).items.append(self.item)
        return self.item

    def _ensure_item(self, where: SourceLocation) -> DraftItem:
        if self.item is not None:
            return self.item
        section = self._section(where)
        if section.title is not None:  # content right under a section heading
            return self._new_item(Text(section.title.text, section.title.where))
        self.warnings.append(Diagnostic("content before the first heading: it becomes an item titled "
                                        "like the deck; start the document with a '#' heading", where))
        return self._new_item(Text("", where), implicit=True)

    def _ensure_slide(self, where: SourceLocation) -> DraftSlide:
        item = self._ensure_item(where)
        if self.slide is None:
            self.slide = DraftSlide(where)
            item.slides.append(self.slide)
        return self.slide

    def _special(self, div: Div) -> None:
        kind = div.classes[0]
        text = Text(div_text(div, self.lines), div.where)
        if kind == "notes" and self.item is None and self.sections:
            self.sections[-1].notes.append(text)  # under a section heading: the divider's notes
        elif kind == "notes":
            self._ensure_slide(div.where).notes.append(text)
        elif kind == "sources":
            self._ensure_slide(div.where).sources = text
        elif self.item is None:
            self.warnings.append(Diagnostic("'::: todo' belongs under an item's '##' heading; ignored",
                                            div.where))
        else:
            self.item.todo = text
