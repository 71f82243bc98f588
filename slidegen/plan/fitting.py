"""Fitting helpers the slide kinds share: body paragraphs at their level's size, one-box lines.

The policy itself (shrink to the floor, then split) is in :mod:`.fit_text`; the pass that runs
every slide through its kind's fit is :mod:`.fit`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from ..records import replace
from ..theme.model import Box, Theme
from .context import PlanContext
from .fit_text import best_scale, body_style, box_pt, fit_block, plain_style, scaled
from .types import Content, Para, PlannedSlide, TextBlock

T = TypeVar("T")


def body_paras(theme: Theme, block: TextBlock | None) -> list[Para]:
    """Body paragraphs with the theme's size and spacing for their level written in."""
    if block is None:
        return []
    return [replace(p, size_pt=p.size_pt or theme.body.sizes[p.level],
                                space_before_pt=theme.body.space_before[p.level]) for p in block.paras]


def fit_body(ctx: PlanContext, block: TextBlock | None, box: Box | None) -> list[TextBlock]:
    """A bulleted body in ``box``: one block, shrunk if need be, or several to continue on."""
    if box is None:
        return [block or TextBlock(())]
    theme = ctx.theme
    return fit_block(body_paras(theme, block), body_style(theme), box_pt(theme, box), theme.fit.floor,
                     theme.fit.min_body_size)


def fit_line(ctx: PlanContext, block: TextBlock, size: float, box: Box, slide: PlannedSlide,
             bold: bool = False, major: bool = False) -> TextBlock:
    """A block that must stay in one box (subtitle, caption, quote): shrink, warn if it cannot."""
    theme = ctx.theme
    paras = [replace(p, size_pt=size) for p in block.paras]
    style = plain_style(theme, bold=bold, major=major)
    floor = theme.fit.floor
    min_size = min(size * floor, theme.fit.min_body_size)  # small roles (captions) may shrink too
    scale = best_scale(paras, style, box_pt(theme, box), floor, min_size)
    if scale is None:
        ctx.warn(f"text '{block.text[:40]}' does not fit its box on slide '{slide.title}' even at "
                 f"{floor:.0%}; shorten it", slide.source)
        scale = floor
    return scaled(paras, scale, min_size)


def with_content(slide: PlannedSlide, content: Content, scale: float | None = None) -> PlannedSlide:
    """``slide`` holding ``content``; ``scale`` (the fit decision) is recorded for the report."""
    if scale is None:
        return replace(slide, content=content)
    return replace(slide, content=content, font_scale=round(scale, 3))


def chunks(entries: Sequence[T], per_slide: int) -> list[tuple[T, ...]]:
    """Entries in slide-sized groups (at least one group, possibly empty)."""
    return [tuple(entries[i:i + per_slide]) for i in range(0, len(entries), per_slide)] or [()]
