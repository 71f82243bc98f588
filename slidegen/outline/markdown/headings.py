"""pandoc-style structure: headings make sections, items and slides.

The item level follows pandoc's slide-level idea, fixed to what a "Nội dung" outline needs: when
the document has headings one level below its top level (``#`` and ``##``), the top level makes
sections and the next one items; otherwise the top level makes items of one unnamed section.
One level below items (``###``) starts another slide of the item, titled by that heading, as
``---`` does without a title; deeper headings are headings inside a slide. Content written
directly under a section heading is an item with the section's title. A ``::: {lang=…}`` block
is the part above it in another language (:mod:`.versions`).
"""

from __future__ import annotations

from ...errors import Diagnostic
from ...records import replace
from ...source import SourceLocation
from .blocks import Block, Div, FrontMatter, Heading, Html, Rule
from .drafts import DraftItem, DraftSection, DraftSlide, Text, div_text
from .languages import div_language, valid_tag
from .versions import Part, attach, read_block


def item_levels(blocks: list[Block]) -> tuple[int | None, int]:
    """(section heading level or None, item heading level)."""
    levels = {b.level for b in blocks if isinstance(b, Heading)}
    if not levels:
        return None, 1
    top = min(levels)
    return (top, top + 1) if top + 1 in levels else (None, top)


class HeadingWalker:
    def __init__(self, lines: list[str], file: str, warnings: list[Diagnostic], default_language: str) -> None:
        self.lines = lines
        self.file = file
        self.warnings = warnings
        self.default_language = default_language
        self.sections: list[DraftSection] = []
        self.item: DraftItem | None = None
        self.slide: DraftSlide | None = None
        self.part = Part("start", None)
        self.languages: dict[str, SourceLocation] = {}   # each language a lang block gives, first block

    def walk(self, blocks: list[Block]) -> list[DraftSection]:
        section_level, item_level = item_levels(blocks)
        self.structural = item_level + 1
        for block in blocks:
            if isinstance(block, FrontMatter):
                continue
            if isinstance(block, Heading) and block.level <= item_level + 1:
                title = Text(block.text, block.where)
                if block.level == section_level:
                    self.sections.append(DraftSection(title, block.where))
                    self.item = self.slide = None
                    self.part = Part("section", block.level, section=self.sections[-1])
                elif block.level == item_level:
                    self._new_item(title)
                    self.part = Part("item", block.level, item=self.item)
                else:
                    self._ensure_item(block.where)
                    self.slide = DraftSlide(block.where, title)
                    self.item.slides.append(self.slide)  # type: ignore[union-attr]
                    self.part = Part("slide", block.level, slide=self.slide)
                continue
            if isinstance(block, Rule):
                self.slide = None
                self.part = Part("rule", None)
                continue
            if isinstance(block, Html):
                continue  # HTML comments and raw HTML have no place on a slide
            if isinstance(block, Div) and div_language(block) is not None:
                self._translation(block, div_language(block) or "")
                continue
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
            item = self._new_item(Text(section.title.text, section.title.where))
            item.versions = {tag: replace(v, todo=None, notes=[]) for tag, v in section.versions.items()}
        else:
            self.warnings.append(Diagnostic("content before the first heading: it becomes an item titled "
                                            "like the deck; start the document with a '#' heading", where))
            item = self._new_item(Text("", where), implicit=True)
        self.part.item = item
        return item

    def _ensure_slide(self, where: SourceLocation) -> DraftSlide:
        item = self._ensure_item(where)
        if self.slide is None:
            self.slide = DraftSlide(where)
            item.slides.append(self.slide)
            self.part.slide = self.slide
        return self.slide

    def _translation(self, div: Div, language: str) -> None:
        if not valid_tag(language):
            self.warnings.append(Diagnostic(f"'{language}' is not a language tag (write it like en-US or vi-VN); "
                                            "this translation is left out", div.where))
            return
        if language == self.default_language:
            self.warnings.append(Diagnostic(f"{language} is the deck's default language: its text is the one "
                                            "written outside '::: {lang=…}' blocks; this block is left out", div.where))
            return
        self.languages.setdefault(language, div.where)
        read = read_block(div, self.part.level, self.lines, self.structural, self.warnings)
        attach(self.part, language, read, self.item, self.warnings)

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
