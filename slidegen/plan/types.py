"""The planned deck: every slide decided — kind, numbered title, text with sizes, notes.

This is what the planner hands to the renderer. Everything here is final: the renderer places it
and never measures, numbers or splits.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from enum import Enum

from ..errors import Diagnostic, SourceLocation
from ..outline.yaml_tree import DataPath


class Kind(str, Enum):
    TITLE = "title"
    AGENDA = "agenda"
    SECTION = "section"
    BULLETS = "bullets"
    COLUMNS = "columns"
    TABLE = "table"
    IMAGE = "image"
    PHOTOS = "photos"
    TIMELINE = "timeline"
    FIGURES = "figures"
    QUOTE = "quote"
    CLOSING = "closing"


class Emphasis(str, Enum):
    NONE = "none"
    STRONG = "strong"   # bold, accent colour: the current section on a repeated agenda
    MUTED = "muted"     # dimmed: the other sections on a repeated agenda


@dataclass(frozen=True)
class Run:
    """Text with one style. A run whose text is exactly "\\n" is a line break."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None

    @property
    def is_break(self) -> bool:
        return self.text == "\n"


@dataclass(frozen=True)
class Para:
    runs: tuple[Run, ...]
    level: int = 0
    size_pt: float | None = None      # None: the placeholder's own size from the layout
    emphasis: Emphasis = Emphasis.NONE
    bullet: bool = True               # False: no bullet character (a heading-like line)
    space_before_pt: float | None = None   # None: the layout's spacing

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class TextBlock:
    paras: tuple[Para, ...]
    scale: float = 1.0                # the fit decision, for the report

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paras)


def block(*texts: str, size_pt: float | None = None) -> TextBlock:
    """A block of plain one-run paragraphs (titles, captions, labels)."""
    return TextBlock(tuple(Para((Run(t),), size_pt=size_pt, bullet=False) for t in texts if t))


@dataclass(frozen=True)
class Picture:
    path: str | None                  # absolute, checked path; None leaves an empty placeholder
    caption: TextBlock
    alt: str


@dataclass(frozen=True)
class TableContent:
    header: tuple[tuple[Run, ...], ...]
    rows: tuple[tuple[tuple[Run, ...], ...], ...]
    widths: tuple[float, ...]         # fractions of the table width, summing to 1
    size_pt: float
    row_heights: tuple[float, ...] = ()   # pt, header first; decided by the fit pass


@dataclass(frozen=True)
class TimelineEvent:
    date: str
    title: str
    detail: str | None


@dataclass(frozen=True)
class FigureContent:
    value: str
    label: str


@dataclass(frozen=True)
class SlideContent:
    """Text and objects by role; a kind uses the roles its layout has."""

    subtitle: TextBlock | None = None     # title/closing subtitle, section label
    meta: TextBlock | None = None         # title slide organisation and date, quote attribution
    body: TextBlock | None = None         # bullets, agenda, quote text
    left: TextBlock | None = None
    right: TextBlock | None = None
    left_heading: TextBlock | None = None
    right_heading: TextBlock | None = None
    table: TableContent | None = None
    pictures: tuple[Picture, ...] = ()
    events: tuple[TimelineEvent, ...] = ()
    figures: tuple[FigureContent, ...] = ()


@dataclass(frozen=True)
class PlannedSlide:
    kind: Kind
    title: str
    content: SlideContent
    notes: str = ""
    number: int = 0                   # 1-based position in the deck
    title_size_pt: float | None = None
    footers: bool = True
    continuation_of: int | None = None   # number of the slide this one continues
    font_scale: float = 1.0
    source: DataPath = ()             # where in the outline this slide comes from
    location: SourceLocation | None = None   # the same, as file:line:col


@dataclass(frozen=True)
class DeckInfo:
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


@dataclass(frozen=True)
class PlannedDeck:
    info: DeckInfo
    slides: tuple[PlannedSlide, ...]
    warnings: tuple[Diagnostic, ...] = field(default=())
