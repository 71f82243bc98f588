"""What goes on one slide, as plain data: which placeholder holds what, and what is drawn where.

A slide kind composes its planned content into these elements (``SlideKind.compose``); a writer
(slidegen/render/) turns them into slide XML. Keeping the decision here and the XML there means
every kind's placement is written once, whatever writes the file. Boxes are in EMU.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from typing import TYPE_CHECKING, Literal

from .plan.types import Picture, TextBlock
from .records import record, replace

if TYPE_CHECKING:
    from .theme.model import LayoutGeometry, Theme

#: A box in EMU: (left, top, width, height).
EmuBox = tuple[int, int, int, int]
EMU_PER_INCH = 914400
EMU_PER_PT = 12700


def inches_to_emu(box: tuple[float, float, float, float]) -> EmuBox:
    """A theme box (inches) in EMU, truncated as python-pptx's ``Inches`` does."""
    return (int(box[0] * EMU_PER_INCH), int(box[1] * EMU_PER_INCH), int(box[2] * EMU_PER_INCH),
            int(box[3] * EMU_PER_INCH))


@record
class PlaceholderText:
    """Text into the slide's placeholder ``idx``; ``bullets``: its paragraphs keep the layout's
    bullets (a body), else every paragraph is plain."""

    idx: int
    block: TextBlock
    bullets: bool = False


@record
class PlaceholderPicture:
    """A picture into picture placeholder ``idx``, scaled to fit inside it without distortion; a
    picture without a file leaves the placeholder empty for the presenter (with its alt text)."""

    idx: int
    picture: Picture


@record
class DrawnPicture:
    """A picture placed as a shape at a box of its own (not in a placeholder)."""

    picture: Picture
    box: EmuBox


@record
class DrawnShape:
    """A filled shape without outline, in a scheme colour."""

    box: EmuBox
    fill: str
    name: str
    geometry: Literal["rect", "ellipse"] = "rect"


@record
class DrawnText:
    """A wrapping text box with the theme's insets and no autofit (sizes were decided).

    ``bullets`` writes the theme's bullets and indents explicitly (a text box inherits no body
    style); ``align``/``color``/``font`` apply to every paragraph and run that has none."""

    box: EmuBox
    block: TextBlock
    name: str
    anchor: Literal["t", "ctr", "b"] | None = None
    align: Literal["l", "ctr", "r"] | None = None
    color: str | None = None
    font: str | None = None
    bullets: bool = False


@record
class TableCell:
    """One cell of a table: its text, fill, colour and weight."""

    block: TextBlock
    fill: str                          # scheme colour of the cell
    color: str                         # scheme colour of its text
    bold: bool = False


@record
class Table:
    """A table in placeholder ``idx`` (None: drawn at ``box``), columns and rows in EMU."""

    idx: int | None
    box: EmuBox
    column_widths: tuple[int, ...]
    row_heights: tuple[int, ...]
    rows: tuple[tuple[TableCell, ...], ...]


ChartType = Literal["column", "bar", "line", "pie", "doughnut", "area", "scatter"]


@record
class ChartSeries:
    """One series of a chart as the writer draws it."""

    name: str
    values: tuple[float | None, ...]
    color: str                          # a scheme colour
    line: bool = False                  # a line over columns (a combined chart)
    secondary: bool = False             # on a second value axis, at the right
    x_values: tuple[float, ...] = ()    # scatter only


@record
class ChartSpec:
    """A native chart: what it shows and how, with the numbers its embedded workbook holds."""

    type: ChartType
    grouping: Literal["clustered", "stacked", "percent"]
    categories: tuple[str, ...]
    series: tuple[ChartSeries, ...]
    x_title: TextBlock | None = None
    y_title: TextBlock | None = None
    legend: Literal["bottom", "right", "top", "left"] | None = "bottom"
    labels: bool = False
    number_format: str = "General"
    font_size: float = 14.0
    language: str = "vi-VN"
    point_colors: tuple[str, ...] = ()  # pie and doughnut: one colour per category


@record
class Chart:
    """A chart in placeholder ``idx`` (None: drawn at ``box``); ``alt`` describes it."""

    idx: int | None
    box: EmuBox
    spec: ChartSpec
    name: str
    alt: str


Element = PlaceholderText | PlaceholderPicture | DrawnPicture | DrawnShape | DrawnText | Table | Chart


def on_slide(element: Element, width: int, height: int) -> Element:
    """``element`` with its box kept on a ``width`` × ``height`` slide, never with a negative or
    empty extent. Kinds lay out inside the boxes the theme (or a template's free area) gives
    them; this is the last guard every writer applies, so no box that could not be drawn (or
    would fail the schema) is ever written."""
    box = getattr(element, "box", None)
    if box is None:
        return element
    x, y, w, h = box
    x, y = min(max(x, 0), width - 1), min(max(y, 0), height - 1)
    fixed = (x, y, max(min(w, width - x), 1), max(min(h, height - y), 1))
    return element if fixed == box else replace(element, box=fixed)


@record
class Frame:
    """The layout a slide is placed on, as a kind composing onto it sees it."""

    theme: "Theme"
    geometry: "LayoutGeometry"                  # the theme's boxes for this layout (inches)
    roles: Mapping[str, int] = field(default_factory=dict)   # role → placeholder idx
    boxes: Mapping[str, EmuBox] = field(default_factory=dict)  # role → the placeholder's box
    photo_slots: tuple[tuple[int, int | None], ...] = ()     # (picture idx, caption idx) per cell

    def box(self, role: str) -> tuple[float, float, float, float] | None:
        return getattr(self.geometry, role, None)
