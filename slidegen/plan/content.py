"""Turning one authored slide into the content of a planned slide (before fitting)."""

from __future__ import annotations

from .. import model as m
from ..outline.yaml_tree import DataPath
from .assets import resolve_picture
from .context import PlanContext
from .types import (FigureContent, Kind, Para, Picture, Run, SlideContent, TableContent, TextBlock,
                    TimelineEvent)

MAX_LEVEL = 4   # PowerPoint's body styles define five levels (0–4)


def slide_content(ctx: PlanContext, slide: m.BaseModel, path: DataPath) -> tuple[Kind, SlideContent]:
    """The kind and content of an authored slide."""
    if isinstance(slide, m.BulletsSlide):
        return Kind.BULLETS, SlideContent(body=bullet_block(ctx, slide.bullets, path + ("bullets",)))
    if isinstance(slide, m.ColumnsSlide):
        return Kind.COLUMNS, _columns(ctx, slide, path + ("columns",))
    if isinstance(slide, m.TableSlide):
        return Kind.TABLE, SlideContent(table=_table(ctx, slide.table, path + ("table",)))
    if isinstance(slide, m.ImageSlide):
        return Kind.IMAGE, SlideContent(pictures=(_picture(ctx, slide.image, path + ("image",)),))
    if isinstance(slide, m.PhotosSlide):
        pictures = tuple(_picture(ctx, p, path + ("photos", i)) for i, p in enumerate(slide.photos))
        return Kind.PHOTOS, SlideContent(pictures=pictures)
    if isinstance(slide, m.TimelineSlide):
        events = tuple(TimelineEvent(ctx.text(e.date, path + ("timeline", i, "date")),
                                     ctx.text(e.title, path + ("timeline", i, "title")),
                                     ctx.text(e.detail, path + ("timeline", i, "detail")) if e.detail else None)
                       for i, e in enumerate(slide.timeline))
        return Kind.TIMELINE, SlideContent(events=events)
    if isinstance(slide, m.FiguresSlide):
        figures = tuple(FigureContent(ctx.text(f.value, path + ("figures", i, "value")),
                                      ctx.text(f.label, path + ("figures", i, "label")))
                        for i, f in enumerate(slide.figures))
        return Kind.FIGURES, SlideContent(figures=figures)
    if isinstance(slide, m.QuoteSlide):
        quote_path = path + ("quote",)
        return Kind.QUOTE, SlideContent(
            body=ctx.line(slide.quote.text, quote_path + ("text",)),
            meta=ctx.line(slide.quote.attribution, quote_path + ("attribution",)))
    raise TypeError(f"unplanned slide type {type(slide).__name__}")  # pragma: no cover


def bullet_block(ctx: PlanContext, bullets: list[m.BulletItem], path: DataPath, level: int = 0) -> TextBlock:
    paras: list[Para] = []
    _flatten(ctx, bullets, path, level, paras)
    return TextBlock(tuple(paras))


def _flatten(ctx: PlanContext, bullets: list[m.BulletItem], path: DataPath, level: int,
             out: list[Para]) -> None:
    if level > MAX_LEVEL:
        ctx.warn(f"bullets nested deeper than {MAX_LEVEL + 1} levels are shown at level {MAX_LEVEL + 1}",
                 path)
    shown = min(level, MAX_LEVEL)
    for i, bullet in enumerate(bullets):
        if isinstance(bullet, str):
            out.append(ctx.para(bullet, path + (i,), level=shown))
            continue
        out.append(ctx.para(bullet.text, path + (i, "text"), level=shown))
        _flatten(ctx, bullet.children, path + (i, "children"), level + 1, out)


def _columns(ctx: PlanContext, slide: m.ColumnsSlide, path: DataPath) -> SlideContent:
    left, right = slide.columns
    return SlideContent(
        left=bullet_block(ctx, left.bullets, path + (0, "bullets")),
        right=bullet_block(ctx, right.bullets, path + (1, "bullets")),
        left_heading=ctx.line(left.heading, path + (0, "heading")),
        right_heading=ctx.line(right.heading, path + (1, "heading")))


def _table(ctx: PlanContext, table: m.Table, path: DataPath) -> TableContent:
    columns = len(table.header)
    rows: list[tuple[tuple[Run, ...], ...]] = []
    for r, row in enumerate(table.rows):
        if len(row) > columns:
            from ..errors import OutlineError
            raise OutlineError(f"row {r + 1} has {len(row)} cells but the header has {columns}",
                               ctx.source_map.at(path + ("rows", r)))
        padded = list(row) + [""] * (columns - len(row))
        rows.append(tuple(ctx.runs(cell, path + ("rows", r, c)) for c, cell in enumerate(padded)))
    widths = table.widths or [1.0] * columns
    if len(widths) != columns or any(w <= 0 for w in widths):
        from ..errors import OutlineError
        raise OutlineError(f"'widths' needs {columns} positive numbers, one per column",
                           ctx.source_map.at(path + ("widths",)))
    total = float(sum(widths))
    header = tuple(ctx.runs(h, path + ("header", c)) for c, h in enumerate(table.header))
    return TableContent(header, tuple(rows), tuple(w / total for w in widths), ctx.theme.sizes.table)


def _picture(ctx: PlanContext, picture: m.Picture, path: DataPath) -> Picture:
    resolved = resolve_picture(ctx, picture.path, path + ("path",)) if picture.path else None
    caption = ctx.line(picture.caption, path + ("caption",)) or TextBlock(())
    alt = ctx.text(picture.alt or picture.caption or "", path + ("alt",))
    return Picture(resolved, caption, alt)
