"""Tables: measured row by row, shrunk to the table floor, else split between rows.

Each continuation repeats the header row. Row heights are measured from the widest-wrapping cell
with the table's cell margins and written out, so the renderer draws rows at their real height.
Cell fills are explicit scheme colours (header in accent 1, banded rows) rather than a
PowerPoint built-in table style: LibreOffice and Google Slides do not know those styles, and
scheme colours still follow a theme change in PowerPoint.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from ..errors import OutlineError
from ..model.common import SlideFields, Text
from ..plan import measure as ms
from ..plan.fit_text import PT_PER_INCH, box_pt
from ..plan.fitting import with_content
from ..plan.types import FontRole, Para, PlannedSlide, Run, TextBlock
from ..records import record, replace
from ..scene import EMU_PER_PT, Element, Frame, Table as TableElement, TableCell, inches_to_emu
from ..source import DataPath
from ..validation import Meta, Model, model
from .base import LayoutDef, Parts, PlaceholderDef, SlideKind, TemplatePlaceholder

if TYPE_CHECKING:
    from ..plan.context import PlanContext
    from ..theme.model import LayoutGeometry, Theme

#: PowerPoint's default table cell margins: 0.1 in left/right, 0.05 in top/bottom.
CELL_MARGIN_X = 0.1 * PT_PER_INCH
CELL_MARGIN_Y = 0.05 * PT_PER_INCH
Cells = tuple[tuple[Run, ...], ...]


@model
class Table(Model):
    """A table: a header row, the rows, and optional relative column widths."""

    noun: ClassVar[str] = "table"

    header: Annotated[tuple[Text, ...], Meta("Header row; repeated on continuation slides.", ["Thời gian", "Sự kiện"],
                                             min_length=1)]
    rows: Annotated[tuple[tuple[Text, ...], ...], Meta("Body rows; each has as many cells as the header.",
                                                      [["11/11/2019", "AWGIPC 60"]], min_length=1)]
    widths: Annotated[tuple[float, ...] | None, Meta("Relative column widths.", [1, 3])] = None


@model
class TableSlide(SlideFields):
    """A slide holding one table; long tables continue with the header repeated."""

    kind: Annotated[Literal["table"], Meta("Slide kind; inferred from the content key.", "table")] = "table"
    table: Annotated[Table, Meta("A table with a header row.", {"header": ["A"], "rows": [["1"]]})]


@record
class TableContent:
    """A planned table (or one piece of it) with its decided text size and row heights."""

    header: Cells
    rows: tuple[Cells, ...]
    widths: tuple[float, ...]         # fractions of the table width, summing to 1
    size_pt: float
    row_heights: tuple[float, ...] = ()   # pt, header first; decided by the fit pass

    def texts(self) -> Iterator[tuple[str, FontRole]]:
        for row in (self.header, *self.rows):
            yield "".join(r.text for cell in row for r in cell), "minor"


def row_height(cells: Cells, widths_pt: list[float], font: str, size: float, line_spacing: float,
               bold: bool = False) -> float:
    """The height (pt) a row needs: its tallest cell, with margins."""
    tallest = 0.0
    for runs, width in zip(cells, widths_pt):
        para = ms.ParagraphSpec(spans=tuple(ms.Span(r.text, r.bold or bold, r.italic) for r in runs) or (ms.Span(""),),
                                font=font, size_pt=size, line_spacing=line_spacing)
        layout = ms.layout_paragraph(para, max(width - 2 * CELL_MARGIN_X, 1.0))
        tallest = max(tallest, layout.height_pt)
    return tallest + 2 * CELL_MARGIN_Y


def _heights(table: TableContent, theme: "Theme", width_pt: float, size: float,
             limit: float = math.inf) -> tuple[float, list[float]] | None:
    """Header and row heights (pt) at ``size``; None as soon as they pass ``limit``, so a shrink
    trial of a long table measures only the rows that could fit on a slide, not every row."""
    widths = [width_pt * f for f in table.widths]
    font, spacing = theme.fonts.minor, theme.body.line_spacing
    used = header = row_height(table.header, widths, font, size, spacing, bold=True)
    rows = []
    for row in table.rows:
        rows.append(row_height(row, widths, font, size, spacing))
        used += rows[-1]
        if used > limit:
            return None
    return header, rows


def fit_table(table: TableContent, theme: "Theme", box: ms.Box, ctx: "PlanContext",
              source: DataPath) -> list[TableContent]:
    """The table as one or more pieces, each with its decided text size and row heights."""
    size = theme.sizes.table
    floor_size = max(theme.fit.table_min_size, size * theme.fit.floor)
    available = box.height_pt
    trial = size
    while trial >= floor_size - 1e-6:
        fitted = _heights(table, theme, box.width_pt, trial, limit=available)
        if fitted is not None:
            header, rows = fitted
            return [replace(table, size_pt=trial, row_heights=(header, *rows))]
        trial = round(trial - 0.5, 2)
    # Split at full size between rows, repeating the header on every piece.
    measured = _heights(table, theme, box.width_pt, size)
    assert measured is not None   # no limit: every row is measured
    header, rows = measured
    pieces: list[TableContent] = []
    start, used = 0, header
    for i, height in enumerate(rows):
        if height + header > available:
            ctx.warn(f"table row {i + 1} is taller than a whole slide; shorten its cells", source)
        if i > start and used + height > available:
            pieces.append(_piece(table, start, i, size, header, rows))
            start, used = i, header
        used += height
    pieces.append(_piece(table, start, len(rows), size, header, rows))
    return pieces


def _piece(table: TableContent, start: int, end: int, size: float, header: float, rows: list[float]) -> TableContent:
    return replace(table, rows=table.rows[start:end], size_pt=size, row_heights=(header, *rows[start:end]))


def _placeholders(theme: "Theme", g: "LayoutGeometry") -> list[PlaceholderDef]:
    return [PlaceholderDef("Table 2", "tbl", 1, g.content)]


def _match(placeholders: Sequence[TemplatePlaceholder]) -> dict[str, TemplatePlaceholder] | None:
    parts = Parts.of(placeholders)
    if parts.title is None or not parts.tables:
        return None
    return {"title": parts.title, "table": parts.tables[0]}


class TableKind(SlideKind):
    name = "table"
    model: ClassVar[type[SlideFields] | None] = TableSlide
    layouts = (LayoutDef("table", "Title and Table", "tbl", "table", _placeholders, _match, search="any",
                         fallbacks=("title_only", "bullets")),)

    def content(self, ctx: "PlanContext", slide: Any, path: DataPath) -> TableContent:
        table, path = slide.table, (*path, "table")
        columns = len(table.header)
        rows: list[Cells] = []
        for r, row in enumerate(table.rows):
            if len(row) > columns:
                raise OutlineError(f"row {r + 1} has {len(row)} cells but the header has {columns}",
                                   ctx.locator.at((*path, "rows", r)))
            padded = list(row) + [""] * (columns - len(row))
            rows.append(tuple(ctx.runs(cell, (*path, "rows", r, c)) for c, cell in enumerate(padded)))
        widths = table.widths or (1.0,) * columns
        if len(widths) != columns or any(w <= 0 for w in widths):
            raise OutlineError(f"'widths' needs {columns} positive numbers, one per column",
                               ctx.locator.at((*path, "widths")))
        total = float(sum(widths))
        header = tuple(ctx.runs(h, (*path, "header", c)) for c, h in enumerate(table.header))
        return TableContent(header, tuple(rows), tuple(w / total for w in widths), ctx.theme.sizes.table)

    def fit(self, ctx: "PlanContext", slide: PlannedSlide) -> list[PlannedSlide]:
        c: TableContent = slide.content  # type: ignore[assignment]
        theme = ctx.theme
        box = self.geometry(theme, slide).content or theme.layouts["bullets"].body
        assert box is not None
        tables = fit_table(c, theme, box_pt(theme, box), ctx, slide.source)
        return [with_content(slide, t, t.size_pt / c.size_pt if c.size_pt else 1.0) for t in tables]

    def compose(self, slide: PlannedSlide, frame: Frame) -> list[Element]:
        table: TableContent = slide.content  # type: ignore[assignment]
        idx = frame.roles.get("table")
        if idx is not None:
            box = frame.boxes["table"]
        else:
            inches = frame.box("content") or frame.theme.layouts["bullets"].body
            assert inches is not None
            box = inches_to_emu(inches)
        width = box[2]
        header = tuple(TableCell(TextBlock((Para(runs, size_pt=table.size_pt, bullet=False),)), "accent1", "bg1",
                                 bold=True) for runs in table.header)
        rows = [header]
        for r, cells in enumerate(table.rows, start=1):
            fill = "bg2" if r % 2 == 0 else "bg1"
            rows.append(tuple(TableCell(TextBlock((Para(runs, size_pt=table.size_pt, bullet=False),)), fill, "tx1")
                              for runs in cells))
        return [TableElement(idx, box, tuple(int(width * f) for f in table.widths),
                             tuple(int(h * EMU_PER_PT) for h in table.row_heights), tuple(rows))]


KIND = TableKind()
