"""The planned deck: every slide decided — kind, numbered title, text with sizes, notes.

This is what the planner hands to the renderer. Everything here is final: the renderer places it
and never measures, numbers or splits. What a slide holds depends on its kind; each kind defines
its own content type next to the rest of that kind (``slidegen/kinds/``).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from dataclasses import field
from enum import Enum
from typing import TYPE_CHECKING, Literal, Protocol

from ..errors import Diagnostic

if TYPE_CHECKING:
    from .context import Coverage
from ..records import record
from ..source import DataPath, SourceLocation


class Emphasis(str, Enum):
    NONE = "none"
    STRONG = "strong"   # bold, accent colour: the current section on a repeated agenda
    MUTED = "muted"     # dimmed: the other sections on a repeated agenda


@record(slots=True)
class Run:
    """Text with one style. A run whose text is exactly "\\n" is a line break."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None
    code: bool = False                # set in the theme's monospace font (inline code, code slides)
    color: str | None = None          # a scheme colour (highlighted code); None: the layout's

    @property
    def is_break(self) -> bool:
        return self.text == "\n"


@record(slots=True)
class Para:
    """A paragraph: styled runs, bullet level, and any size or emphasis the planner decided."""

    runs: tuple[Run, ...]
    level: int = 0
    size_pt: float | None = None      # None: the placeholder's own size from the layout
    emphasis: Emphasis = Emphasis.NONE
    bullet: bool = True               # False: no bullet character (a heading-like line)
    space_before_pt: float | None = None   # None: the layout's spacing

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@record(slots=True)
class TextBlock:
    """Paragraphs for one placeholder, with the scale the fit pass chose."""

    paras: tuple[Para, ...]
    scale: float = 1.0                # the fit decision, for the report

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paras)


EMPTY = TextBlock(())


def block(*texts: str, size_pt: float | None = None) -> TextBlock:
    """A block of plain one-run paragraphs (titles, captions, labels)."""
    return TextBlock(tuple(Para((Run(t),), size_pt=size_pt, bullet=False) for t in texts if t))


def block_text(block: TextBlock | None) -> str:
    return block.text if block else ""


@record(slots=True)
class Picture:
    """A planned picture: a checked file (or none, for a placeholder), its caption and alt text."""

    path: str | None                  # absolute, checked path; None leaves an empty placeholder
    caption: TextBlock
    alt: str


#: Which theme font shows a text: the heading font, the body font, or the monospace font.
FontRole = Literal["major", "minor", "mono"]


class Content(Protocol):
    """What a slide of some kind holds, as its kind's module defines it."""

    def texts(self) -> Iterator[tuple[str, FontRole]]:
        """(text, font role) for every text the slide shows: the glyph check reads these."""
        ...


@record
class PlannedSlide:
    """One slide as planned: its kind, numbered title, content, notes and where it came from."""

    kind: str                         # a registered kind's name (slidegen.kinds)
    title: str
    content: Content
    notes: str = ""
    number: int = 0                   # 1-based position in the deck
    title_size_pt: float | None = None
    footers: bool = True
    continuation_of: int | None = None   # number of the slide this one continues
    font_scale: float = 1.0
    source: DataPath = ()             # where in the outline this slide comes from
    location: SourceLocation | None = None   # the same, as file:line:col


@record
class DeckInfo:
    """The deck-wide facts the writer needs: metadata, language, footer and field settings."""

    title: str
    subtitle: str | None
    language: str
    date: _dt.date | None
    date_text: str | None
    organisation: str | None
    author: str | None
    footer: str | None
    slide_numbers: bool
    show_date: bool


@record
class PlannedDeck:
    """Every slide decided, with the warnings and translation coverage of planning."""

    info: DeckInfo
    slides: tuple[PlannedSlide, ...]
    warnings: tuple[Diagnostic, ...] = field(default=())
    coverage: "Coverage | None" = None   # when built in another language than the default
