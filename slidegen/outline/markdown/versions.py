"""``::: {lang=en-US}`` blocks: the part above them, in another language.

A *part* is what a heading or a ``---`` begins, up to the next one: a section heading with its
divider notes, an item heading with the item's first slide (and its todo), a ``###`` slide, a
``---`` slide. A ``lang`` block written in a part holds that part again in its language: the
heading first (at the same level, typed number and all), then the content, notes and todo —

    ## 1. Cơ chế hợp tác

    - Hiệp định khung ký năm 1995

    ::: {lang=en-US}
    ## 1. Cooperation mechanism

    - Framework Agreement signed in 1995
    :::

The block may leave out what it does not translate (the heading, the notes, or the content as a
whole); those texts then fall back to the default language, each with a warning when the deck is
built in the block's language. What it holds is attached here to the drafts of its part; the
content is compared with the default language's when the slides are made (:mod:`.translate`).
"""

from __future__ import annotations

from dataclasses import field

from ...errors import Diagnostic
from ...records import record
from ...source import SourceLocation
from .blocks import Block, Div, Heading, Html, Rule
from .drafts import DraftItem, DraftSection, DraftSlide, Text, Version, div_text
from .languages import div_language


@record(frozen=False)
class Part:
    """What the last heading or ``---`` began: the unit a ``lang`` block translates."""

    kind: str                               # "section", "item", "slide", "rule" or "start"
    level: int | None                       # the heading's level
    section: DraftSection | None = None     # the section whose heading began the part
    item: DraftItem | None = None           # an item begun in the part
    slide: DraftSlide | None = None         # a slide begun in the part
    languages: set[str] = field(default_factory=set)


@record(frozen=False)
class Read:
    """A ``lang`` block's content, sorted into the pieces of a part."""

    where: SourceLocation
    title: Text | None = None
    notes: list[Text] = field(default_factory=list)
    todo: Text | None = None
    sources: Text | None = None
    blocks: list[Block] = field(default_factory=list)


def read_block(div: Div, level: int | None, lines: list[str], structural: int,
               warnings: list[Diagnostic]) -> Read:
    """The block's content: a first heading at ``level`` is the part's title; a heading at
    another level up to ``structural`` would begin another part, so it and what follows are left
    out with a warning."""
    read = Read(div.where)
    for n, block in enumerate(div.blocks):
        if isinstance(block, Heading) and block.level <= structural:
            if n == 0 and block.level == level:
                read.title = Text(block.text, block.where)
                continue
            warnings.append(Diagnostic(
                f"a '{'#' * block.level}' heading inside a translation begins another part; a "
                "'::: {lang=…}' block holds one part — write the next part's translation after that part "
                "(the rest of this block is left out)", block.where))
            break
        if isinstance(block, Rule):
            warnings.append(Diagnostic("'---' inside a translation begins another slide; translate each slide "
                                       "in a block of its own (the rest of this block is left out)", block.where))
            break
        if isinstance(block, Html):
            continue
        if isinstance(block, Div) and div_language(block) is not None:
            warnings.append(Diagnostic("a translation inside a translation is left out", block.where))
            continue
        kind = block.classes[:1] if isinstance(block, Div) else []
        if kind == ["notes"]:
            read.notes.append(Text(div_text(block, lines), block.where))  # type: ignore[arg-type]
        elif kind == ["todo"]:
            read.todo = Text(div_text(block, lines), block.where)  # type: ignore[arg-type]
        elif kind == ["sources"]:
            read.sources = Text(div_text(block, lines), block.where)  # type: ignore[arg-type]
        else:
            read.blocks.append(block)
    return read


def attach(part: Part, language: str, read: Read, item: DraftItem | None, warnings: list[Diagnostic]) -> None:
    """Give the drafts of ``part`` their ``language`` version (``item``: the item the part lies
    in, for a todo)."""
    if language in part.languages:
        warnings.append(Diagnostic(f"a second {language} translation of the same part is left out", read.where))
        return
    part.languages.add(language)
    if read.title is not None:
        if part.kind == "section" and part.section is not None:
            _version(part.section.versions, language, read).title = read.title
            if part.item is not None:      # content right under the section heading: its item
                _version(part.item.versions, language, read).title = read.title
        elif part.kind == "item" and part.item is not None:
            _version(part.item.versions, language, read).title = read.title
        elif part.kind != "slide":
            warnings.append(Diagnostic("this part has no heading to translate; the translation's heading is "
                                       "left out", read.title.where))
    if read.todo is not None:
        if item is None:
            warnings.append(Diagnostic("'::: todo' belongs under an item's '##' heading; left out", read.todo.where))
        else:
            _version(item.versions, language, read).todo = read.todo
    if read.notes and part.kind == "section" and part.item is None and part.section is not None:
        _version(part.section.versions, language, read).notes = read.notes
        notes: list[Text] = []
    else:
        notes = read.notes
    if part.slide is not None:
        title = read.title if part.kind == "slide" else None
        part.slide.versions[language] = DraftSlide(read.where, title, read.blocks, notes, read.sources)
    elif read.blocks or notes or read.sources is not None:
        warnings.append(Diagnostic(f"the {language} translation has content where this part has none; it is "
                                   "left out", (read.blocks[0].where if read.blocks else read.where)))


def _version(versions: dict[str, Version], language: str, read: Read) -> Version:
    return versions.setdefault(language, Version(read.where))
