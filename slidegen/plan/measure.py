"""Measuring text as PowerPoint and LibreOffice lay it out: line breaks, line heights, box fit.

Pure arithmetic in points over the width tables of ``slidegen.fonts`` (no python-pptx, no I/O
beyond loading those tables), so the planner can decide before writing whether text fits a box,
how far to shrink it and where to cut it onto a continuation slide.

Line breaking follows what both applications do for Latin and Vietnamese text:

* lines break after a run of spaces/tabs, and spaces at the end of a line take no room;
* a word may also break after "-", "–" or "/" when letters follow (not "COVID-19", not "//");
* a word wider than a whole line starts a new line and is broken between graphemes; a combining
  mark (NFD input) stays glued to its base letter and never starts a line;
* "\\n", "\\v" (python-pptx writes both as <a:br/>), "\\r\\n" and U+2028 force a line break;
* a tab is measured as four spaces.

Lines are greedy-filled like both renderers do. Where we cannot know the renderer's choice we
err towards more lines and taller lines, so "fits" means fits in PowerPoint *and* LibreOffice.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from ..fonts import metrics_for, resolve_font

#: Measured widths are multiplied by this. The tables give the exact advances PowerPoint and
#: LibreOffice use, but renderers round positions to device pixels, hint glyphs and (LibreOffice)
#: apply kerning differently; 2 % keeps each of them inside the box a line was measured for.
WIDTH_SAFETY = 1.02
#: Extra width factor for fonts with no metric-compatible table (Verdana, Tahoma, Segoe UI …),
#: which are measured as Liberation Sans: Verdana, the widest common one, runs ~15 % wider.
INEXACT_WIDTH_FACTOR = 1.15
#: PowerPoint's "single" line is 1.2 × the font size for most fonts.
SINGLE_LINE = 1.2
#: Smallest line factor for unknown fonts: Segoe UI's natural line height is 1.33 em.
INEXACT_LINE_FACTOR = 1.33
TAB_SPACES = 4
_EPS = 1e-9                         # float slack in break decisions
_FIT_EPS = 1e-6                     # float slack in the fits verdict
_FORCED = ("\n", "\v", "\r", "\u2028", "\u2029", "\r\n")
_BREAK_AFTER = ("-", "–", "/", "\u200b")
_NORMAL, _SPACE, _BREAK = 0, 1, 2   # grapheme kinds


@dataclass(frozen=True)
class Span:
    """A run of text in one style."""
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class ParagraphSpec:
    spans: tuple[Span, ...]
    font: str                       # Office font name, e.g. "Arial"
    size_pt: float
    indent_pt: float = 0.0          # left margin of the text (marL): every line wraps inside it
    first_line_pt: float = 0.0      # PowerPoint's indent attr; negative = hanging bullet
    line_spacing: float = 1.0       # multiple of single spacing (spcPct / 100000)
    space_before_pt: float = 0.0
    space_after_pt: float = 0.0


@dataclass(frozen=True)
class Box:
    width_pt: float
    height_pt: float
    inset_left_pt: float = 7.2
    inset_right_pt: float = 7.2
    inset_top_pt: float = 3.6
    inset_bottom_pt: float = 3.6

    @property
    def inner_width_pt(self) -> float:
        return self.width_pt - self.inset_left_pt - self.inset_right_pt


@dataclass(frozen=True)
class ParagraphLayout:
    lines: tuple[str, ...]          # text of each line (each span NFC-normalised) with its trailing
                                    # spaces and forced break: "".join(lines) is the paragraph
    line_widths_pt: tuple[float, ...]   # without trailing spaces
    height_pt: float                # sum of line heights + space before/after
    max_width_pt: float = 0.0       # room each line after the first had
    first_max_width_pt: float = 0.0 # room the first line had
    line_heights_pt: tuple[float, ...] = ()


@dataclass(frozen=True)
class BlockLayout:
    paragraphs: tuple[ParagraphLayout, ...]
    height_pt: float                # including top and bottom insets
    fits: bool


@lru_cache(maxsize=64)
def _line_factor(font: str, bold: bool, italic: bool) -> float:
    """Line height per point of font size at single spacing. PowerPoint uses 1.2 for most fonts
    but the font's own ascent+descent+gap when larger (Calibri: 1.22); LibreOffice uses the
    font's line height; stacked Vietnamese diacritics (Ẫ, Ộ) must never reach past a line."""
    m = metrics_for(font, bold, italic)
    upm = m.units_per_em
    floor = SINGLE_LINE if resolve_font(font)[1] else INEXACT_LINE_FACTOR
    return max(floor, (m.ascent + m.descent + m.line_gap) / upm, (m.diacritic_top + m.diacritic_bottom) / upm)


def line_height_pt(font: str, size_pt: float, line_spacing: float = 1.0, bold: bool = False,
                   italic: bool = False) -> float:
    return size_pt * line_spacing * _line_factor(font, bold, italic)


def min_line_spacing_for_diacritics(font: str) -> float:
    """The smallest spacing multiple at which a line (size × multiple × 1.2) is as tall as the
    stacked Vietnamese diacritics reach (top of Ẫ to bottom of Ỵ), worst style of the family."""
    extents = []
    for bold in (False, True):
        for italic in (False, True):
            m = metrics_for(font, bold, italic)
            extents.append((m.diacritic_top + m.diacritic_bottom) / m.units_per_em)
    return max(extents) / SINGLE_LINE


def _is_mark(ch: str) -> bool:
    """Characters drawn on the preceding letter: combining marks (NFD accents), enclosing marks,
    variation selectors, ZWJ. They never stand alone at the start of a line."""
    return bool(unicodedata.combining(ch)) or unicodedata.category(ch) in ("Mn", "Me") or ch == "\u200d"


# A grapheme: (text, advance in em incl. safety factors, line factor of its style, kind).
_G = tuple[str, float, float, int]


@lru_cache(maxsize=1024)
def _graphemes(spans: tuple[Span, ...], font: str) -> tuple[tuple[_G, ...], float]:
    """The paragraph as graphemes with size-independent widths (cached: shrinking re-lays the
    same paragraph at many sizes), and the tallest line factor of its styles."""
    exact = resolve_font(font)[1]
    out: list[_G] = []
    tallest = 0.0
    for span in spans:
        m = metrics_for(font, span.bold, span.italic)
        em = WIDTH_SAFETY * (1.0 if exact else INEXACT_WIDTH_FACTOR) / m.units_per_em
        factor = _line_factor(font, span.bold, span.italic)
        tallest = max(tallest, factor)
        for ch in unicodedata.normalize("NFC", span.text):
            prev = out[-1] if out else None
            if ch == "\n" and prev is not None and prev[0] == "\r":
                out[-1] = ("\r\n", 0.0, prev[2], _BREAK)
            elif ch in _FORCED:
                out.append((ch, 0.0, factor, _BREAK))
            elif ch == "\t":
                out.append((ch, TAB_SPACES * m.advance(" ") * em, factor, _SPACE))
            elif ch == " ":
                out.append((ch, m.advance(ch) * em, factor, _SPACE))
            elif _is_mark(ch) and prev is not None and prev[3] != _BREAK:
                # Glued to its base (zero width); a mark on a space is visible ink, no break.
                out[-1] = (prev[0] + ch, prev[1], max(prev[2], factor), _NORMAL)
            elif _is_mark(ch) or unicodedata.category(ch) in ("Cc", "Cf"):
                out.append((ch, 0.0, factor, _NORMAL))  # invisible or nothing to attach to
            else:
                out.append((ch, m.advance(ch) * em, factor, _NORMAL))
    return tuple(out), tallest or _line_factor(font, False, False)


def _break_after(g: _G, prev: _G | None, nxt: _G) -> bool:
    """Whether a line may break between ``g`` and ``nxt`` (``nxt`` exists)."""
    if g[3] == _SPACE:
        return nxt[3] != _SPACE
    if g[0] not in _BREAK_AFTER or prev is None or prev[3] != _NORMAL or nxt[3] != _NORMAL:
        return False
    if nxt[0][0] in _BREAK_AFTER:
        return False  # "--", "://": no break inside a run of dashes or slashes
    return not (g[0] == "-" and nxt[0][0].isdigit())  # "COVID-19", "-5"


def _segments(gs: Sequence[_G]) -> list[list[_G]]:
    """Unbreakable chunks: a word with its trailing spaces, or a piece ending in a hyphen or
    slash; a forced break stands alone."""
    segments: list[list[_G]] = []
    current: list[_G] = []
    for i, g in enumerate(gs):
        if g[3] == _BREAK:
            if current:
                segments.append(current)
            segments.append([g])
            current = []
            continue
        current.append(g)
        if i + 1 < len(gs) and gs[i + 1][3] != _BREAK and _break_after(g, gs[i - 1] if i else None, gs[i + 1]):
            segments.append(current)
            current = []
    if current:
        segments.append(current)
    return segments


def _trimmed(chunk: Sequence[_G]) -> float:
    """Width in em of ``chunk`` without its trailing spaces / forced break."""
    end = len(chunk)
    while end and chunk[end - 1][3] != _NORMAL:
        end -= 1
    return sum(g[1] for g in chunk[:end])


def _fill(gs: Sequence[_G], size: float, first_room: float, room: float) -> list[list[_G]]:
    """Greedy line filling in points."""
    lines: list[list[_G]] = [[]]
    full = trimmed = 0.0            # width of the current line with / without trailing spaces

    def new_line() -> None:
        nonlocal full, trimmed
        lines.append([])
        full = trimmed = 0.0

    for seg in _segments(gs):
        if seg[0][3] == _BREAK:
            lines[-1].append(seg[0])
            new_line()
            continue
        seg_full, seg_trim = sum(g[1] for g in seg) * size, _trimmed(seg) * size
        inked = any(g[3] == _NORMAL for g in seg)
        after = full + seg_trim if inked else trimmed
        limit = first_room if len(lines) == 1 else room
        if after <= limit + _EPS or not inked:
            lines[-1].extend(seg)
            full, trimmed = full + seg_full, after
            continue
        if lines[-1]:
            new_line()
            if seg_trim <= room + _EPS:
                lines[-1].extend(seg)
                full, trimmed = seg_full, seg_trim
                continue
        # Wider than a whole line: break between graphemes (PowerPoint does the same).
        for g in seg:
            width = g[1] * size
            if g[3] == _NORMAL:
                limit = first_room if len(lines) == 1 else room
                if lines[-1] and full + width > limit + _EPS:
                    new_line()
                trimmed = full + width
            lines[-1].append(g)
            full += width
    return lines


@lru_cache(maxsize=1 << 15)
def _word_em(font: str, bold: bool, italic: bool, word: str) -> float | None:
    """A space-free word's width in em (with the same factors as :func:`_graphemes`), or None
    when it holds anything the quick path does not handle (breaks, tabs, marks, controls)."""
    m = metrics_for(font, bold, italic)
    em = WIDTH_SAFETY * (1.0 if resolve_font(font)[1] else INEXACT_WIDTH_FACTOR) / m.units_per_em
    total = 0
    for ch in word:
        if ch in _FORCED or ch == "\t" or _is_mark(ch) or unicodedata.category(ch) in ("Cc", "Cf"):
            return None
        total += m.advance(ch)
    return total * em


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
        space = _word_em(p.font, span.bold, span.italic, " ")
        for n, word in enumerate(span.text.split(" ")):
            if n:
                full += space
                trailing += space
            if word:
                width = _word_em(p.font, span.bold, span.italic, word)
                if width is None:
                    return None
                full += width
                trailing = 0.0
        tallest = max(tallest, _line_factor(p.font, span.bold, span.italic))
    width = (full - trailing) * p.size_pt
    if width > min(first_room, room) + _EPS:
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
    gs, tallest = _graphemes(p.spans, p.font)
    lines = _fill(gs, p.size_pt, first_room, room)
    unit = p.size_pt * p.line_spacing
    # A line is as tall as its tallest style; an empty line as the paragraph's tallest.
    heights = tuple(unit * max((g[2] for g in line if g[3] != _BREAK), default=tallest) for line in lines)
    return ParagraphLayout(
        lines=tuple("".join(g[0] for g in line) for line in lines),
        line_widths_pt=tuple(_trimmed(line) * p.size_pt for line in lines),
        height_pt=p.space_before_pt + sum(heights) + p.space_after_pt,
        max_width_pt=room, first_max_width_pt=first_room, line_heights_pt=heights)


def layout_block(paragraphs: Sequence[ParagraphSpec], box: Box) -> BlockLayout:
    """Lay out paragraphs top to bottom in ``box``; fits when the text (with insets) is no taller
    than the box and no line is wider than its room (only a single over-wide grapheme can be)."""
    laid = tuple(layout_paragraph(p, box.inner_width_pt) for p in paragraphs)
    height = box.inset_top_pt + box.inset_bottom_pt + sum(p.height_pt for p in laid)
    narrow = all(w <= (p.first_max_width_pt if i == 0 else p.max_width_pt) + _FIT_EPS
                 for p in laid for i, w in enumerate(p.line_widths_pt))
    return BlockLayout(laid, height, narrow and height <= box.height_pt + _FIT_EPS)


def scale_paragraph(p: ParagraphSpec, scale: float, min_size_pt: float) -> ParagraphSpec:
    """``p`` shrunk by ``scale``: font size and paragraph spacing; never below ``min_size_pt``
    (nor above the original size, if that was already smaller). Indents do not scale, as in
    PowerPoint's shrink-on-overflow."""
    size = max(p.size_pt * scale, min(min_size_pt, p.size_pt))
    return replace(p, size_pt=size, space_before_pt=p.space_before_pt * scale,
                   space_after_pt=p.space_after_pt * scale)


def max_scale_that_fits(paragraphs: Sequence[ParagraphSpec], box: Box, floor: float, min_size_pt: float,
                        step: float = 0.025) -> float | None:
    """The largest scale in [floor, 1] at which the block fits, trying 1, 1-step, 1-2·step …
    and finally ``floor`` itself; None when even the floor does not fit. A linear scan, not a
    bisection: wrapping is not monotonic in size, and we want the largest fitting grid value."""
    candidates: list[float] = []
    i = 0
    while (scale := round(1.0 - i * step, 6)) > floor + _EPS:
        candidates.append(scale)
        i += 1
    candidates.append(round(floor, 6))
    for scale in candidates:
        if layout_block([scale_paragraph(p, scale, min_size_pt) for p in paragraphs], box).fits:
            return scale
    return None
