"""The agenda ("Nội dung"): sections and their items, numbered as the deck numbers them.

Repeated before each section (``deck.agenda.repeat``), it highlights that section and lists only
its items, so it stays one slide however many sections the deck has.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..plan.fitting import fit_body, with_content
from ..plan.strings import roman
from ..plan.types import Emphasis, Para, PlannedSlide, Run, TextBlock
from ..scene import Element, Frame
from .base import LayoutDef, SlideKind, put
from .bullets import HOLDS_BODY, BodyContent, body_placeholders, match_body

if TYPE_CHECKING:
    from ..model.outline import Outline, Section
    from ..plan.context import PlanContext


def section_title(ctx: "PlanContext", section: "Section", index: int) -> str:
    return f"{roman(index + 1)}. {ctx.text(section.title, ('sections', index, 'title'))}"


class AgendaKind(SlideKind):
    name = "agenda"
    layouts = (LayoutDef("agenda", "Agenda", "obj", "agenda", body_placeholders, match_body, fallbacks=("bullets",),
                         holds=(HOLDS_BODY,)),)

    def planned(self, ctx: "PlanContext", outline: "Outline", current: int | None) -> PlannedSlide:
        """Before section ``current`` that section is highlighted and only its items listed."""
        deck = outline.deck
        paras: list[Para] = []
        for s, section in enumerate(outline.sections):
            emphasis = Emphasis.NONE if current is None else (Emphasis.STRONG if s == current else Emphasis.MUTED)
            paras.append(Para((Run(section_title(ctx, section, s), bold=True),), level=0, bullet=False,
                              emphasis=emphasis))
            if deck.agenda.items and (current is None or s == current):
                for i, item in enumerate(section.items):
                    text = ctx.text(item.title, ("sections", s, "items", i, "title"))
                    paras.append(Para((Run(f"{i + 1}. {text}"),), level=1, bullet=False, emphasis=emphasis))
        title = deck.agenda.title or ctx.strings.agenda
        notes = "" if current is None else section_title(ctx, outline.sections[current], current)
        return PlannedSlide(self.name, ctx.text(title, ("deck", "agenda", "title")),
                            BodyContent(TextBlock(tuple(paras))), notes=notes, source=("deck", "agenda"))

    def fit(self, ctx: "PlanContext", slide: PlannedSlide) -> list[PlannedSlide]:
        c: Any = slide.content
        blocks = fit_body(ctx, c.body, self.geometry(ctx.theme, slide).body)
        return [with_content(slide, BodyContent(b), b.scale) for b in blocks]

    def compose(self, slide: PlannedSlide, frame: Frame) -> list[Element]:
        c: Any = slide.content
        return put(frame, "body", c.body, bullets=True)


KIND = AgendaKind()
