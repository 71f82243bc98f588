"""The deck's structure: title, agenda, section dividers, numbered item slides, closing.

Numbering lives here and only here: sections get Roman numerals, items restart at 1 in each
section, and the agenda is generated from the same numbers so it can never disagree.
"""

from __future__ import annotations

from ..kinds import agenda, closing, kind_for_model, section, title
from ..kinds.bullets import BodyContent
from ..model.common import SlideFields
from ..model.outline import Item, Outline
from ..source import DataPath
from .context import PlanContext
from .types import PlannedSlide, TextBlock


def deck_sequence(ctx: PlanContext, outline: Outline) -> list[PlannedSlide]:
    deck = outline.deck
    slides = [title.KIND.planned(ctx, deck)]
    repeat = deck.agenda.enabled and deck.agenda.repeat
    if deck.agenda.enabled:
        slides.append(agenda.KIND.planned(ctx, outline, current=None))
    for s, part in enumerate(outline.sections):
        spath: DataPath = ("sections", s)
        if repeat and s > 0:
            slides.append(agenda.KIND.planned(ctx, outline, current=s))
        slides.append(section.KIND.planned(ctx, part, s, spath))
        for i, item in enumerate(part.items):
            slides.extend(_item_slides(ctx, item, i + 1, (*spath, "items", i)))
    if deck.closing.enabled:
        slides.append(closing.KIND.planned(ctx, deck))
    return slides


def _item_slides(ctx: PlanContext, item: Item, number: int, path: DataPath) -> list[PlannedSlide]:
    item_title = ctx.text(item.title, (*path, "title"))
    if not item.slides:
        prompt = item.todo or ""
        if not item.todo:
            ctx.warn(f"item '{item_title}' has no slides and no 'todo'; it gets an empty slide", path)
        notes = f"{ctx.strings.todo} {ctx.text(prompt, (*path, 'todo'))}".strip()
        return [PlannedSlide("bullets", f"{number}. {item_title}", BodyContent(TextBlock(())), notes=notes,
                             source=path)]
    if item.todo:
        ctx.warn("'todo' is for items without slides; it is ignored here", (*path, "todo"))
    slides = []
    for k, slide in enumerate(item.slides):
        spath = (*path, "slides", k)
        kind = kind_for_model(slide)
        content = kind.content(ctx, slide, spath)
        heading = ctx.text(slide.title, (*spath, "title")) if slide.title else item_title
        notes = "\n\n".join(n for n in (_notes(ctx, slide, spath), kind.notes(ctx, slide, content)) if n)
        slides.append(PlannedSlide(kind.name, f"{number}. {heading}", content, notes=notes, source=spath))
    return slides


def _notes(ctx: PlanContext, slide: SlideFields, path: DataPath) -> str:
    """Speaker notes: the author's notes, then the cited sources spelled out."""
    parts = []
    if slide.notes:
        parts.append(ctx.text(slide.notes, (*path, "notes")).strip())
    if slide.sources:
        lines = []
        for n, ref in enumerate(slide.sources):
            text = ctx.sources.get(str(ref))
            if text is None:
                ctx.warn(f"source [{ref}] is cited but not listed in deck.sources", (*path, "sources", n))
                lines.append(f"[{ref}]")
            else:
                lines.append(f"[{ref}] {text}")
        parts.append(f"{ctx.strings.sources}:\n" + "\n".join(lines))
    return "\n\n".join(parts)
