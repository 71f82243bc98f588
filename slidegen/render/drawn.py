"""Drawn shapes and text boxes (python-pptx): what a kind draws rather than puts in a placeholder.

Shapes are ordinary, editable PowerPoint shapes in scheme colours, with the theme's insets on
text boxes (the ones the planner measured with) and no autofit (sizes were decided).
"""

from __future__ import annotations

from typing import Any

from lxml import etree
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches

from ..scene import DrawnShape, DrawnText
from ..theme.model import Theme
from .text import TextWriter

_ANCHORS = {"t": MSO_ANCHOR.TOP, "ctr": MSO_ANCHOR.MIDDLE, "b": MSO_ANCHOR.BOTTOM}
_GEOMETRY = {"rect": MSO_SHAPE.RECTANGLE, "ellipse": MSO_SHAPE.OVAL}


def draw_shape(slide: Any, shape: DrawnShape) -> None:
    left, top, width, height = shape.box
    sp = slide.shapes.add_shape(_GEOMETRY[shape.geometry], Emu(left), Emu(top), Emu(width), Emu(height))
    sp.name = shape.name
    spPr = sp._element.spPr
    # Scheme colours (not RGB) so a theme change in PowerPoint recolours the drawing.
    for old in spPr.findall(qn("a:solidFill")) + spPr.findall(qn("a:ln")):
        spPr.remove(old)
    fill_el = etree.SubElement(spPr, qn("a:solidFill"))
    etree.SubElement(fill_el, qn("a:schemeClr"), val=shape.fill)
    ln = etree.SubElement(spPr, qn("a:ln"))
    etree.SubElement(ln, qn("a:noFill"))
    style = sp._element.find(qn("p:style"))
    if style is not None:  # the default style would add a theme outline and shadow
        sp._element.remove(style)


def draw_text(slide: Any, text: DrawnText, writer: TextWriter, theme: Theme) -> None:
    left, top, width, height = text.box
    box = slide.shapes.add_textbox(Emu(left), Emu(top), Emu(width), Emu(height))
    box.name = text.name
    frame = box.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    insets = theme.insets
    frame.margin_left, frame.margin_right = Inches(insets.left), Inches(insets.right)
    frame.margin_top, frame.margin_bottom = Inches(insets.top), Inches(insets.bottom)
    if text.anchor:
        frame.vertical_anchor = _ANCHORS[text.anchor]
    writer.fill(frame._txBody, text.block, bullets=False)
    if text.align or text.color or text.font:
        _style_paragraphs(frame._txBody, text)
    if text.bullets:
        _bullets(frame._txBody, text, theme)


def _p_pr(p: Any) -> Any:
    pPr = p.find(qn("a:pPr"))
    if pPr is None:
        pPr = etree.Element(qn("a:pPr"))
        p.insert(0, pPr)
    return pPr


def _style_paragraphs(txBody: Any, text: DrawnText) -> None:
    for p in txBody.findall(qn("a:p")):
        if text.align:
            _p_pr(p).set("algn", text.align)
        for rPr in p.iter(qn("a:rPr"), qn("a:endParaRPr")):
            if text.color and rPr.find(qn("a:solidFill")) is None:
                fill = etree.Element(qn("a:solidFill"))
                etree.SubElement(fill, qn("a:schemeClr"), val=text.color)
                rPr.insert(0, fill)
            if text.font and rPr.tag == qn("a:rPr"):
                etree.SubElement(rPr, qn("a:latin"), typeface=text.font)


def _bullets(txBody: Any, text: DrawnText, theme: Theme) -> None:
    """A text box does not inherit the body style: bulleted paragraphs get the theme's bullet,
    indent and spacing written explicitly."""
    body = theme.body
    for p, para in zip(txBody.findall(qn("a:p")), text.block.paras):
        if not para.bullet:
            continue
        pPr = _p_pr(p)
        for old in pPr.findall(qn("a:buNone")):
            pPr.remove(old)
        hanging = int(Inches(body.hanging))
        pPr.set("marL", str(para.level * int(Inches(body.indent)) + hanging))
        pPr.set("indent", str(-hanging))
        color = etree.SubElement(pPr, qn("a:buClr"))
        etree.SubElement(color, qn("a:schemeClr"), val=body.bullet_color)
        etree.SubElement(pPr, qn("a:buFont"), typeface="Arial")
        etree.SubElement(pPr, qn("a:buChar"), char=body.bullets[para.level])
