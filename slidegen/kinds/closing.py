"""The closing slide: a thank-you line and the organisation. Generated from ``deck.closing``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..plan.types import PlannedSlide
from .base import LayoutDef
from .title import HeadingContent, HeadingKind, heading_placeholders, match_title

if TYPE_CHECKING:
    from ..model.outline import DeckMeta
    from ..plan.context import PlanContext


class ClosingKind(HeadingKind):
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


KIND = ClosingKind()
