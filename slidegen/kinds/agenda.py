"""The agenda ("Nội dung"): sections and their items, numbered as the deck numbers them.

Repeated before each section (``deck.agenda.repeat``), it highlights that section and lists only
its items. A long deck's repeated agenda shows a window of neighbouring sections with "…" for the
rest: listing every section before every section would grow with the square of the deck (500
sections, 250,000 agenda lines), while the full agenda at the start still lists them all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..plan.strings import roman
from ..plan.types import Emphasis, Para, PlannedSlide, Run, TextBlock
from .base import LayoutDef
from .bullets import HOLDS_BODY, BodyContent, BodyKind, body_placeholders, match_body

if TYPE_CHECKING:
    from ..model.outline import Outline, Section
    from ..plan.context import PlanContext


#: Sections a repeated agenda lists around the current one; more are elided with "…".
REPEAT_WINDOW = 7


def section_title(ctx: "PlanContext", section: "Section", index: int) -> str:
    return f"{roman(index + 1)}. {ctx.text(section.title, ('sections', index, 'title'))}"


class AgendaKind(BodyKind):
    name = "agenda"
    layouts = (LayoutDef("agenda", "Agenda", "obj", "agenda", body_placeholders, match_body, fallbacks=("bullets",),
                         holds=(HOLDS_BODY,)),)

    def planned(self, ctx: "PlanContext", outline: "Outline", current: int | None) -> PlannedSlide:
        """Before section ``current`` that section is highlighted and only its items listed."""
        deck = outline.deck
        paras: list[Para] = []
        shown = _window(len(outline.sections), current)
        if shown.start > 0:
            paras.append(_elided())
        for s in shown:
            section = outline.sections[s]
            emphasis = Emphasis.NONE if current is None else (Emphasis.STRONG if s == current else Emphasis.MUTED)
            paras.append(Para((Run(section_title(ctx, section, s), bold=True),), level=0, bullet=False,
                              emphasis=emphasis))
            if deck.agenda.items and (current is None or s == current):
                for i, item in enumerate(section.items):
                    text = ctx.text(item.title, ("sections", s, "items", i, "title"))
                    paras.append(Para((Run(f"{i + 1}. {text}"),), level=1, bullet=False, emphasis=emphasis))
        if shown.stop < len(outline.sections):
            paras.append(_elided())
        title = deck.agenda.title or ctx.strings.agenda
        notes = "" if current is None else section_title(ctx, outline.sections[current], current)
        return PlannedSlide(self.name, ctx.text(title, ("deck", "agenda", "title")),
                            BodyContent(TextBlock(tuple(paras))), notes=notes, source=("deck", "agenda"))



def _window(count: int, current: int | None) -> range:
    """All sections for the full agenda; REPEAT_WINDOW of them, centred on ``current``, otherwise."""
    if current is None or count <= REPEAT_WINDOW:
        return range(count)
    start = min(max(0, current - REPEAT_WINDOW // 2), count - REPEAT_WINDOW)
    return range(start, start + REPEAT_WINDOW)


def _elided() -> Para:
    return Para((Run("…"),), level=0, bullet=False, emphasis=Emphasis.MUTED)


KIND = AgendaKind()
