"""Tables (python-pptx): in the layout's table placeholder, or drawn at the kind's box."""

from __future__ import annotations

from typing import Any

from lxml import etree
from pptx.oxml.ns import qn
from pptx.util import Emu

from ..scene import Table, TableCell
from .placeholders import placeholder
from .text import TextWriter


def write_table(slide: Any, table: Table, writer: TextWriter) -> None:
    holder = placeholder(slide, table.idx) if table.idx is not None else None
    rows, cols = len(table.rows), len(table.column_widths)
    if holder is not None:
        frame = holder.insert_table(rows=rows, cols=cols)
    else:
        left, top, width, height = table.box
        frame = slide.shapes.add_table(rows, cols, Emu(left), Emu(top), Emu(width), Emu(height))
    grid = frame.table
    for column, width in zip(grid.columns, table.column_widths):
        column.width = Emu(width)
    # Row heights as measured by the planner (PowerPoint would otherwise spread the rows over
    # the whole placeholder); LibreOffice and PowerPoint grow a row if their text needs more.
    for row, height in zip(grid.rows, table.row_heights):
        row.height = Emu(height)
    if table.row_heights:
        frame.height = Emu(sum(table.row_heights))
    for r, cells in enumerate(table.rows):
        for c, cell in enumerate(cells):
            _cell(grid.cell(r, c), writer, cell)


def _cell(cell: Any, writer: TextWriter, spec: TableCell) -> None:
    txBody = cell.text_frame._txBody
    writer.fill(txBody, spec.block, bullets=False)
    for rPr in txBody.iter(qn("a:rPr"), qn("a:endParaRPr")):
        if spec.bold and rPr.tag == qn("a:rPr"):
            rPr.set("b", "1")
        solid = etree.Element(qn("a:solidFill"))
        etree.SubElement(solid, qn("a:schemeClr"), val=spec.color)
        rPr.insert(0, solid)
    tcPr = cell._tc.get_or_add_tcPr()
    for old in tcPr.findall(qn("a:solidFill")):
        tcPr.remove(old)
    solid = etree.SubElement(tcPr, qn("a:solidFill"))
    etree.SubElement(solid, qn("a:schemeClr"), val=spec.fill)
