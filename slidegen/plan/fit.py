"""The fit pass: every text gets a decided size, and what does not fit continues on "(tiếp)" slides.

Each kind knows its boxes (from the theme's layout geometry) and what may split: bullets between
paragraphs, tables between rows (repeating the header), timelines, figures and photos between
entries. Titles shrink but never split. Nothing leaves this pass that the measurement says
overflows, except a title that cannot fit even at its minimum size, which is reported.
"""

from __future__ import annotations

import dataclasses

from ..theme.grid import PHOTO_COUNTS, layout_count, photo_cells
from ..theme.model import LayoutGeometry, Theme
from .context import PlanContext
from .fit_table import fit_table
from .fit_text import (TextStyle, best_scale, body_style, box_pt, fit_block, plain_style,
                       scaled)
from .types import Kind, Para, PlannedSlide, TextBlock


def fit_slides(ctx: PlanContext, slides: list[PlannedSlide]) -> list[list[PlannedSlide]]:
    """Each authored slide as one or more fitted slides (the later ones continue the first)."""
    groups: list[list[PlannedSlide]] = []
    for slide in slides:
        pieces = _fit_content(ctx, slide)
        group = []
        for n, piece in enumerate(pieces):
            if n:
                piece = dataclasses.replace(piece, title=f"{slide.title} {ctx.strings.continued}")
            group.append(_fit_title(ctx, piece))
        groups.append(group)
    return groups


def geometry(theme: Theme, slide: PlannedSlide) -> LayoutGeometry:
    if slide.kind is Kind.COLUMNS and (slide.content.left_heading or slide.content.right_heading):
        return theme.layouts.comparison
    return getattr(theme.layouts, slide.kind.value)


def _fit_title(ctx: PlanContext, slide: PlannedSlide) -> PlannedSlide:
    theme = ctx.theme
    layout = geometry(theme, slide)
    if layout.title is None:
        return slide
    style = layout.title_style or theme.title
    para = Para(ctx.runs(slide.title, slide.source), size_pt=style.size, bullet=False)
    text_style = plain_style(theme, major=True, bold=style.bold)
    floor = min(1.0, theme.fit.min_title_size / style.size)
    scale = best_scale([para], text_style, box_pt(theme, layout.title), floor, theme.fit.min_title_size)
    if scale is None:
        ctx.warn(f"title '{slide.title}' does not fit its box even at {theme.fit.min_title_size:g} pt; "
                 "shorten it", slide.source)
        scale = floor
    return dataclasses.replace(slide, title_size_pt=round(max(style.size * scale, theme.fit.min_title_size), 2))


def _fit_content(ctx: PlanContext, slide: PlannedSlide) -> list[PlannedSlide]:
    theme = ctx.theme
    layout = geometry(theme, slide)
    c = slide.content
    kind = slide.kind
    if kind in (Kind.BULLETS, Kind.AGENDA) and layout.body:
        blocks = fit_block(_body_paras(theme, c.body), body_style(theme), box_pt(theme, layout.body),
                           theme.fit.floor, theme.fit.min_body_size)
        return [_with(slide, block.scale, body=block) for block in blocks]
    if kind is Kind.COLUMNS:
        return _fit_columns(ctx, slide, layout)
    if kind is Kind.TABLE and c.table is not None:
        box = layout.content or theme.layouts.bullets.body
        tables = fit_table(c.table, theme, box_pt(theme, box), ctx, slide.source)
        return [_with(slide, t.size_pt / c.table.size_pt if c.table.size_pt else 1.0, table=t) for t in tables]
    if kind in (Kind.TIMELINE, Kind.FIGURES, Kind.PHOTOS):
        return _fit_entries(ctx, slide)
    fitted = _fit_single_boxes(ctx, slide, layout)
    return [fitted]


def _with(slide: PlannedSlide, scale: float, **content) -> PlannedSlide:
    return dataclasses.replace(slide, content=dataclasses.replace(slide.content, **content),
                               font_scale=round(scale, 3))


def _body_paras(theme: Theme, block: TextBlock | None) -> list[Para]:
    """Body paragraphs with the theme's size and spacing for their level written in."""
    if block is None:
        return []
    return [dataclasses.replace(p, size_pt=p.size_pt or theme.body.sizes[p.level],
                                space_before_pt=theme.body.space_before[p.level]) for p in block.paras]


def _fit_columns(ctx: PlanContext, slide: PlannedSlide, layout: LayoutGeometry) -> list[PlannedSlide]:
    theme = ctx.theme
    c = slide.content
    left = fit_block(_body_paras(theme, c.left), body_style(theme), box_pt(theme, layout.left),
                     theme.fit.floor, theme.fit.min_body_size)
    right = fit_block(_body_paras(theme, c.right), body_style(theme), box_pt(theme, layout.right),
                      theme.fit.floor, theme.fit.min_body_size)
    headings = {}
    for role in ("left_heading", "right_heading"):
        block = getattr(c, role)
        box = getattr(layout, role)
        if block is not None and box is not None:
            headings[role] = _fit_line(ctx, block, theme.sizes.heading, box, slide, bold=True)
    pages = max(len(left), len(right))
    out = []
    for n in range(pages):
        l_block = left[n] if n < len(left) else TextBlock(())
        r_block = right[n] if n < len(right) else TextBlock(())
        scale = min(l_block.scale, r_block.scale)
        out.append(_with(slide, scale, left=l_block, right=r_block, **headings))
    return out


def _fit_line(ctx: PlanContext, block: TextBlock, size: float, box, slide: PlannedSlide,
              bold: bool = False, major: bool = False) -> TextBlock:
    """A block that must stay in one box (subtitle, caption, quote): shrink, warn if it cannot."""
    theme = ctx.theme
    paras = [dataclasses.replace(p, size_pt=size) for p in block.paras]
    style = plain_style(theme, bold=bold, major=major)
    floor = theme.fit.floor
    min_size = min(size * floor, theme.fit.min_body_size)  # small roles (captions) may shrink too
    scale = best_scale(paras, style, box_pt(theme, box), floor, min_size)
    if scale is None:
        ctx.warn(f"text '{block.text[:40]}' does not fit its box on slide '{slide.title}' even at "
                 f"{floor:.0%}; shorten it", slide.source)
        scale = floor
    return scaled(paras, scale, min_size)


def _fit_single_boxes(ctx: PlanContext, slide: PlannedSlide, layout: LayoutGeometry) -> PlannedSlide:
    theme = ctx.theme
    c = slide.content
    sizes = theme.sizes
    roles = {
        Kind.TITLE: {"subtitle": sizes.subtitle, "meta": sizes.meta},
        Kind.CLOSING: {"subtitle": sizes.subtitle},
        Kind.SECTION: {"subtitle": sizes.section_label},
        Kind.QUOTE: {"body": sizes.quote, "meta": sizes.attribution},
        Kind.IMAGE: {},
    }.get(slide.kind, {})
    updates = {}
    if c.meta is not None and layout.meta is None and layout.subtitle is not None and slide.kind is Kind.TITLE:
        # A template without a place for organisation and date: they follow the subtitle.
        subtitle = TextBlock((c.subtitle.paras if c.subtitle else ()) + c.meta.paras)
        updates["subtitle"] = _fit_line(ctx, subtitle, sizes.meta, layout.subtitle, slide)
        updates["meta"] = None
        roles = {k: v for k, v in roles.items() if k not in ("subtitle", "meta")}
    for role, size in roles.items():
        block = getattr(c, role)
        box = getattr(layout, "body" if role == "body" else role, None)
        if block is not None and box is not None:
            updates[role] = _fit_line(ctx, block, size, box, slide)
    if slide.kind is Kind.IMAGE and c.pictures and layout.caption:
        picture = c.pictures[0]
        caption = _fit_line(ctx, picture.caption, sizes.caption, layout.caption, slide)
        updates["pictures"] = (dataclasses.replace(picture, caption=caption),)
    return dataclasses.replace(slide, content=dataclasses.replace(c, **updates))


def _fit_entries(ctx: PlanContext, slide: PlannedSlide) -> list[PlannedSlide]:
    """Timelines, figures and photos: at most the theme's count per slide, continuing after."""
    theme = ctx.theme
    c = slide.content
    if slide.kind is Kind.TIMELINE:
        field, per_slide = "events", theme.timeline.max_events
    elif slide.kind is Kind.FIGURES:
        field, per_slide = "figures", theme.figures.max_per_slide
    else:
        field, per_slide = "pictures", min(theme.max_photos, max(PHOTO_COUNTS))
    entries = getattr(c, field)
    chunks = [entries[i:i + per_slide] for i in range(0, len(entries), per_slide)] or [()]
    out = []
    for chunk in chunks:
        content = dataclasses.replace(c, **{field: tuple(chunk)})
        if slide.kind is Kind.PHOTOS:
            content = dataclasses.replace(content, pictures=tuple(
                dataclasses.replace(p, caption=_caption(ctx, p.caption, len(chunk), slide)) for p in chunk))
        piece = dataclasses.replace(slide, content=content)
        out.append(dataclasses.replace(piece, font_scale=_drawn_scale(ctx, piece)))
    return out


def _caption(ctx: PlanContext, caption: TextBlock, count: int, slide: PlannedSlide) -> TextBlock:
    theme = ctx.theme
    box = theme.layouts.photos.content or theme.layouts.bullets.body
    _, caption_box = photo_cells(box, layout_count(count))[0]
    return _fit_line(ctx, caption, theme.sizes.caption, caption_box, slide)


def _drawn_scale(ctx: PlanContext, slide: PlannedSlide) -> float:
    """One scale for all text of a timeline or figures slide, so every cell's text fits its cell."""
    theme = ctx.theme
    c = slide.content
    if slide.kind is Kind.TIMELINE and c.events:
        t = theme.timeline
        x, y, w, h = theme.layouts.timeline.content or theme.layouts.bullets.body
        cell_w = w / len(c.events) - t.gap
        below = h * (1 - t.line_position) - t.marker / 2 - t.gap
        checks = []
        for e in c.events:
            checks.append(([Para(ctx.runs(e.date, slide.source), size_pt=t.date_size, bullet=False)],
                           (0, 0, cell_w, t.date_height), True, theme.fonts.minor))
            paras = [Para(ctx.runs(e.title, slide.source), size_pt=t.title_size, bullet=False)]
            if e.detail:
                paras.append(Para(ctx.runs(e.detail, slide.source), size_pt=t.detail_size, bullet=False))
            checks.append((paras, (0, 0, cell_w, below), True, theme.fonts.minor))
    elif slide.kind is Kind.FIGURES and c.figures:
        f = theme.figures
        x, y, w, h = theme.layouts.figures.content or theme.layouts.bullets.body
        count = len(c.figures)
        card_w = (w - f.gap * (count - 1)) / count
        checks = []
        for fig in c.figures:
            # The big number is set in the heading font (+mj-lt), its label in the body font.
            checks.append(([Para(ctx.runs(fig.value, slide.source), size_pt=f.value_size, bullet=False)],
                           (0, 0, card_w, h * f.value_height), True, theme.fonts.major))
            checks.append(([Para(ctx.runs(fig.label, slide.source), size_pt=f.label_size, bullet=False)],
                           (0, 0, card_w, h * (1 - f.value_height)), False, theme.fonts.minor))
    else:
        return 1.0
    scale = 1.0
    for paras, box, bold, font in checks:
        style = TextStyle(font, False, 0.0, 0.0, theme.body.line_spacing, bold)
        found = best_scale(paras, style, box_pt(theme, box), 0.5, 8.0)
        if found is None:
            ctx.warn(f"text '{paras[0].text[:40]}' does not fit its cell on slide '{slide.title}'; "
                     "shorten it", slide.source)
            found = 0.5
        scale = min(scale, found)
    return round(scale, 3)


