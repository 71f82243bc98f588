"""Planning: from the typed outline to a deck whose every slide is decided.

Passes run in order, each pure: sequence (title, agenda, dividers, numbered items, closing) →
fit (measure, shrink, split into "(tiếp)" slides) → numbering of slides.
"""

from __future__ import annotations

import dataclasses

from ..outline import LoadedOutline
from ..theme.model import Theme
from ..project import project_root
from .context import PlanContext
from .fit import fit_slides
from .glyphs import check_fonts, check_glyphs
from .sequence import deck_sequence
from .strings import strings_for
from .types import DeckInfo, PlannedDeck, PlannedSlide


def plan_deck(loaded: LoadedOutline, theme: Theme) -> PlannedDeck:
    outline = loaded.outline
    deck = outline.deck
    strings = strings_for(deck.language)
    ctx = PlanContext(theme, strings, loaded.source_map, loaded.base_dir, project_root(loaded.base_dir),
                      sources={str(k): v for k, v in deck.sources.items()}, warnings=list(loaded.warnings))
    check_fonts(ctx)
    slides = fit_slides(ctx, deck_sequence(ctx, outline))
    numbered = tuple(dataclasses.replace(s, location=ctx.source_map.at(s.source)) for s in _number(slides))
    check_glyphs(ctx, numbered)
    info = DeckInfo(
        title=ctx.text(deck.title, ("deck", "title")), subtitle=_optional(ctx, deck.subtitle, "subtitle"),
        language=deck.language, date=deck.date, date_text=strings.date(deck.date) if deck.date else None,
        organisation=_optional(ctx, deck.organisation, "organisation"),
        author=_optional(ctx, deck.author, "author"),
        footer=ctx.text(deck.footer, ("deck", "footer")) if deck.footer else None,
        slide_numbers=deck.slide_numbers, show_date=deck.show_date)
    return PlannedDeck(info, numbered, tuple(ctx.warnings))


def _optional(ctx: PlanContext, value: str | None, key: str) -> str | None:
    return ctx.text(value, ("deck", key)) if value else None


def _number(groups: list[list[PlannedSlide]]) -> tuple[PlannedSlide, ...]:
    """Slide numbers after splitting; each continuation points at the first slide of its group."""
    out: list[PlannedSlide] = []
    for group in groups:
        first = len(out) + 1
        for n, slide in enumerate(group):
            out.append(dataclasses.replace(slide, number=len(out) + 1, continuation_of=first if n else None))
    return tuple(out)
