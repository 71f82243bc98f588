"""Drawn shapes, text boxes and tables, as python-pptx creates them and slidegen then edits them.

python-pptx's ``add_shape``, ``add_textbox`` and ``add_table`` start from fixed XML templates
(CT_Shape.new_autoshape_sp, new_textbox_sp, CT_GraphicalObjectFrame.new_table_graphicFrame);
render/drawn.py and render/table.py then recolour, rename and resize them. The functions here
write the result of both steps.
"""

from __future__ import annotations

from ...scene import DrawnShape, DrawnText, EmuBox, Table
from ...theme.model import Theme
from .text import Bullets, Style, TextXml
from .xml import attr

_GEOMETRY = {"rect": "rect", "ellipse": "ellipse"}
_TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"
_TABLE_STYLE = "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"
_EMU_PER_INCH = 914400
#: python-pptx's defaults for a text body's insets: an inset equal to its default is not written.
_DEFAULT_INSETS = (("lIns", 91440), ("rIns", 91440), ("tIns", 45720), ("bIns", 45720))
#: The height python-pptx gives each row of a table inserted into a placeholder.
PLACEHOLDER_ROW_HEIGHT = 370840


def _xfrm(box: EmuBox, tag: str = "a:xfrm") -> str:
    left, top, width, height = box
    return f'<{tag}><a:off x="{left}" y="{top}"/><a:ext cx="{width}" cy="{height}"/></{tag}>'


def inches(value: float) -> int:
    """python-pptx's ``Inches``: truncated to whole EMU."""
    return int(value * _EMU_PER_INCH)


def drawn_shape(shape_id: int, shape: DrawnShape) -> str:
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{attr(shape.name)}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
            f'<p:spPr>{_xfrm(shape.box)}<a:prstGeom prst="{_GEOMETRY[shape.geometry]}"><a:avLst/></a:prstGeom>'
            f'<a:solidFill><a:schemeClr val="{attr(shape.fill)}"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr>'
            '<p:txBody><a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/><a:p><a:pPr algn="ctr"/></a:p></p:txBody>'
            "</p:sp>")


class TextBoxes:
    """Text boxes for one theme: its insets and bullets are the same on every box."""

    def __init__(self, theme: Theme) -> None:
        i = theme.insets
        values = dict(lIns=inches(i.left), rIns=inches(i.right), tIns=inches(i.top), bIns=inches(i.bottom))
        self.insets = "".join(f' {name}="{values[name]}"' for name, default in _DEFAULT_INSETS
                              if values[name] != default)
        body = theme.body
        self.bullets = Bullets(inches(body.hanging), inches(body.indent), body.bullet_color, tuple(body.bullets))

    def xml(self, shape_id: int, box: DrawnText, writer: TextXml) -> str:
        anchor = f' anchor="{box.anchor}"' if box.anchor else ""
        style = Style(align=box.align, color=box.color, font=box.font,
                      bullets=self.bullets if box.bullets else None)
        paragraphs = writer.body(box.block, bullets=False, style=style)
        return (f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{attr(box.name)}"/><p:cNvSpPr txBox="1"/><p:nvPr/>'
                f'</p:nvSpPr><p:spPr>{_xfrm(box.box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>'
                f'<p:txBody><a:bodyPr wrap="square"{self.insets}{anchor}><a:noAutofit/></a:bodyPr><a:lstStyle/>'
                f"{paragraphs}</p:txBody></p:sp>")


def _even(total: int, count: int) -> list[int]:
    """python-pptx's split of a table's width (height) over its columns (rows): even, the last
    one absorbing the remainder."""
    each = total // count
    return [each] * (count - 1) + [total - (count - 1) * each]


def table_frame(shape_id: int, name: str, ph: str, offset: tuple[int, int], size: tuple[int, int],
                table: Table, writer: TextXml) -> str:
    """A graphic frame holding ``table``: at ``offset`` with ``size`` as python-pptx creates it
    (``ph``: the placeholder element moved into it, or "")."""
    rows, cols = len(table.rows), len(table.column_widths)
    width, height = size
    widths = _even(width, cols)
    heights = _even(height, rows)
    for n, w in enumerate(table.column_widths[:cols]):
        widths[n] = w
    for n, h in enumerate(table.row_heights[:rows]):
        heights[n] = h
    if table.column_widths:         # each column width set resizes the frame to their sum
        width = sum(widths)
    if table.row_heights:
        height = sum(table.row_heights)
    out = [f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{shape_id}" name="{attr(name)}"/>'
           '<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr>'
           f'{"<p:nvPr>" + ph + "</p:nvPr>" if ph else "<p:nvPr/>"}</p:nvGraphicFramePr>'
           f'{_xfrm((offset[0], offset[1], width, height), "p:xfrm")}'
           f'<a:graphic><a:graphicData uri="{_TABLE_URI}"><a:tbl><a:tblPr firstRow="1" bandRow="1">'
           f'<a:tableStyleId>{_TABLE_STYLE}</a:tableStyleId></a:tblPr><a:tblGrid>']
    out += [f'<a:gridCol w="{w}"/>' for w in widths]
    out.append("</a:tblGrid>")
    for r in range(rows):
        out.append(f'<a:tr h="{heights[r]}">')
        cells = table.rows[r]
        for c in range(cols):
            if c < len(cells):
                cell = cells[c]
                body = writer.body(cell.block, bullets=False, style=Style(cell_color=cell.color, cell_bold=cell.bold))
                out.append(f"<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>{body}</a:txBody><a:tcPr><a:solidFill>"
                           f'<a:schemeClr val="{attr(cell.fill)}"/></a:solidFill></a:tcPr></a:tc>')
            else:
                out.append("<a:tc><a:txBody><a:bodyPr/><a:lstStyle/><a:p/></a:txBody><a:tcPr/></a:tc>")
        out.append("</a:tr>")
    out.append("</a:tbl></a:graphicData></a:graphic></p:graphicFrame>")
    return "".join(out)
