"""Filling a new slide according to its kind: which content goes into which placeholder."""

from __future__ import annotations

from ..plan.types import Kind, PlannedSlide
from ..theme.model import Theme
from .template import layouts as t
from .drawn import draw_figures, draw_timeline
from .placeholders import remove_unused, set_picture, set_text
from .table import fill_table
from .text import TextWriter


def layout_name(slide: PlannedSlide) -> str:
    """The template layout a planned slide uses."""
    if slide.kind is Kind.PHOTOS:
        count = len(slide.content.pictures)
        return t.PHOTO_LAYOUTS[min(n for n in t.PHOTO_LAYOUTS if n >= count)]
    if slide.kind is Kind.COLUMNS and (slide.content.left_heading or slide.content.right_heading):
        return t.LAYOUT_NAMES["comparison"]
    return t.LAYOUT_NAMES[slide.kind.value]


def fill_slide(slide, planned: PlannedSlide, writer: TextWriter, theme: Theme) -> None:
    """Put the planned content into the slide's placeholders (the title is set by the caller)."""
    c = planned.content
    kind = planned.kind
    used: set[int] = {0}
    if kind in (Kind.TITLE, Kind.CLOSING):
        if set_text(slide, t.IDX_SUBTITLE, writer, c.subtitle):
            used.add(t.IDX_SUBTITLE)
        if kind is Kind.TITLE and c.meta and set_text(slide, t.IDX_META, writer, c.meta):
            used.add(t.IDX_META)
    elif kind is Kind.SECTION:
        if set_text(slide, t.IDX_SUBTITLE, writer, c.subtitle):
            used.add(t.IDX_SUBTITLE)
    elif kind in (Kind.BULLETS, Kind.AGENDA):
        set_text(slide, t.IDX_BODY, writer, c.body, bullets=True)
        used.add(t.IDX_BODY)
    elif kind is Kind.COLUMNS:
        used |= _columns(slide, planned, writer)
    elif kind is Kind.TABLE:
        fill_table(slide, t.IDX_TABLE, c.table, writer, theme)
        used.add(t.IDX_TABLE)
    elif kind is Kind.IMAGE:
        picture = c.pictures[0]
        set_picture(slide, t.IDX_PICTURE, picture)
        set_text(slide, t.IDX_CAPTION, writer, picture.caption)
        used |= {t.IDX_PICTURE, t.IDX_CAPTION}
    elif kind is Kind.PHOTOS:
        for n, picture in enumerate(c.pictures, start=1):
            set_picture(slide, t.PHOTO_PIC_BASE + n, picture)
            set_text(slide, t.PHOTO_CAPTION_BASE + n, writer, picture.caption)
            used |= {t.PHOTO_PIC_BASE + n, t.PHOTO_CAPTION_BASE + n}
    elif kind is Kind.TIMELINE:
        draw_timeline(slide, c.events, writer, theme, planned.font_scale)
    elif kind is Kind.FIGURES:
        draw_figures(slide, c.figures, writer, theme, planned.font_scale)
    elif kind is Kind.QUOTE:
        set_text(slide, t.IDX_QUOTE, writer, c.body)
        used.add(t.IDX_QUOTE)
        if c.meta and set_text(slide, t.IDX_ATTRIBUTION, writer, c.meta):
            used.add(t.IDX_ATTRIBUTION)
    remove_unused(slide, used)


def _columns(slide, planned: PlannedSlide, writer: TextWriter) -> set[int]:
    c = planned.content
    if c.left_heading or c.right_heading:
        set_text(slide, t.IDX_CMP_LEFT_HEAD, writer, c.left_heading)
        set_text(slide, t.IDX_CMP_LEFT, writer, c.left, bullets=True)
        set_text(slide, t.IDX_CMP_RIGHT_HEAD, writer, c.right_heading)
        set_text(slide, t.IDX_CMP_RIGHT, writer, c.right, bullets=True)
        return {t.IDX_CMP_LEFT_HEAD, t.IDX_CMP_LEFT, t.IDX_CMP_RIGHT_HEAD, t.IDX_CMP_RIGHT}
    set_text(slide, t.IDX_LEFT, writer, c.left, bullets=True)
    set_text(slide, t.IDX_RIGHT, writer, c.right, bullets=True)
    return {t.IDX_LEFT, t.IDX_RIGHT}
