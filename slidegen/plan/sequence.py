"""The deck's structure: title, agenda, section dividers, numbered item slides, closing.

Numbering lives here and only here: sections get Roman numerals, items restart at 1 in each
section, and the agenda is generated from the same numbers so it can never disagree.
"""

from __future__ import annotations

from .. import model as m
from .content import slide_content
from .context import PlanContext
from .strings import roman
from .types import Emphasis, Kind, Para, PlannedSlide, Run, SlideContent, TextBlock, block


def deck_sequence(ctx: PlanContext, outline: m.Outline) -> list[PlannedSlide]:
    deck = outline.deck
    slides = [_title_slide(ctx, deck)]
    agenda = deck.agenda
    if agenda.enabled:
        slides.append(_agenda_slide(ctx, outline, current=None))
    for s, section in enumerate(outline.sections):
        spath = ("sections", s)
        if agenda.enabled and agenda.repeat and s > 0:
            slides.append(_agenda_slide(ctx, outline, current=s))
        slides.append(_section_slide(ctx, section, s, spath))
        for i, item in enumerate(section.items):
            slides.extend(_item_slides(ctx, item, i + 1, spath + ("items", i)))
    if deck.closing.enabled:
        slides.append(_closing_slide(ctx, deck))
    return slides


def section_title(ctx: PlanContext, section: m.Section, index: int) -> str:
    return f"{roman(index + 1)}. {ctx.text(section.title, ('sections', index, 'title'))}"


def _title_slide(ctx: PlanContext, deck: m.DeckMeta) -> PlannedSlide:
    meta = [t for t in (deck.organisation, ctx.strings.date(deck.date) if deck.date else None) if t]
    content = SlideContent(subtitle=ctx.line(deck.subtitle, ("deck", "subtitle")),
                           meta=TextBlock(tuple(ctx.para(t, ("deck",), bullet=False) for t in meta))
                           if meta else None)
    return PlannedSlide(Kind.TITLE, ctx.text(deck.title, ("deck", "title")), content, footers=False,
                        source=("deck",))


def _agenda_slide(ctx: PlanContext, outline: m.Outline, current: int | None) -> PlannedSlide:
    """The "Nội dung" slide; before a section (``current``) that section is highlighted and only
    its items are listed, so the repeated agenda stays short."""
    deck = outline.deck
    paras: list[Para] = []
    for s, section in enumerate(outline.sections):
        emphasis = Emphasis.NONE if current is None else (
            Emphasis.STRONG if s == current else Emphasis.MUTED)
        paras.append(Para((Run(section_title(ctx, section, s), bold=True),), level=0, bullet=False,
                          emphasis=emphasis))
        if deck.agenda.items and (current is None or s == current):
            for i, item in enumerate(section.items):
                text = ctx.text(item.title, ("sections", s, "items", i, "title"))
                paras.append(Para((Run(f"{i + 1}. {text}"),), level=1, bullet=False, emphasis=emphasis))
    title = deck.agenda.title or ctx.strings.agenda
    notes = "" if current is None else section_title(ctx, outline.sections[current], current)
    return PlannedSlide(Kind.AGENDA, ctx.text(title, ("deck", "agenda", "title")),
                        SlideContent(body=TextBlock(tuple(paras))), notes=notes, source=("deck", "agenda"))


def _section_slide(ctx: PlanContext, section: m.Section, index: int, path) -> PlannedSlide:
    label = ctx.strings.section_label.format(roman=roman(index + 1))
    return PlannedSlide(Kind.SECTION, ctx.text(section.title, path + ("title",)),
                        SlideContent(subtitle=block(label)),
                        notes=ctx.text(section.notes or "", path + ("notes",)), source=path)


def _item_slides(ctx: PlanContext, item: m.Item, number: int, path) -> list[PlannedSlide]:
    item_title = ctx.text(item.title, path + ("title",))
    if not item.slides:
        prompt = item.todo or ""
        if not item.todo:
            ctx.warn(f"item '{item_title}' has no slides and no 'todo'; it gets an empty slide", path)
        notes = f"{ctx.strings.todo} {ctx.text(prompt, path + ('todo',))}".strip()
        return [PlannedSlide(Kind.BULLETS, f"{number}. {item_title}", SlideContent(body=TextBlock(())),
                             notes=notes, source=path)]
    if item.todo:
        ctx.warn("'todo' is for items without slides; it is ignored here", path + ("todo",))
    slides = []
    for k, slide in enumerate(item.slides):
        spath = path + ("slides", k)
        kind, content = slide_content(ctx, slide, spath)
        title = ctx.text(slide.title, spath + ("title",)) if slide.title else item_title
        slides.append(PlannedSlide(kind, f"{number}. {title}", content,
                                   notes=_notes(ctx, slide, spath), source=spath))
    return slides


def _notes(ctx: PlanContext, slide: m.BaseModel, path) -> str:
    """Speaker notes: the author's notes, then the cited sources spelled out."""
    parts = []
    if slide.notes:
        parts.append(ctx.text(slide.notes.strip(), path + ("notes",)))
    if slide.sources:
        known = ctx.sources
        lines = []
        for n, ref in enumerate(slide.sources):
            text = known.get(str(ref))
            if text is None:
                ctx.warn(f"source [{ref}] is cited but not listed in deck.sources", path + ("sources", n))
                lines.append(f"[{ref}]")
            else:
                lines.append(f"[{ref}] {text}")
        parts.append(f"{ctx.strings.sources}:\n" + "\n".join(lines))
    return "\n\n".join(parts)


def _closing_slide(ctx: PlanContext, deck: m.DeckMeta) -> PlannedSlide:
    closing = deck.closing
    title = ctx.text(closing.title, ("deck", "closing", "title")) if closing.title else ctx.strings.closing
    subtitle = closing.subtitle or deck.organisation
    return PlannedSlide(Kind.CLOSING, title,
                        SlideContent(subtitle=ctx.line(subtitle, ("deck", "closing", "subtitle"))),
                        footers=False, source=("deck", "closing"))
