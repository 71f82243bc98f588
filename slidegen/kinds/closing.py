"""The closing slide: a thank-you line and the organisation. Generated from ``deck.closing``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..plan.fitting import with_content
from ..plan.types import PlannedSlide
from ..scene import Element, Frame
from .base import LayoutDef, SlideKind, put
from .title import HeadingContent, fit_heading, heading_placeholders, match_title

if TYPE_CHECKING:
    from ..model.outline import DeckMeta
    from ..plan.context import PlanContext


class ClosingKind(SlideKind):
    name = "closing"
    layouts = (LayoutDef("closing", "Closing", "title", "closing", heading_placeholders, match_title,
                         fallbacks=("title",), title_type="ctrTitle"),)

    def planned(self, ctx: "PlanContext", deck: "DeckMeta") -> PlannedSlide:
        closing = deck.closing
        title = ctx.text(closing.title, ("deck", "closing", "title")) if closing.title else ctx.strings.closing
        subtitle = closing.subtitle or deck.organisation
        return PlannedSlide(self.name, title,
                            HeadingContent(subtitle=ctx.line(subtitle, ("deck", "closing", "subtitle"))),
                            footers=False, source=("deck", "closing"))

    def fit(self, ctx: "PlanContext", slide: PlannedSlide) -> list[PlannedSlide]:
        c: Any = slide.content
        g = self.geometry(ctx.theme, slide)
        return [with_content(slide, fit_heading(ctx, slide, c, g, ctx.theme.sizes.subtitle))]

    def compose(self, slide: PlannedSlide, frame: Frame) -> list[Element]:
        c: Any = slide.content
        return put(frame, "subtitle", c.subtitle) + put(frame, "meta", c.meta)


KIND = ClosingKind()
