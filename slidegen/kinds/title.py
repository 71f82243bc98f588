"""The title slide: deck title, subtitle, organisation and date. Generated from ``deck:``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ..plan.fitting import fit_line, with_content
from ..plan.types import FontRole, PlannedSlide, TextBlock, block_text
from ..records import record
from ..scene import Element, Frame
from .base import Holds, LayoutDef, Parts, PlaceholderDef, Plain, SlideKind, TemplatePlaceholder, put

if TYPE_CHECKING:
    from ..model.outline import DeckMeta
    from ..plan.context import PlanContext
    from ..theme.model import LayoutGeometry, Theme

IDX_SUBTITLE, IDX_META = 1, 13


@record
class HeadingContent:
    """A big title's companions: a subtitle line, and smaller lines under it."""

    subtitle: TextBlock | None = None
    meta: TextBlock | None = None

    def texts(self) -> Iterator[tuple[str, FontRole]]:
        yield block_text(self.subtitle), "minor"
        yield block_text(self.meta), "minor"


def heading_placeholders(theme: "Theme", g: "LayoutGeometry") -> list[PlaceholderDef]:
    """Subtitle and a meta line under a centred title (title and closing slides)."""
    return [PlaceholderDef("Subtitle 2", "subTitle", IDX_SUBTITLE, g.subtitle, Plain(theme.sizes.subtitle), "t"),
            PlaceholderDef("Text 3", "body", IDX_META, g.meta, Plain(theme.sizes.meta), "t")]


def match_title(placeholders: Sequence[TemplatePlaceholder]) -> dict[str, TemplatePlaceholder] | None:
    parts = Parts.of(placeholders)
    if parts.title is None:
        return None
    subtitle = next((p for p in parts.text if p.type == "subTitle"), None) or (parts.bodies[0] if parts.bodies else None)
    if subtitle is None:
        return None
    roles = {"title": parts.title, "subtitle": subtitle}
    meta = [p for p in parts.bodies if p is not subtitle]
    if meta:
        roles["meta"] = meta[0]
    return roles


class HeadingKind(SlideKind):
    """A kind whose content is a subtitle and meta lines under its title (the title slide, a
    section divider, the closing slide)."""

    def subtitle_size(self, theme: "Theme") -> float:
        return theme.sizes.subtitle

    def fit(self, ctx: "PlanContext", slide: PlannedSlide) -> list[PlannedSlide]:
        c: Any = slide.content
        g = self.geometry(ctx.theme, slide)
        return [with_content(slide, fit_heading(ctx, slide, c, g, self.subtitle_size(ctx.theme)))]

    def compose(self, slide: PlannedSlide, frame: Frame) -> list[Element]:
        c: Any = slide.content
        return put(frame, "subtitle", c.subtitle) + put(frame, "meta", c.meta)


class TitleKind(HeadingKind):
    name = "title"
    # Without a layout holding a subtitle, the title slide is a title-only one with the subtitle
    # drawn under its title.
    layouts = (LayoutDef("title", "Title Slide", "title", "title", heading_placeholders, match_title, search="any",
                         localized=("title slide", "trang chiếu tiêu đề", "tiêu đề", "titelfolie",
                                    "diapositive de titre", "diapositiva de título", "titeldia", "rubrikbild",
                                    "титульный слайд", "标题幻灯片", "タイトル スライド"),
                         required=True, title_type="ctrTitle", fallbacks=("title_only",),
                         holds=(Holds("subtitle", 1, "short", bulleted=False),)),)

    def planned(self, ctx: "PlanContext", deck: "DeckMeta") -> PlannedSlide:
        meta = [(t, ("deck", key)) for key, t in (("organisation", deck.organisation),
                                                  ("date", ctx.strings.date(deck.date) if deck.date else None)) if t]
        content = HeadingContent(
            subtitle=ctx.line(deck.subtitle, ("deck", "subtitle")),
            meta=TextBlock(tuple(ctx.para(t, path, bullet=False) for t, path in meta)) if meta else None)
        return PlannedSlide(self.name, ctx.text(deck.title, ("deck", "title")), content, footers=False,
                            source=("deck",))

    def fit(self, ctx: "PlanContext", slide: PlannedSlide) -> list[PlannedSlide]:
        c: Any = slide.content
        g = self.geometry(ctx.theme, slide)
        sizes = ctx.theme.sizes
        if c.meta is not None and g.meta is None and g.subtitle is not None:
            # A template without a place for organisation and date: they follow the subtitle.
            joined = TextBlock((c.subtitle.paras if c.subtitle else ()) + c.meta.paras)
            return [with_content(slide, HeadingContent(fit_line(ctx, joined, sizes.meta, g.subtitle, slide), None))]
        return [with_content(slide, fit_heading(ctx, slide, c, g, sizes.subtitle, sizes.meta))]


def fit_heading(ctx: "PlanContext", slide: PlannedSlide, c: HeadingContent, g: "LayoutGeometry",
                subtitle_size: float, meta_size: float | None = None) -> HeadingContent:
    """Subtitle (and meta) shrunk to their boxes."""
    subtitle, meta = c.subtitle, c.meta
    if subtitle is not None and g.subtitle is not None:
        subtitle = fit_line(ctx, subtitle, subtitle_size, g.subtitle, slide)
    if meta is not None and g.meta is not None and meta_size is not None:
        meta = fit_line(ctx, meta, meta_size, g.meta, slide)
    return HeadingContent(subtitle, meta)


KIND = TitleKind()
