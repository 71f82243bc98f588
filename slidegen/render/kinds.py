"""Filling a new slide according to its kind: which content goes into which placeholder.

The layout's roles (from :mod:`.template.mapping`) say which placeholder holds what. A role the
layout lacks (a house template without a two-column layout, say) is drawn as a text box or
picture at the box the theme gave the planner, so what was measured is what is drawn.
"""

from __future__ import annotations

from pptx.util import Inches

from ..plan.types import Kind, PlannedSlide, TextBlock
from ..theme.model import Theme
from .drawn import draw_figures, draw_text_box, draw_timeline
from .placeholders import add_picture, remove_unused, set_picture, set_text
from .table import fill_table
from .template.mapping import LayoutChoice, TemplateMap
from .text import TextWriter


def layout_choice(slide: PlannedSlide, mapping: TemplateMap) -> LayoutChoice:
    """The template layout a planned slide uses."""
    if slide.kind is Kind.PHOTOS:
        return mapping.for_photos(len(slide.content.pictures))
    if slide.kind is Kind.COLUMNS and (slide.content.left_heading or slide.content.right_heading):
        return mapping.for_kind("comparison")
    return mapping.for_kind(slide.kind.value)


def fill_slide(slide, planned: PlannedSlide, writer: TextWriter, theme: Theme, choice: LayoutChoice) -> None:
    """Put the planned content into the slide (the title is set by the caller)."""
    c = planned.content
    kind = planned.kind
    roles = choice.roles
    geometry = getattr(theme.layouts, "comparison" if kind is Kind.COLUMNS and (c.left_heading or c.right_heading)
                       else "photos" if kind is Kind.PHOTOS else kind.value)
    used: set[int] = {roles["title"], *(roles[r] for r in ("date", "footer", "number") if r in roles)}

    def put(role: str, block: TextBlock | None, *, bullets: bool = False) -> None:
        if block is None:
            return
        if role in roles and set_text(slide, roles[role], writer, block, bullets=bullets):
            used.add(roles[role])
            return
        box = getattr(geometry, role, None)
        if box is not None and block.paras:
            draw_text_box(slide, writer, box, block, theme, bullets=bullets, name=role.replace("_", " ").title())

    if kind in (Kind.TITLE, Kind.CLOSING, Kind.SECTION):
        put("subtitle", c.subtitle)
        put("meta", c.meta)
    elif kind in (Kind.BULLETS, Kind.AGENDA):
        put("body", c.body or TextBlock(()), bullets=True)
    elif kind is Kind.COLUMNS:
        put("left_heading", c.left_heading)
        put("left", c.left, bullets=True)
        put("right_heading", c.right_heading)
        put("right", c.right, bullets=True)
    elif kind is Kind.TABLE:
        fill_table(slide, roles.get("table"), c.table, writer, theme, geometry.content)
        used.add(roles.get("table", -1))
    elif kind is Kind.IMAGE:
        picture = c.pictures[0]
        if "picture" in roles:
            set_picture(slide, roles["picture"], picture)
            used.add(roles["picture"])
        elif picture.path and geometry.picture:
            add_picture(slide, picture, tuple(int(Inches(v)) for v in geometry.picture))
        put("caption", picture.caption)
    elif kind is Kind.PHOTOS:
        for (picture_idx, caption_idx), picture in zip(choice.photo_slots or _single(roles), c.pictures):
            set_picture(slide, picture_idx, picture)
            used.add(picture_idx)
            if caption_idx is not None and set_text(slide, caption_idx, writer, picture.caption):
                used.add(caption_idx)
    elif kind is Kind.TIMELINE:
        draw_timeline(slide, c.events, writer, theme, planned.font_scale)
    elif kind is Kind.FIGURES:
        draw_figures(slide, c.figures, writer, theme, planned.font_scale)
    elif kind is Kind.QUOTE:
        put("body", c.body)
        put("meta", c.meta)
    remove_unused(slide, used)


def _single(roles: dict[str, int]) -> tuple[tuple[int, int | None], ...]:
    """The one picture slot of an image layout, used for photos when a template has no grids."""
    return ((roles["picture"], roles.get("caption")),) if "picture" in roles else ()
