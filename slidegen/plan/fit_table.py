"""Fitting a table: measure every row, shrink to the table floor, else split between rows.

Each continuation repeats the header row. Row heights are measured from the widest-wrapping cell
with the table's cell margins, and written out so the renderer draws rows at their real height.
"""

from __future__ import annotations

import dataclasses

from ..outline.yaml_tree import DataPath
from ..theme.model import Theme
from . import measure as ms
from .context import PlanContext
from .fit_text import PT_PER_INCH
from .types import Run, TableContent

#: PowerPoint's default table cell margins: 0.1 in left/right, 0.05 in top/bottom.
CELL_MARGIN_X = 0.1 * PT_PER_INCH
CELL_MARGIN_Y = 0.05 * PT_PER_INCH


def row_height(cells: tuple[tuple[Run, ...], ...], widths_pt: list[float], font: str, size: float,
               line_spacing: float, bold: bool = False) -> float:
    """The height (pt) a row needs: its tallest cell, with margins."""
    tallest = 0.0
    for runs, width in zip(cells, widths_pt):
        para = ms.ParagraphSpec(spans=tuple(ms.Span(r.text, r.bold or bold, r.italic) for r in runs) or (ms.Span(""),),
                                font=font, size_pt=size, line_spacing=line_spacing)
        layout = ms.layout_paragraph(para, max(width - 2 * CELL_MARGIN_X, 1.0))
        tallest = max(tallest, layout.height_pt)
    return tallest + 2 * CELL_MARGIN_Y


def _heights(table: TableContent, theme: Theme, width_pt: float, size: float) -> tuple[float, list[float]]:
    widths = [width_pt * f for f in table.widths]
    font, spacing = theme.fonts.minor, theme.body.line_spacing
    header = row_height(table.header, widths, font, size, spacing, bold=True)
    return header, [row_height(row, widths, font, size, spacing) for row in table.rows]


def fit_table(table: TableContent, theme: Theme, box: ms.Box, ctx: PlanContext, source: DataPath) -> list[TableContent]:
    """The table as one or more pieces, each with its decided text size and row heights."""
    size = theme.sizes.table
    floor_size = max(theme.fit.table_min_size, size * theme.fit.floor)
    available = box.height_pt
    trial = size
    while trial >= floor_size - 1e-6:
        header, rows = _heights(table, theme, box.width_pt, trial)
        if header + sum(rows) <= available:
            return [dataclasses.replace(table, size_pt=trial, row_heights=(header, *rows))]
        trial = round(trial - 0.5, 2)
    # Split at full size between rows, repeating the header on every piece.
    header, rows = _heights(table, theme, box.width_pt, size)
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


def _piece(table: TableContent, start: int, end: int, size: float, header: float,
           rows: list[float]) -> TableContent:
    return dataclasses.replace(table, rows=table.rows[start:end], size_pt=size,
                               row_heights=(header, *rows[start:end]))
