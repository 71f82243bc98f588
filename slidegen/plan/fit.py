"""The fit pass: every text gets a decided size, and what does not fit continues on "(tiếp)" slides.

Each kind fits its own content (its module knows its boxes and what may split: bullets between
paragraphs, tables between rows repeating the header, timelines, figures and photos between
entries). Titles shrink but never split. Nothing leaves this pass that the measurement says
overflows, except a title that cannot fit even at its minimum size, which is reported.
"""

from __future__ import annotations

from ..kinds import kind_of
from ..records import replace
from .context import PlanContext
from .fit_text import best_scale, box_pt, plain_style
from .types import Para, PlannedSlide


def fit_slides(ctx: PlanContext, slides: list[PlannedSlide]) -> list[list[PlannedSlide]]:
    """Each authored slide as one or more fitted slides (the later ones continue the first)."""
    groups: list[list[PlannedSlide]] = []
    for slide in slides:
        pieces = kind_of(slide.kind).fit(ctx, slide)
        group = []
        for n, piece in enumerate(pieces):
            if n:
                piece = replace(piece, title=f"{slide.title} {ctx.strings.continued}")
            group.append(_fit_title(ctx, piece))
        groups.append(group)
    return groups


def _fit_title(ctx: PlanContext, slide: PlannedSlide) -> PlannedSlide:
    theme = ctx.theme
    layout = kind_of(slide.kind).geometry(theme, slide)
    if layout.title is None:
        return slide
    style = layout.title_style or theme.title
    runs = ctx.runs(slide.title, slide.source)
    if style.caps:   # drawn in capitals, which are wider: measure them
        runs = tuple(replace(r, text=r.text.upper()) for r in runs)
    para = Para(runs, size_pt=style.size, bullet=False)
    text_style = plain_style(theme, major=True, bold=style.bold)
    floor = min(1.0, theme.fit.min_title_size / style.size)
    scale = best_scale([para], text_style, box_pt(theme, layout.title), floor, theme.fit.min_title_size)
    if scale is None:
        ctx.warn(f"title '{slide.title}' does not fit its box even at {theme.fit.min_title_size:g} pt; "
                 "shorten it", slide.source)
        scale = floor
    # Never larger than the style's own size: a template's 18 pt titles stay 18 pt.
    least = min(theme.fit.min_title_size, style.size)
    return replace(slide, title_size_pt=round(max(style.size * scale, least), 2))
