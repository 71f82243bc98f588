"""Fitting a block of paragraphs into a box: shrink within limits, else split on bullet boundaries.

The policy, in one place:

1. At full size the block fits: keep it.
2. It fits when scaled down to the theme's floor (e.g. 80 %, and never below the minimum body
   size): use the largest scale that fits.
3. Otherwise split into chunks that fit, breaking only between bullets and never between a
   parent bullet and its first child; each chunk then gets the largest scale that fits it.
4. A single paragraph taller than the box is cut between its measured lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..records import record, replace
from ..theme.model import Theme
from . import measure as ms
from .types import Para, Run, TextBlock

PT_PER_INCH = 72.0


def box_pt(theme: Theme, box: tuple[float, float, float, float]) -> ms.Box:
    """A theme box (inches) as a measurement box (points) with the theme's insets."""
    i = theme.insets
    return ms.Box(box[2] * PT_PER_INCH, box[3] * PT_PER_INCH, i.left * PT_PER_INCH, i.right * PT_PER_INCH,
                  i.top * PT_PER_INCH, i.bottom * PT_PER_INCH)


@record
class TextStyle:
    """How the paragraphs of one box are set: which font, and whether levels carry bullets."""

    font: str
    bulleted: bool
    indent_pt: float
    hanging_pt: float
    line_spacing: float
    bold: bool = False
    mono: str = "Courier New"          # inline code's face


def body_style(theme: Theme) -> TextStyle:
    return TextStyle(theme.fonts.minor, True, theme.body.indent * PT_PER_INCH,
                     theme.body.hanging * PT_PER_INCH, theme.body.line_spacing, mono=theme.fonts.mono)


def plain_style(theme: Theme, *, major: bool = False, bold: bool = False) -> TextStyle:
    return TextStyle(theme.fonts.major if major else theme.fonts.minor, False, 0.0, 0.0,
                     theme.body.line_spacing, bold, theme.fonts.mono)


def spec(para: Para, style: TextStyle, scale: float) -> ms.ParagraphSpec:
    bulleted = style.bulleted and para.bullet
    margin = para.level * style.indent_pt + (style.hanging_pt if bulleted else 0.0)
    spans = tuple(ms.Span(r.text, r.bold or style.bold, r.italic, style.mono if r.code else None)
                  for r in para.runs)
    return ms.ParagraphSpec(spans=spans or (ms.Span(""),), font=style.font, size_pt=(para.size_pt or 18) * scale,
                            indent_pt=margin, line_spacing=style.line_spacing,
                            space_before_pt=(para.space_before_pt or 0.0) * scale)


def specs(paras: Sequence[Para], style: TextStyle, scale: float = 1.0) -> list[ms.ParagraphSpec]:
    return [spec(p, style, scale) for p in paras]


@lru_cache(maxsize=1 << 16)
def _laid(paragraph: ms.ParagraphSpec, inner_width: float) -> tuple[float, bool]:
    """(height, every line within the width) of one paragraph. Cached: splitting and shrinking
    ask about the same paragraphs many times, and paragraphs are laid out independently."""
    layout = ms.layout_paragraph(paragraph, inner_width)
    return layout.height_pt, all(w <= layout.max_width_pt + 1e-6 for w in layout.line_widths_pt)


def fits_specs(paragraphs: Sequence[ms.ParagraphSpec], box: ms.Box) -> bool:
    room = box.height_pt - box.inset_top_pt - box.inset_bottom_pt + 1e-6
    used = 0.0
    for paragraph in paragraphs:
        height, narrow = _laid(paragraph, box.inner_width_pt)
        used += height
        if used > room or not narrow:
            return False
    return True


def fits(paras: Sequence[Para], style: TextStyle, box: ms.Box) -> bool:
    return fits_specs(specs(paras, style), box)


def best_scale(paras: Sequence[Para], style: TextStyle, box: ms.Box, floor: float, min_size: float,
               step: float = 0.025) -> float | None:
    """The largest scale in [floor, 1] (on a ``step`` grid) at which the paragraphs fit, no size
    going below ``min_size``; None when even the floor does not fit. Fitting only gets easier as
    text shrinks, so the grid is bisected rather than walked."""
    base = specs(paras, style)
    if not base or fits_specs(base, box):
        return 1.0

    def fits_at(scale: float) -> bool:
        return fits_specs([ms.scale_paragraph(p, scale, min_size) for p in base], box)

    steps = int(round((1.0 - floor) / step))
    if steps <= 0 or not fits_at(1.0 - steps * step):
        return None
    low, high = 0, steps              # fits at 1 - high*step; not at 1 - low*step
    while high - low > 1:
        middle = (low + high) // 2
        if fits_at(1.0 - middle * step):
            high = middle
        else:
            low = middle
    return round(1.0 - high * step, 4)


def scaled(block_paras: Sequence[Para], scale: float, min_size: float) -> TextBlock:
    """Paragraphs with their decided sizes written in (so every application shows the same),
    scaled exactly as :func:`measure.scale_paragraph` measured them."""
    if scale == 1.0:
        return TextBlock(tuple(block_paras), 1.0)
    out = []
    for p in block_paras:
        size = p.size_pt or 18
        out.append(replace(
            p, size_pt=round(max(size * scale, min(min_size, size)), 2),
            space_before_pt=None if p.space_before_pt is None else round(p.space_before_pt * scale, 2)))
    return TextBlock(tuple(out), scale)


def split_points(paras: Sequence[Para]) -> list[int]:
    """Indices before which a continuation may start: not before a parent's first child."""
    return [i for i in range(1, len(paras)) if paras[i].level <= paras[i - 1].level]


def fit_block(paras: Sequence[Para], style: TextStyle, box: ms.Box, floor: float,
              min_size: float) -> list[TextBlock]:
    """One block when it fits (possibly shrunk), else several chunks, each fitting its box."""
    scale = best_scale(paras, style, box, floor, min_size)
    if scale is not None:
        return [scaled(paras, scale, min_size)]
    units = _units(list(paras), set(split_points(paras)))
    room = box.height_pt - box.inset_top_pt - box.inset_bottom_pt
    inner = box.inner_width_pt
    # Paragraphs are laid out independently, so a chunk's height is the sum of its paragraphs'.
    heights = [sum(ms.layout_paragraph(spec(p, style, 1.0), inner).height_pt for p in unit) for unit in units]
    chunks = _pack(units, heights, room)
    # Spread the units evenly over the same number of slides (the smallest height cap that still
    # needs no more slides), so the last slide is not a stub.
    low, high = max(heights), room
    for _ in range(12):
        middle = (low + high) / 2
        if len(_pack(units, heights, middle)) <= len(chunks):
            high = middle
        else:
            low = middle
    chunks = _pack(units, heights, high)
    out: list[TextBlock] = []
    for chunk in chunks:
        if len(chunk) == 1 and not fits(chunk, style, box):
            out.extend(scaled([p], 1.0, min_size) for p in _cut_paragraph(chunk[0], style, box))
            continue
        chunk_scale = best_scale(chunk, style, box, floor, min_size) or floor
        out.append(scaled(chunk, chunk_scale, min_size))
    return out


def _pack(units: list[list[Para]], heights: list[float], cap: float) -> list[list[Para]]:
    """Greedy: as many units per chunk as fit under ``cap`` points; a unit taller than the cap is
    broken into its paragraphs (and, later, a paragraph taller than a slide into its lines)."""
    chunks: list[list[Para]] = []
    current: list[Para] = []
    used = 0.0
    for unit, height in zip(units, heights):
        if current and used + height > cap + 1e-6:
            chunks.append(current)
            current, used = [], 0.0
        if not current and height > cap + 1e-6 and len(unit) > 1:
            chunks.extend([p] for p in unit)
            continue
        current = current + unit
        used += height
    if current:
        chunks.append(current)
    return chunks


def _units(paras: list[Para], allowed: set[int]) -> list[list[Para]]:
    units: list[list[Para]] = []
    for i, para in enumerate(paras):
        if i == 0 or i in allowed:
            units.append([para])
        else:
            units[-1].append(para)
    return units


def _cut_paragraph(para: Para, style: TextStyle, box: ms.Box) -> list[Para]:
    """Split one paragraph's text at line breaks the measurement found, as many lines per piece as
    fit. Styling within the paragraph is flattened to its first run's (rare: a huge paragraph)."""
    layout = ms.layout_paragraph(spec(para, style, 1.0), box.width_pt - box.inset_left_pt - box.inset_right_pt)
    lines = list(layout.lines)
    first = para.runs[0] if para.runs else Run("")
    pieces: list[Para] = []
    current: list[str] = []
    for line in lines:
        candidate = current + [line]
        trial = replace(para, runs=(Run("".join(candidate), first.bold, first.italic, first.link),))
        if current and not fits([trial], style, box):
            pieces.append(replace(para, runs=(Run("".join(current), first.bold, first.italic, first.link),)))
            current = [line]
        else:
            current = candidate
    if current:
        pieces.append(replace(para, runs=(Run("".join(current), first.bold, first.italic, first.link),)))
    return pieces


def clear_cache() -> None:
    _laid.cache_clear()
