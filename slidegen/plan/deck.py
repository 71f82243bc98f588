"""The planning passes in order: sequence → fit → numbering → glyph check."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..errors import Diagnostic, OutlineError
from ..model.common import Text
from ..model.outline import Outline
from ..records import replace
from ..source import Locator
from ..theme.model import Theme
from .context import Coverage, PlanContext
from .fit import fit_slides
from .glyphs import check_fonts, check_glyphs
from .sequence import deck_sequence
from .slide_limit import MAX_SLIDES, MAX_SLIDES_CEILING
from .strings import strings_for
from .types import DeckInfo, PlannedDeck, PlannedSlide


def plan_deck(outline: Outline, theme: Theme, locator: Locator, base_dir: Path, project_dir: Path,
              warnings: Sequence[Diagnostic] = (), language: str | None = None,
              max_slides: int = MAX_SLIDES) -> PlannedDeck:
    """Plan ``outline`` on ``theme`` in ``language`` (default: the outline's first). ``locator``
    places warnings; pictures resolve against ``base_dir`` and must lie inside ``project_dir``;
    ``warnings`` are the reader's. More than ``max_slides`` slides is an error, counted before
    text is fitted (so a huge outline costs no fitting) and after (continuations count)."""
    deck = outline.deck
    languages = deck.all_languages
    language = language or languages[0]
    if language not in languages:
        raise OutlineError(f"the deck is not written in {language}; its languages: {', '.join(languages)} "
                           "(add it to deck.languages)", locator.at(("deck", "languages" if deck.languages
                                                                     else "language")))
    strings = strings_for(language)
    ctx = PlanContext(theme, strings, locator, base_dir, project_dir, warnings=list(warnings), language=language,
                      default_language=languages[0],
                      coverage=Coverage(language) if language != languages[0] else None)
    ctx.sources = {str(k): ctx.text(v, ("deck", "sources", k)) for k, v in deck.sources.items()}
    check_fonts(ctx)
    sequence = deck_sequence(ctx, outline)
    _check_count(len(sequence), max_slides, locator)
    slides = fit_slides(ctx, sequence)
    _check_count(sum(len(group) for group in slides), max_slides, locator)
    numbered = tuple(replace(s, location=locator.at(s.source)) for s in _number(slides))
    check_glyphs(ctx, numbered)
    info = DeckInfo(
        title=ctx.text(deck.title, ("deck", "title")), subtitle=_optional(ctx, deck.subtitle, "subtitle"),
        language=language, date=deck.date, date_text=strings.date(deck.date) if deck.date else None,
        organisation=_optional(ctx, deck.organisation, "organisation"),
        author=_optional(ctx, deck.author, "author"),
        footer=ctx.text(deck.footer, ("deck", "footer")) if deck.footer else None,
        slide_numbers=deck.slide_numbers, show_date=deck.show_date)
    return PlannedDeck(info, numbered, tuple(ctx.warnings), ctx.coverage)


def _check_count(count: int, limit: int, locator: Locator) -> None:
    if count > limit:
        more = f"raise it with --max-slides (max_slides= from Python), up to {MAX_SLIDES_CEILING:,}" \
            if limit < MAX_SLIDES_CEILING else "split the outline into several decks"
        raise OutlineError(f"the deck would have {count:,} slides; the limit is {limit:,} ({more})", locator.at(()))


def _optional(ctx: PlanContext, value: Text | None, key: str) -> str | None:
    return ctx.text(value, ("deck", key)) if value else None


def _number(groups: list[list[PlannedSlide]]) -> tuple[PlannedSlide, ...]:
    """Slide numbers after splitting; each continuation points at the first slide of its group."""
    out: list[PlannedSlide] = []
    for group in groups:
        first = len(out) + 1
        for n, slide in enumerate(group):
            out.append(replace(slide, number=len(out) + 1, continuation_of=first if n else None))
    return tuple(out)
