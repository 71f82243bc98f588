"""Measuring text as PowerPoint and LibreOffice lay it out: line breaks, line heights, box fit.

Pure arithmetic in points over the width tables of ``slidegen.fonts`` (no python-pptx, no I/O
beyond loading those tables), so the planner can decide before writing whether text fits a box,
how far to shrink it and where to cut it onto a continuation slide. Where lines break is
``linebreak``'s business; this module turns lines into heights and verdicts, and has a quick
path for the common one-line paragraph.
"""

from __future__ import annotations

import unicodedata

from ..fonts import metrics_for
from ..records import record, replace
from .linebreak import (BREAK, EPS, INEXACT_LINE_FACTOR, INEXACT_WIDTH_FACTOR, SINGLE_LINE, WIDTH_SAFETY, Span,
                        fill, graphemes, line_factor, trimmed_width, word_em)

__all__ = ["INEXACT_LINE_FACTOR", "INEXACT_WIDTH_FACTOR", "WIDTH_SAFETY", "Box", "ParagraphLayout",
           "ParagraphSpec", "Span", "layout_paragraph", "line_height_pt", "min_line_spacing_for_diacritics",
           "scale_paragraph"]



@record
class ParagraphSpec:
    """A paragraph to measure: its styled spans, font, size and spacing."""

    spans: tuple[Span, ...]
    font: str                       # Office font name, e.g. "Arial"
    size_pt: float
    indent_pt: float = 0.0          # left margin of the text (marL): every line wraps inside it
    first_line_pt: float = 0.0      # PowerPoint's indent attr; negative = hanging bullet
    line_spacing: float = 1.0       # multiple of single spacing (spcPct / 100000)
    space_before_pt: float = 0.0
    space_after_pt: float = 0.0


@record
class Box:
    """The space text is laid out in, with its insets, in points."""

    width_pt: float
    height_pt: float
    inset_left_pt: float = 7.2
    inset_right_pt: float = 7.2
    inset_top_pt: float = 3.6
    inset_bottom_pt: float = 3.6

    @property
    def inner_width_pt(self) -> float:
        return self.width_pt - self.inset_left_pt - self.inset_right_pt


@record
class ParagraphLayout:
    """How a paragraph breaks into lines in a box, and the height it takes."""

    lines: tuple[str, ...]          # text of each line (each span NFC-normalised) with its trailing
                                    # spaces and forced break: "".join(lines) is the paragraph
    line_widths_pt: tuple[float, ...]   # without trailing spaces
    height_pt: float                # sum of line heights + space before/after
    max_width_pt: float = 0.0       # room each line after the first had
    first_max_width_pt: float = 0.0 # room the first line had
    line_heights_pt: tuple[float, ...] = ()


def line_height_pt(font: str, size_pt: float, line_spacing: float = 1.0, bold: bool = False,
                   italic: bool = False) -> float:
    return size_pt * line_spacing * line_factor(font, bold, italic)


def min_line_spacing_for_diacritics(font: str) -> float:
    """The smallest spacing multiple at which a line (size × multiple × 1.2) is as tall as the
    stacked Vietnamese diacritics reach (top of Ẫ to bottom of Ỵ), worst style of the family."""
    extents = []
    for bold in (False, True):
        for italic in (False, True):
            m = metrics_for(font, bold, italic)
            extents.append((m.diacritic_top + m.diacritic_bottom) / m.units_per_em)
    return max(extents) / SINGLE_LINE


def _one_line(p: ParagraphSpec, first_room: float, room: float) -> ParagraphLayout | None:
    """The layout of a paragraph that fits on one line, computed from cached word widths; None
    when it may not fit or needs the full line breaker. Most bullets are one line, and breaking
    them grapheme by grapheme was the bulk of planning time in large decks."""
    if not p.spans or any(not s.text for s in p.spans):
        return None
    full = 0.0
    trailing = 0.0                  # width of the spaces at the end of the text so far
    tallest = 0.0
    for span in p.spans:
        if not unicodedata.is_normalized("NFC", span.text):
            return None
        face = span.font or p.font
        space = word_em(face, span.bold, span.italic, " ")
        if space is None:
            return None
        for n, word in enumerate(span.text.split(" ")):
            if n:
                full += space
                trailing += space
            if word:
                width = word_em(face, span.bold, span.italic, word)
                if width is None:
                    return None
                full += width
                trailing = 0.0
        tallest = max(tallest, line_factor(face, span.bold, span.italic))
    width = (full - trailing) * p.size_pt
    if width > min(first_room, room) + EPS:
        return None
    height = p.size_pt * p.line_spacing * tallest
    return ParagraphLayout(lines=("".join(s.text for s in p.spans),), line_widths_pt=(width,),
                           height_pt=p.space_before_pt + height + p.space_after_pt, max_width_pt=room,
                           first_max_width_pt=first_room, line_heights_pt=(height,))


def layout_paragraph(p: ParagraphSpec, width_pt: float) -> ParagraphLayout:
    """Break ``p`` into lines for a box whose inner width (insets removed) is ``width_pt``."""
    room = width_pt - p.indent_pt
    # A positive first-line indent narrows the first line; a negative one (hanging bullet) gives
    # the text no extra room, because the bullet occupies the hanging part.
    first_room = room - max(p.first_line_pt, 0.0)
    quick = _one_line(p, first_room, room)
    if quick is not None:
        return quick
    gs, tallest = graphemes(p.spans, p.font)
    lines = fill(gs, p.size_pt, first_room, room)
    unit = p.size_pt * p.line_spacing
    # A line is as tall as its tallest style; an empty line as the paragraph's tallest.
    heights = tuple(unit * max((g[2] for g in line if g[3] != BREAK), default=tallest) for line in lines)
    return ParagraphLayout(
        lines=tuple("".join(g[0] for g in line) for line in lines),
        line_widths_pt=tuple(trimmed_width(line) * p.size_pt for line in lines),
        height_pt=p.space_before_pt + sum(heights) + p.space_after_pt,
        max_width_pt=room, first_max_width_pt=first_room, line_heights_pt=heights)


def scale_paragraph(p: ParagraphSpec, scale: float, min_size_pt: float) -> ParagraphSpec:
    """``p`` shrunk by ``scale``: font size and paragraph spacing; never below ``min_size_pt``
    (nor above the original size, if that was already smaller). Indents do not scale, as in
    PowerPoint's shrink-on-overflow."""
    size = max(p.size_pt * scale, min(min_size_pt, p.size_pt))
    return replace(p, size_pt=size, space_before_pt=p.space_before_pt * scale,
                   space_after_pt=p.space_after_pt * scale)
