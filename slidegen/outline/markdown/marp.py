"""Marp files (front matter ``marp: true``): ``---`` separates slides, a slide's first heading is
its title, and HTML comments are speaker notes unless they hold directives.

Slides are items of one unnamed section; consecutive slides with the same title are slides of
one item (Marp decks repeat a part's heading on each of its slides). A first slide holding only
headings and short lines is the title slide: its headings give the deck title and subtitle.
Directives (``<!-- _class: lead -->``, ``<!-- paginate: false -->``) style Marp's own themes;
slidegen ignores them with a warning.
"""

from __future__ import annotations

import re
from dataclasses import field
from typing import Any

from ...errors import Diagnostic
from ...records import record
from ...source import SourceLocation
from .blocks import Block, Div, FrontMatter, Heading, Html, Paragraph, Rule
from .drafts import DraftItem, DraftSection, DraftSlide, Text, comment_text, div_text
from .languages import div_language

# Marp's local directives (https://marpit.marp.app/directives#local-directives), and the global
# ones a comment may also set.
_DIRECTIVES = {"paginate", "header", "footer", "class", "backgroundColor", "backgroundImage",
               "backgroundPosition", "backgroundRepeat", "backgroundSize", "color", "theme", "style",
               "headingDivider", "lang", "size", "math", "title", "author", "description", "image",
               "url", "keywords", "transition", "marp"}
_DIRECTIVE_LINE = re.compile(r"^\s*_?([A-Za-z]+)\s*:")


@record(frozen=False)
class TitleSlide:
    """A Marp deck's first slide read as the title slide."""

    deck: dict[str, Any] = field(default_factory=dict)
    where: dict[str, SourceLocation] = field(default_factory=dict)


def _is_directive(text: str) -> str | None:
    """The first directive name when every line of a comment is a directive, else None."""
    names = [_DIRECTIVE_LINE.match(line) for line in text.splitlines() if line.strip()]
    if names and all(n and n.group(1) in _DIRECTIVES for n in names):
        return names[0].group(1)  # type: ignore[union-attr]
    return None


def _pages(blocks: list[Block]) -> list[list[Block]]:
    pages: list[list[Block]] = [[]]
    for block in blocks:
        if isinstance(block, FrontMatter):
            continue
        if isinstance(block, Rule):
            pages.append([])
        else:
            pages[-1].append(block)
    return [p for p in pages if p]


class MarpWalker:
    def __init__(self, lines: list[str], file: str, warnings: list[Diagnostic]) -> None:
        self.lines = lines
        self.file = file
        self.warnings = warnings

    def walk(self, blocks: list[Block], has_title: bool) -> tuple[list[DraftSection], TitleSlide]:
        pages = _pages(blocks)
        title = TitleSlide()
        if pages and not has_title and self._title_slide(pages[0], title):
            pages = pages[1:]
        first = pages[0][0].where if pages else SourceLocation(self.file, 1, 1)
        section = DraftSection(None, first)
        for page in pages:
            slide, heading = self._slide(page)
            previous = section.items[-1] if section.items else None
            if previous is not None and (heading is None or heading.text == previous.title.text):
                previous.slides.append(slide)
                continue
            item_title = heading or Text("", slide.where)
            if heading is None:
                self.warnings.append(Diagnostic("this slide has no heading; it becomes an item titled like "
                                                "the deck — start it with '# Title'", slide.where))
            section.items.append(DraftItem(item_title, [slide], implicit=heading is None))
        return [section], title

    def _slide(self, page: list[Block]) -> tuple[DraftSlide, Text | None]:
        slide = DraftSlide(page[0].where)
        heading: Text | None = None
        for block in page:
            if isinstance(block, Heading) and heading is None:
                heading = Text(block.text, block.where)
            elif isinstance(block, Html):
                self._comment(block, slide)
            elif isinstance(block, Div) and block.classes[:1] == ["notes"]:
                slide.notes.append(Text(div_text(block, self.lines), block.where))
            elif isinstance(block, Div) and div_language(block) is not None:
                self.warnings.append(Diagnostic("translations ('::: {lang=…}') are read in pandoc-style outlines, "
                                                "not in Marp files; this one is left out", block.where))
            else:
                slide.blocks.append(block)
        return slide, heading

    def _comment(self, block: Html, slide: DraftSlide) -> None:
        text = comment_text(block)
        if text is None:
            self.warnings.append(Diagnostic("raw HTML is not carried onto slides; it is ignored", block.where))
            return
        directive = _is_directive(text)
        if directive is not None:
            self.warnings.append(Diagnostic(f"Marp directive '{directive}' is ignored; slidegen styles "
                                            "slides with its theme", block.where))
        elif text:
            slide.notes.append(Text(text, block.where))

    def _title_slide(self, page: list[Block], title: TitleSlide) -> bool:
        headings = [b for b in page if isinstance(b, Heading)]
        content = [b for b in page if not isinstance(b, (Heading, Html))]
        if not headings or any(not isinstance(b, Paragraph) or b.images for b in content):
            return False
        title.deck["title"], title.where["title"] = headings[0].text, headings[0].where
        if len(headings) > 1:
            title.deck["subtitle"], title.where["subtitle"] = headings[1].text, headings[1].where
        if content:
            # The lines under the title (presenter, class, date) go where slidegen's title slide
            # shows such lines: under the subtitle, with the organisation.
            title.deck["organisation"] = "\n".join(p.text for p in content)  # type: ignore[attr-defined]
            title.where["organisation"] = content[0].where
        for block in page:
            if isinstance(block, Html):
                text = comment_text(block)
                if text and _is_directive(text) is None:
                    self.warnings.append(Diagnostic("notes on the title slide are not carried (slidegen "
                                                    "generates the title slide)", block.where))
                elif text:
                    self.warnings.append(Diagnostic(f"Marp directive '{_is_directive(text)}' is ignored; "
                                                    "slidegen styles slides with its theme", block.where))
        return True
