"""Slides drawn with native shapes: timelines and key figures.

Shapes are ordinary, editable PowerPoint shapes coloured with scheme colours, placed inside the
layout's ``content`` box by the proportions the theme gives (theme.timeline, theme.figures).
"""

from __future__ import annotations

from lxml import etree
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches

from ..plan.types import FigureContent, Para, Run, TextBlock, TimelineEvent
from ..theme.model import Theme
from .text import TextWriter


def content_box(theme: Theme, kind: str) -> tuple[int, int, int, int]:
    box = getattr(theme.layouts, kind).content
    if box is None:  # a theme without a content box: use the bullets body area
        box = theme.layouts.bullets.body
    return tuple(int(Inches(v)) for v in box)  # type: ignore[return-value]


def draw_timeline(slide, events: tuple[TimelineEvent, ...], writer: TextWriter, theme: Theme,
                  scale: float = 1.0) -> None:
    style = theme.timeline
    x, y, w, h = content_box(theme, "timeline")
    line_y = y + int(h * style.line_position)
    weight, marker, gap = int(Inches(style.line_weight)), int(Inches(style.marker)), int(Inches(style.gap))
    _rect(slide, x, line_y - weight // 2, w, weight, "accent1", name="Timeline Axis")
    cell = w // len(events)
    for i, event in enumerate(events):
        left = x + cell * i
        centre = left + cell // 2
        _rect(slide, centre - marker // 2, line_y - marker // 2, marker, marker, "accent2",
              shape=MSO_SHAPE.OVAL, name=f"Marker {i + 1}")
        date_h = int(Inches(style.date_height))
        date = TextBlock((Para((Run(event.date, bold=True),), size_pt=round(style.date_size * scale, 1), bullet=False),))
        _text(slide, writer, left + gap // 2, line_y - marker // 2 - gap - date_h, cell - gap, date_h, date,
              anchor=MSO_ANCHOR.BOTTOM, color="accent1", name=f"Date {i + 1}", theme=theme)
        paras = [Para((Run(event.title, bold=True),), size_pt=round(style.title_size * scale, 1), bullet=False)]
        if event.detail:
            paras.append(Para((Run(event.detail),), size_pt=round(style.detail_size * scale, 1), bullet=False))
        top = line_y + marker // 2 + gap
        _text(slide, writer, left + gap // 2, top, cell - gap, y + h - top, TextBlock(tuple(paras)),
              anchor=MSO_ANCHOR.TOP, color="tx1", name=f"Event {i + 1}", theme=theme)


def draw_figures(slide, figures: tuple[FigureContent, ...], writer: TextWriter, theme: Theme,
                 scale: float = 1.0) -> None:
    style = theme.figures
    x, y, w, h = content_box(theme, "figures")
    gap = int(Inches(style.gap))
    count = len(figures)
    card_w = (w - gap * (count - 1)) // count
    for i, figure in enumerate(figures):
        left = x + i * (card_w + gap)
        _rect(slide, left, y, card_w, h, "bg2", name=f"Figure Card {i + 1}")
        value_h = int(h * style.value_height)
        value = TextBlock((Para((Run(figure.value, bold=True),), size_pt=round(style.value_size * scale, 1), bullet=False),))
        _text(slide, writer, left, y, card_w, value_h, value, anchor=MSO_ANCHOR.BOTTOM, color="accent1",
              name=f"Figure {i + 1}", theme=theme, font="+mj-lt")
        label = TextBlock((Para((Run(figure.label),), size_pt=round(style.label_size * scale, 1), bullet=False),))
        _text(slide, writer, left, y + value_h, card_w, h - value_h, label, anchor=MSO_ANCHOR.TOP,
              color="tx1", name=f"Figure Label {i + 1}", theme=theme)


def _rect(slide, left: int, top: int, width: int, height: int, fill: str, *, shape=MSO_SHAPE.RECTANGLE,
          name: str) -> None:
    sp = slide.shapes.add_shape(shape, Emu(left), Emu(top), Emu(width), Emu(height))
    sp.name = name
    spPr = sp._element.spPr
    # Scheme colours (not RGB) so a theme change in PowerPoint recolours the drawing.
    for old in spPr.findall(qn("a:solidFill")) + spPr.findall(qn("a:ln")):
        spPr.remove(old)
    fill_el = etree.SubElement(spPr, qn("a:solidFill"))
    etree.SubElement(fill_el, qn("a:schemeClr"), val=fill)
    ln = etree.SubElement(spPr, qn("a:ln"))
    etree.SubElement(ln, qn("a:noFill"))
    style = sp._element.find(qn("p:style"))
    if style is not None:  # the default style would add a theme outline and shadow
        sp._element.remove(style)


def _text_frame(slide, left: int, top: int, width: int, height: int, theme: Theme, name: str):
    """A new wrapping text box with the theme's insets (the ones the planner measured with) and
    no autofit (sizes were decided by the planner)."""
    box = slide.shapes.add_textbox(Emu(left), Emu(top), Emu(width), Emu(height))
    box.name = name
    frame = box.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    insets = theme.insets
    frame.margin_left, frame.margin_right = Inches(insets.left), Inches(insets.right)
    frame.margin_top, frame.margin_bottom = Inches(insets.top), Inches(insets.bottom)
    return frame


def _text(slide, writer: TextWriter, left: int, top: int, width: int, height: int, block: TextBlock, *,
          anchor, color: str, name: str, theme: Theme, font: str | None = None) -> None:
    frame = _text_frame(slide, left, top, width, height, theme, name)
    frame.vertical_anchor = anchor
    writer.fill(frame._txBody, block, bullets=False)
    for p in frame._txBody.findall(qn("a:p")):
        pPr = p.find(qn("a:pPr"))
        if pPr is None:
            pPr = etree.Element(qn("a:pPr"))
            p.insert(0, pPr)
        pPr.set("algn", "ctr")
        for rPr in p.iter(qn("a:rPr"), qn("a:endParaRPr")):
            if rPr.find(qn("a:solidFill")) is None:
                fill = etree.Element(qn("a:solidFill"))
                etree.SubElement(fill, qn("a:schemeClr"), val=color)
                rPr.insert(0, fill)
            if font and rPr.tag == qn("a:rPr"):
                etree.SubElement(rPr, qn("a:latin"), typeface=font)


def draw_text_box(slide, writer: TextWriter, box, block: TextBlock, theme: Theme, *, bullets: bool,
                  name: str) -> None:
    """Text in a plain text box at a theme box (inches): for a role a template layout lacks.
    Bulleted paragraphs get the theme's bullet, indent and spacing written explicitly, since a
    text box does not inherit the body style."""
    left, top, width, height = (int(Inches(v)) for v in box)
    frame = _text_frame(slide, left, top, width, height, theme, name)
    writer.fill(frame._txBody, block, bullets=False)
    if not bullets:
        return
    body = theme.body
    for p, para in zip(frame._txBody.findall(qn("a:p")), block.paras):
        if not para.bullet:
            continue
        pPr = p.find(qn("a:pPr"))
        if pPr is None:
            pPr = etree.Element(qn("a:pPr"))
            p.insert(0, pPr)
        for old in pPr.findall(qn("a:buNone")):
            pPr.remove(old)
        hanging = int(Inches(body.hanging))
        pPr.set("marL", str(para.level * int(Inches(body.indent)) + hanging))
        pPr.set("indent", str(-hanging))
        color = etree.SubElement(pPr, qn("a:buClr"))
        etree.SubElement(color, qn("a:schemeClr"), val=body.bullet_color)
        etree.SubElement(pPr, qn("a:buFont"), typeface="Arial")
        etree.SubElement(pPr, qn("a:buChar"), char=body.bullets[para.level])
