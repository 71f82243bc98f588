"""Measuring text as PowerPoint and LibreOffice lay it out: line breaks, line heights, box fit.

Pure arithmetic in points over the width tables of ``slidegen.fonts`` (no python-pptx here).

Line breaking follows what both applications do for Latin and Vietnamese text: lines break after
spaces, and after a hyphen, en dash or slash inside a word; a word wider than the whole line is
broken between characters (never between a letter and its combining marks); "\\n" is a forced
line break. Spaces at the end of a line take no room.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from ..fonts import metrics_for

#: Measured widths are multiplied by this: renderers differ slightly (hinting, rounding to device
#: pixels, PowerPoint's own layout); 2 % keeps every one of them inside the box.
WIDTH_SAFETY = 1.02
#: PowerPoint's "single" line spacing is 1.2 × the font size for most fonts.
SINGLE_LINE = 1.2
_BREAK_AFTER = "-–/"
_TAB_SPACES = 4


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class ParagraphSpec:
    spans: tuple[Span, ...]
    font: str
    size_pt: float
    indent_pt: float = 0.0          # left margin of the text (marL): every line wraps inside it
    first_line_pt: float = 0.0      # hanging bullet offset; the bullet sits in the margin
    line_spacing: float = 1.0       # multiple of single spacing
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
    lines: tuple[str, ...]
    line_widths_pt: tuple[float, ...]
    height_pt: float
    max_width_pt: float             # room each line had


@dataclass(frozen=True)
class BlockLayout:
    paragraphs: tuple[ParagraphLayout, ...]
    height_pt: float
    fits: bool


@lru_cache(maxsize=64)
def _line_factor(font: str, bold: bool, italic: bool) -> float:
    m = metrics_for(font, bold, italic)
    upm = m.units_per_em
    return max(SINGLE_LINE, (m.ascent + m.descent + m.line_gap) / upm,
               (m.diacritic_top + m.diacritic_bottom) / upm)


def line_height_pt(font: str, size_pt: float, line_spacing: float = 1.0, bold: bool = False,
                   italic: bool = False) -> float:
    return size_pt * line_spacing * _line_factor(font, bold, italic)


def min_line_spacing_for_diacritics(font: str) -> float:
    """The smallest spacing multiple at which stacked diacritics (Ẫ, Ộ) cannot be clipped."""
    m = metrics_for(font)
    return max(1.0, (m.diacritic_top + m.diacritic_bottom) / m.units_per_em / SINGLE_LINE)


def _chars(p: ParagraphSpec) -> list[tuple[str, float]]:
    """(character, width in pt) for the paragraph; combining marks are glued to their base."""
    out: list[tuple[str, float]] = []
    for span in p.spans:
        m = metrics_for(p.font, span.bold, span.italic)
        scale = p.size_pt / m.units_per_em * WIDTH_SAFETY
        for ch in unicodedata.normalize("NFC", span.text):
            if ch == "\t":
                out.extend((" ", m.advance(" ") * scale) for _ in range(_TAB_SPACES))
            elif ch == "\n":
                out.append(("\n", 0.0))
            elif unicodedata.combining(ch) and out and out[-1][0] != "\n":
                base, width = out[-1]
                out[-1] = (base + ch, width + m.advance(ch) * scale)
            else:
                out.append((ch, m.advance(ch) * scale))
    return out


def _segments(chars: list[tuple[str, float]]) -> list[list[tuple[str, float]]]:
    """Chunks that may not be broken inside (except when wider than a line): a word with its
    trailing spaces, or a piece ending in a hyphen; "\\n" stands alone."""
    segments: list[list[tuple[str, float]]] = []
    current: list[tuple[str, float]] = []
    for i, (ch, width) in enumerate(chars):
        if ch == "\n":
            if current:
                segments.append(current)
            segments.append([(ch, 0.0)])
            current = []
            continue
        current.append((ch, width))
        following = chars[i + 1][0] if i + 1 < len(chars) else ""
        if (ch == " " and following != " ") or (ch in _BREAK_AFTER and following not in (" ", "")):
            segments.append(current)
            current = []
    if current:
        segments.append(current)
    return segments


def _width(chunk: list[tuple[str, float]], trim: bool = True) -> float:
    end = len(chunk)
    if trim:
        while end and chunk[end - 1][0] == " ":
            end -= 1
    return sum(w for _, w in chunk[:end])


def layout_paragraph(p: ParagraphSpec, width_pt: float) -> ParagraphLayout:
    """Break ``p`` into lines for a box whose inner width is ``width_pt``."""
    room = max(width_pt - p.indent_pt, 1.0)
    lines: list[list[tuple[str, float]]] = [[]]
    for segment in _segments(_chars(p)):
        if segment[0][0] == "\n":
            lines.append([])
            continue
        line = lines[-1]
        if not line or _width(line + segment) <= room:
            if line or _width(segment) <= room:
                line.extend(segment)
                continue
        if line:
            lines.append([])
        # A segment wider than the line: break it between characters.
        for ch, width in segment:
            line = lines[-1]
            if line and _width(line + [(ch, width)]) > room and ch != " ":
                lines.append([(ch, width)])
            else:
                line.append((ch, width))
    texts = tuple("".join(c for c, _ in line) for line in lines)
    widths = tuple(_width(line) for line in lines)
    bold = any(s.bold for s in p.spans)
    height = len(lines) * line_height_pt(p.font, p.size_pt, p.line_spacing, bold)
    return ParagraphLayout(texts, widths, p.space_before_pt + height + p.space_after_pt, room)


def layout_block(paragraphs: Sequence[ParagraphSpec], box: Box) -> BlockLayout:
    inner = box.inner_width_pt
    laid = tuple(layout_paragraph(p, inner) for p in paragraphs)
    height = box.inset_top_pt + box.inset_bottom_pt + sum(p.height_pt for p in laid)
    wide_enough = all(w <= p.max_width_pt + 1e-6 for p in laid for w in p.line_widths_pt)
    return BlockLayout(laid, height, wide_enough and height <= box.height_pt + 1e-6)


def scale_paragraph(p: ParagraphSpec, scale: float, min_size_pt: float) -> ParagraphSpec:
    size = max(p.size_pt * scale, min(min_size_pt, p.size_pt))
    return replace(p, size_pt=size, space_before_pt=p.space_before_pt * scale,
                   space_after_pt=p.space_after_pt * scale)


def max_scale_that_fits(paragraphs: Sequence[ParagraphSpec], box: Box, floor: float, min_size_pt: float,
                        step: float = 0.025) -> float | None:
    """The largest scale in [floor, 1] (on a ``step`` grid) at which the block fits, else None."""
    scale = 1.0
    while scale >= floor - 1e-9:
        scaled = [scale_paragraph(p, scale, min_size_pt) for p in paragraphs]
        if layout_block(scaled, box).fits:
            return round(scale, 4)
        scale -= step
    return None
