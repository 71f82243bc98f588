"""Timelines: dated events drawn as native shapes on an axis, continued after ``max_events``.

The geometry (axis, markers, date and event boxes) is computed once, in EMU, by
:func:`timeline_geometry`; the fit measures text in exactly the boxes the drawing uses.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from ..model.common import SlideFields, Text
from ..plan.fitting import chunks, with_content
from ..plan.types import FontRole, Para, PlannedSlide, Run, TextBlock
from ..records import record
from ..scene import EMU_PER_INCH, DrawnShape, DrawnText, Element, EmuBox, Frame, inches_to_emu
from ..source import DataPath
from ..validation import Meta, Model, model
from .base import LayoutDef, SlideKind, no_placeholders, title_only
from .drawing import CellText, drawn_scale

if TYPE_CHECKING:
    from ..plan.context import PlanContext
    from ..theme.model import Theme


@model
class Event(Model):
    """One dated event on a timeline."""

    noun: ClassVar[str] = "timeline event"

    date: Annotated[Text, Meta("When, as it should read on the slide.", "8–9/7/2020")]
    title: Annotated[Text, Meta("What happened.", "Cuộc họp đặc biệt (trực tuyến)")]
    detail: Annotated[Text | None, Meta("A short second line.", "Lần đầu AWGIPC họp trực tuyến")] = None


@model
class TimelineSlide(SlideFields):
    """Dated events drawn on an axis as native shapes."""

    kind: Annotated[Literal["timeline"], Meta("Slide kind; inferred from the content key.", "timeline")] = "timeline"
    timeline: Annotated[tuple[Event, ...], Meta("Dated events, in order.", [{"date": "2019", "title": "AWGIPC 60"}],
                                                min_length=1)]


@record
class TimelineEvent:
    """A planned event's date, title and detail."""

    date: str
    title: str
    detail: str | None


@record
class TimelineContent:
    """The planned events of one timeline slide."""

    events: tuple[TimelineEvent, ...]

    def texts(self) -> Iterator[tuple[str, FontRole]]:
        for e in self.events:
            yield f"{e.date}{e.title}{e.detail or ''}", "minor"


@record
class TimelineCell:
    """Where one event is drawn: its marker and its date and text boxes."""

    marker: EmuBox
    date: EmuBox
    event: EmuBox


def content_box(theme: "Theme") -> EmuBox:
    box = theme.layouts["timeline"].content or theme.layouts["bullets"].body
    assert box is not None
    return inches_to_emu(box)


def timeline_geometry(theme: "Theme", count: int) -> tuple[EmuBox, list[TimelineCell]]:
    """The axis and one cell per event inside the timeline layout's content box."""
    style = theme.timeline
    x, y, w, h = content_box(theme)
    line_y = y + int(h * style.line_position)
    weight, marker, gap = (int(v * EMU_PER_INCH) for v in (style.line_weight, style.marker, style.gap))
    # In a short box (a house template's free area) the events keep at least a third of it and
    # the dates what is left above the axis: every box stays inside the content box.
    line_y = min(line_y, y + h - max(h // 3, 1) - marker // 2 - gap)
    date_h = max(min(int(style.date_height * EMU_PER_INCH), line_y - marker // 2 - gap - y), 1)
    cell = w // max(count, 1)
    cells = []
    for i in range(count):
        left = x + cell * i
        centre = left + cell // 2
        top = line_y + marker // 2 + gap
        cells.append(TimelineCell(
            marker=(centre - marker // 2, line_y - marker // 2, marker, marker),
            date=(left + gap // 2, line_y - marker // 2 - gap - date_h, max(cell - gap, 1), date_h),
            event=(left + gap // 2, top, max(cell - gap, 1), max(y + h - top, 1))))
    return (x, line_y - weight // 2, w, weight), cells


def _date_para(event: TimelineEvent, size: float) -> Para:
    return Para((Run(event.date, bold=True),), size_pt=size, bullet=False)


def _event_paras(theme: "Theme", event: TimelineEvent, scale: float) -> tuple[Para, ...]:
    style = theme.timeline
    paras = [Para((Run(event.title, bold=True),), size_pt=round(style.title_size * scale, 1), bullet=False)]
    if event.detail:
        paras.append(Para((Run(event.detail),), size_pt=round(style.detail_size * scale, 1), bullet=False))
    return tuple(paras)


class TimelineKind(SlideKind):
    name = "timeline"
    model: ClassVar[type[SlideFields] | None] = TimelineSlide
    layouts = (LayoutDef("timeline", "Timeline", "titleOnly", "timeline", no_placeholders, title_only,
                         fallbacks=("title_only", "bullets")),)

    def content(self, ctx: "PlanContext", slide: Any, path: DataPath) -> TimelineContent:
        path = (*path, "timeline")
        return TimelineContent(tuple(
            TimelineEvent(ctx.text(e.date, (*path, i, "date")), ctx.text(e.title, (*path, i, "title")),
                          ctx.text(e.detail, (*path, i, "detail")) if e.detail else None)
            for i, e in enumerate(slide.timeline)))

    def fit(self, ctx: "PlanContext", slide: PlannedSlide) -> list[PlannedSlide]:
        theme = ctx.theme
        c: TimelineContent = slide.content  # type: ignore[assignment]
        out = []
        for chunk in chunks(c.events, theme.timeline.max_events):
            piece = with_content(slide, TimelineContent(chunk))
            out.append(with_content(piece, piece.content, self._scale(ctx, piece)))
        return out

    def _scale(self, ctx: "PlanContext", slide: PlannedSlide) -> float:
        theme = ctx.theme
        events: Sequence[TimelineEvent] = slide.content.events  # type: ignore[attr-defined]
        if not events:
            return 1.0
        _, cells = timeline_geometry(theme, len(events))
        texts = []
        font = theme.fonts.minor
        for event, cell in zip(events, cells):
            date = Para(ctx.runs(event.date, slide.source), size_pt=theme.timeline.date_size, bullet=False)
            texts.append(CellText([date], cell.date, True, font))
            paras = [Para(ctx.runs(event.title, slide.source), size_pt=theme.timeline.title_size, bullet=False)]
            if event.detail:
                paras.append(Para(ctx.runs(event.detail, slide.source), size_pt=theme.timeline.detail_size,
                                  bullet=False))
            texts.append(CellText(paras, cell.event, True, font))
        return drawn_scale(ctx, slide, texts)

    def compose(self, slide: PlannedSlide, frame: Frame) -> list[Element]:
        theme, scale = frame.theme, slide.font_scale
        events: Sequence[TimelineEvent] = slide.content.events  # type: ignore[attr-defined]
        axis, cells = timeline_geometry(theme, len(events))
        out: list[Element] = [DrawnShape(axis, "accent1", "Timeline Axis")]
        for i, (event, cell) in enumerate(zip(events, cells), start=1):
            out.append(DrawnShape(cell.marker, "accent2", f"Marker {i}", "ellipse"))
            date = TextBlock((_date_para(event, round(theme.timeline.date_size * scale, 1)),))
            out.append(DrawnText(cell.date, date, f"Date {i}", anchor="b", align="ctr", color=theme.accent))
            out.append(DrawnText(cell.event, TextBlock(_event_paras(theme, event, scale)), f"Event {i}",
                                 anchor="t", align="ctr", color="tx1"))
        return out


KIND = TimelineKind()
