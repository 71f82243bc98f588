"""Tables in the layout's table placeholder, styled with scheme colours.

Cell fills are written explicitly (header in accent 1, banded rows) rather than left to a
PowerPoint built-in table style: LibreOffice and Google Slides do not know those styles, and
scheme colours still follow a theme change in PowerPoint.
"""

from __future__ import annotations

from lxml import etree
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from ..plan.types import Para, TableContent, TextBlock
from ..theme.model import Theme
from .placeholders import placeholder
from .text import TextWriter


def fill_table(slide, idx: int | None, table: TableContent, writer: TextWriter, theme: Theme, box) -> None:
    """The table in the layout's table placeholder, or drawn at the theme's content box (inches)
    when the layout has none."""
    holder = placeholder(slide, idx) if idx is not None else None
    rows, cols = len(table.rows) + 1, len(table.header)
    if holder is not None:
        width = holder.width
        frame = holder.insert_table(rows=rows, cols=cols)
    else:
        left, top, width, height = (int(Inches(v)) for v in box)
        frame = slide.shapes.add_table(rows, cols, Emu(left), Emu(top), Emu(width), Emu(height))
    grid = frame.table
    for column, fraction in zip(grid.columns, table.widths):
        column.width = Emu(int(width * fraction))
    # Row heights as measured by the planner (PowerPoint would otherwise spread the rows over
    # the whole placeholder); LibreOffice and PowerPoint grow a row if their text needs more.
    for row, height in zip(grid.rows, table.row_heights):
        row.height = Emu(int(Pt(height)))
    frame.height = Emu(sum(int(Pt(h)) for h in table.row_heights)) if table.row_heights else frame.height
    for c, runs in enumerate(table.header):
        _cell(grid.cell(0, c), writer, Para(runs, size_pt=table.size_pt, bullet=False), "accent1", "bg1", bold=True)
    for r, cells in enumerate(table.rows, start=1):
        fill = "bg2" if r % 2 == 0 else "bg1"
        for c, runs in enumerate(cells):
            _cell(grid.cell(r, c), writer, Para(runs, size_pt=table.size_pt, bullet=False), fill, "tx1")


def _cell(cell, writer: TextWriter, para: Para, fill: str, color: str, bold: bool = False) -> None:
    txBody = cell.text_frame._txBody
    writer.fill(txBody, TextBlock((para,)), bullets=False)
    for rPr in txBody.iter(qn("a:rPr"), qn("a:endParaRPr")):
        if bold and rPr.tag == qn("a:rPr"):
            rPr.set("b", "1")
        solid = etree.Element(qn("a:solidFill"))
        etree.SubElement(solid, qn("a:schemeClr"), val=color)
        rPr.insert(0, solid)
    tcPr = cell._tc.get_or_add_tcPr()
    for old in tcPr.findall(qn("a:solidFill")):
        tcPr.remove(old)
    solid = etree.SubElement(tcPr, qn("a:solidFill"))
    etree.SubElement(solid, qn("a:schemeClr"), val=fill)
