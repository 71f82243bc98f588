"""Writing planned text into a DrawingML text body: paragraphs, runs, breaks, links, fields.

Every run, line break and end-of-paragraph mark carries the deck's language (``lang``), so spell
checking and font fallback work in PowerPoint. Sizes decided by the planner are written as
explicit ``sz`` so every application shows the same thing.
"""

from __future__ import annotations

from typing import Any

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from ..plan.types import Emphasis, Para, Run, TextBlock
from .direct.text import FIELD_IDS

# Clark names computed once: qn() in the inner loop was a measurable share of large builds.
_A_P, _A_R, _A_T, _A_BR = qn("a:p"), qn("a:r"), qn("a:t"), qn("a:br")
_A_PPR, _A_RPR, _A_END = qn("a:pPr"), qn("a:rPr"), qn("a:endParaRPr")
_A_SPC_BEF, _A_SPC_PTS, _A_BU_NONE = qn("a:spcBef"), qn("a:spcPts"), qn("a:buNone")
_A_SOLID, _A_SCHEME, _A_HLINK, _R_ID, _A_FLD = (qn("a:solidFill"), qn("a:schemeClr"), qn("a:hlinkClick"),
                                                qn("r:id"), qn("a:fld"))
_A_LATIN, _A_CS = qn("a:latin"), qn("a:cs")


class TextWriter:
    """Writes text for one slide part (hyperlinks need that part's relationships)."""

    def __init__(self, part: Any, language: str, level_indent_emu: int = 0, strong_color: str = "accent2",
                 muted_color: str = "accent5", mono: str = "Courier New") -> None:
        self.part = part
        self.mono = mono                           # the face of code runs
        self.language = language
        self.level_indent_emu = level_indent_emu   # the body style's indent per level (theme)
        self.strong_color = strong_color
        self.muted_color = muted_color

    def fill(self, txBody: etree._Element, block: TextBlock | None, *, bullets: bool = True) -> None:
        """Replace the paragraphs of ``txBody`` with ``block`` (an empty block leaves one empty
        paragraph, which PowerPoint requires)."""
        for p in txBody.findall(_A_P):
            txBody.remove(p)
        paras = block.paras if block else ()
        if not paras:
            self._end(etree.SubElement(txBody, _A_P), None)
            return
        for para in paras:
            self.paragraph(txBody, para, bullets=bullets)

    def paragraph(self, txBody: etree._Element, para: Para, *, bullets: bool = True) -> etree._Element:
        p = etree.SubElement(txBody, _A_P)
        if para.level or not (bullets and para.bullet) or para.space_before_pt is not None:
            pPr = etree.SubElement(p, _A_PPR)
            if para.level:
                pPr.set("lvl", str(para.level))
            if para.space_before_pt is not None:
                spacing = etree.SubElement(pPr, _A_SPC_BEF)
                etree.SubElement(spacing, _A_SPC_PTS, val=str(round(para.space_before_pt * 100)))
            if not (bullets and para.bullet):
                if bullets:  # a bulleted placeholder: this line has no bullet and no hanging indent
                    pPr.set("indent", "0")
                    pPr.set("marL", str(para.level * self.level_indent_emu))
                etree.SubElement(pPr, _A_BU_NONE)
        for run in para.runs:
            self.run(p, run, para)
        self._end(p, para.size_pt)
        return p

    def run(self, p: etree._Element, run: Run, para: Para) -> None:
        if run.is_break:
            br = etree.SubElement(p, _A_BR)
            self._rpr(br, para.size_pt, Run(""), para.emphasis)
            return
        r = etree.SubElement(p, _A_R)
        self._rpr(r, para.size_pt, run, para.emphasis)
        etree.SubElement(r, _A_T).text = run.text

    def field(self, txBody: etree._Element, kind: str, text: str) -> None:
        """A paragraph holding one field (slide number, date) PowerPoint keeps up to date."""
        for p in txBody.findall(_A_P):
            txBody.remove(p)
        p = etree.SubElement(txBody, _A_P)
        fld = etree.SubElement(p, _A_FLD, id=FIELD_IDS[kind], type=kind)
        etree.SubElement(fld, _A_RPR, lang=self.language)
        etree.SubElement(fld, _A_T).text = text
        self._end(p, None)

    def _rpr(self, parent: etree._Element, size_pt: float | None, run: Run, emphasis: Emphasis) -> None:
        rPr = etree.SubElement(parent, _A_RPR, lang=self.language)
        if size_pt:
            rPr.set("sz", str(round(size_pt * 100)))
        if run.bold or emphasis is Emphasis.STRONG:
            rPr.set("b", "1")
        if run.italic:
            rPr.set("i", "1")
        rPr.set("dirty", "0")
        if emphasis is Emphasis.STRONG:
            _scheme_fill(rPr, self.strong_color)
        elif emphasis is Emphasis.MUTED:
            _scheme_fill(rPr, self.muted_color)
        elif run.color:
            _scheme_fill(rPr, run.color)
        if run.code:
            etree.SubElement(rPr, _A_LATIN, typeface=self.mono)
            etree.SubElement(rPr, _A_CS, typeface=self.mono)
        if run.link:
            rId = self.part.relate_to(run.link, RT.HYPERLINK, is_external=True)
            etree.SubElement(rPr, _A_HLINK, {_R_ID: rId})

    def _end(self, p: etree._Element, size_pt: float | None) -> None:
        end = etree.SubElement(p, _A_END, lang=self.language)
        if size_pt:
            end.set("sz", str(round(size_pt * 100)))
        end.set("dirty", "0")


def _scheme_fill(rPr: etree._Element, color: str) -> etree._Element:
    fill = etree.SubElement(rPr, _A_SOLID)
    return etree.SubElement(fill, _A_SCHEME, val=color)


