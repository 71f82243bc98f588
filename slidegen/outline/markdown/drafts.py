"""The outline's skeleton as read from Markdown, before slides get their kinds.

Both walkers (pandoc-style headings, Marp pages) produce these; ``assemble`` turns them into the
plain outline data. ``versions`` hold what a ``::: {lang=en-US}`` block says in another language:
the same skeleton, by language tag.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import field

from ...records import record
from ...source import SourceLocation
from .blocks import Block, Div, Html


@record(frozen=False)
class Text:
    """A piece of raw text (notes, a todo prompt) and where it starts."""

    text: str
    where: SourceLocation


@record(frozen=False)
class DraftSlide:
    """A slide being read from Markdown: its blocks, notes, sources, and its versions in other languages."""

    where: SourceLocation
    title: Text | None = None
    blocks: list[Block] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)
    sources: Text | None = None
    versions: dict[str, "DraftSlide"] = field(default_factory=dict)   # the slide in other languages

    @property
    def empty(self) -> bool:
        return not self.blocks and not self.notes and self.sources is None and self.title is None


@record(frozen=False)
class Version:
    """An item's or a section's own texts in another language (the title, a todo, divider notes)."""

    where: SourceLocation            # the ``::: {lang=…}`` block
    title: Text | None = None
    todo: Text | None = None
    notes: list[Text] = field(default_factory=list)


@record(frozen=False)
class DraftItem:
    """An item (a ``##`` heading) being read, with its slides and versions in other languages."""

    title: Text
    slides: list[DraftSlide] = field(default_factory=list)
    todo: Text | None = None
    implicit: bool = False       # no heading of its own: titled like the deck
    versions: dict[str, Version] = field(default_factory=dict)


@record(frozen=False)
class DraftSection:
    """A section (a ``#`` heading) being read, with its items and versions in other languages."""

    title: Text | None           # None: the one unnamed section of a document without sections
    where: SourceLocation
    items: list[DraftItem] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)
    versions: dict[str, Version] = field(default_factory=dict)


def div_text(div: Div, lines: list[str]) -> str:
    """The source text between a div's fences, as written (dedented, leading blank lines removed).
    Blank lines before the closing fence stand for one final newline, so that text ending in a
    newline (a YAML ``|`` block) is written and read back unchanged."""
    start = div.where.line          # 1-based line of the opening fence = 0-based first inner line
    end = _closing_line(lines, start)
    inner = lines[start:end]
    text = _clean("\n".join(inner))
    return text + "\n" if text and inner and not inner[-1].strip() else text


def _closing_line(lines: list[str], start: int) -> int:
    depth = 1
    fence = re.compile(r"^\s*(:{3,})\s*(.*?)\s*:*\s*$")
    for n in range(start, len(lines)):
        match = fence.match(lines[n])
        if match:
            depth += 1 if match.group(2) else -1
            if depth == 0:
                return n
    return len(lines)


def comment_text(block: Html) -> str | None:
    """The text of an HTML comment block, or None when the block is other HTML."""
    text = block.text.strip()
    if not (text.startswith("<!--") and text.endswith("-->")):
        return None
    return _clean(text[4:-3])


def _clean(text: str) -> str:
    lines = textwrap.dedent(text).split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(line.rstrip() for line in lines)
