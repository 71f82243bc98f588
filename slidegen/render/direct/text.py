"""Planned text as DrawingML paragraphs, element for element what the python-pptx path writes.

That path writes text with slidegen's TextWriter (slidegen/render/text.py) and then, for text
boxes and table cells, edits what it wrote (render/drawn.py, render/table.py): alignment, a
default colour and font, explicit bullets, bold and colour of a cell. Here the same result is
written in one pass; :class:`Style` says which of those edits apply, in the order they are made.
"""

from __future__ import annotations

from collections.abc import Callable

from ...plan.types import Emphasis, Para, Run, TextBlock
from ...records import record
from .xml import attr, text

# Fixed field ids keep output byte-identical between builds (PowerPoint only needs a GUID).
FIELD_IDS = {
    "slidenum": "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}",
    "datetime1": "{9C4D3B42-3C27-4C2F-9E38-3B1B5E6F0A11}",
}
_BU_NONE = "<a:buNone/>"


@record
class Bullets:
    """The bullets render/drawn.py writes explicitly into a text box (it inherits no body style)."""

    hanging: int                       # EMU
    indent: int                        # EMU per level
    color: str
    chars: tuple[str, ...]


@record
class Style:
    """How a text element is written: alignment, colour, font, bullets, table cell fill."""

    align: str | None = None           # text box: every paragraph's alignment
    color: str | None = None           # text box: the colour of runs that have none
    font: str | None = None            # text box: a typeface appended to every run
    bullets: Bullets | None = None     # text box: bulleted paragraphs
    cell_color: str | None = None      # table cell: the colour put first on every run
    cell_bold: bool = False            # table cell: every run bold


PLAIN = Style()


def _fill(color: str) -> str:
    return f'<a:solidFill><a:schemeClr val="{attr(color)}"/></a:solidFill>'


class TextXml:
    """Writes text for one deck; ``link`` gives the relationship id of a hyperlink on the slide
    being written (set per slide)."""

    def __init__(self, language: str, level_indent_emu: int = 0, strong_color: str = "accent2",
                 muted_color: str = "accent5", mono: str = "Courier New") -> None:
        self.lang = f' lang="{attr(language)}"'
        self.level_indent_emu = level_indent_emu
        self.strong_fill = _fill(strong_color)
        self.muted_fill = _fill(muted_color)
        self.code_faces = f'<a:latin typeface="{attr(mono)}"/><a:cs typeface="{attr(mono)}"/>'
        self.link: Callable[[str], str] = _no_links

    def body(self, block: TextBlock | None, *, bullets: bool = True, style: Style = PLAIN) -> str:
        """The paragraphs of ``block`` (an empty block is one empty paragraph)."""
        paras = block.paras if block else ()
        if not paras:
            end = self._end(None, style)
            return f'<a:p><a:pPr algn="{attr(style.align)}"/>{end}</a:p>' if style.align else f"<a:p>{end}</a:p>"
        return "".join([self.paragraph(para, bullets, style) for para in paras])

    def paragraph(self, para: Para, bullets: bool, style: Style = PLAIN) -> str:
        plain = not (bullets and para.bullet)
        out = ["<a:p>"]
        if para.level or plain or para.space_before_pt is not None or style.align:
            attrs = f' lvl="{para.level}"' if para.level else ""
            if plain and bullets:      # a bulleted placeholder: no bullet and no hanging indent
                attrs += f' indent="0" marL="{para.level * self.level_indent_emu}"'
            if style.align:
                attrs += f' algn="{attr(style.align)}"'
            inner = "" if para.space_before_pt is None else \
                f'<a:spcBef><a:spcPts val="{round(para.space_before_pt * 100)}"/></a:spcBef>'
            drawn = style.bullets
            if drawn is not None and para.bullet:
                attrs += f' marL="{para.level * drawn.indent + drawn.hanging}" indent="{-drawn.hanging}"'
                inner += (f'<a:buClr><a:schemeClr val="{attr(drawn.color)}"/></a:buClr><a:buFont typeface="Arial"/>'
                          f'<a:buChar char="{attr(drawn.chars[para.level])}"/>')
            elif plain:
                inner += _BU_NONE
            out.append(f"<a:pPr{attrs}>{inner}</a:pPr>" if inner else f"<a:pPr{attrs}/>")
        for run in para.runs:
            if run.is_break:
                out.append(f"<a:br>{self._rpr(para.size_pt, _BREAK, para.emphasis, style)}</a:br>")
            else:
                out.append(f"<a:r>{self._rpr(para.size_pt, run, para.emphasis, style)}<a:t>{text(run.text)}</a:t></a:r>")
        out.append(self._end(para.size_pt, style))
        out.append("</a:p>")
        return "".join(out)

    def field(self, kind: str, value: str) -> str:
        """A paragraph holding one field (slide number, date) PowerPoint keeps up to date."""
        return (f'<a:p><a:fld id="{FIELD_IDS[kind]}" type="{kind}"><a:rPr{self.lang}/><a:t>{text(value)}</a:t></a:fld>'
                f'{self._end(None, PLAIN)}</a:p>')

    def _rpr(self, size_pt: float | None, run: Run, emphasis: Emphasis, style: Style) -> str:
        attrs = self.lang
        if size_pt:
            attrs += f' sz="{round(size_pt * 100)}"'
        bold = run.bold or emphasis is Emphasis.STRONG
        if bold:
            attrs += ' b="1"'
        if run.italic:
            attrs += ' i="1"'
        attrs += ' dirty="0"'
        if style.cell_bold and not bold:
            attrs += ' b="1"'
        if emphasis is Emphasis.STRONG:
            fill = self.strong_fill
        elif emphasis is Emphasis.MUTED:
            fill = self.muted_fill
        elif run.color:
            fill = _fill(run.color)
        else:
            fill = _fill(style.color) if style.color else ""
        inner = fill
        if style.cell_color:
            inner = _fill(style.cell_color) + inner
        if run.code:
            inner += self.code_faces
        if run.link:
            inner += f'<a:hlinkClick r:id="{self.link(run.link)}"/>'
        if style.font:
            inner += f'<a:latin typeface="{attr(style.font)}"/>'
        return f"<a:rPr{attrs}>{inner}</a:rPr>" if inner else f"<a:rPr{attrs}/>"

    def _end(self, size_pt: float | None, style: Style) -> str:
        attrs = f'{self.lang} sz="{round(size_pt * 100)}" dirty="0"' if size_pt else f'{self.lang} dirty="0"'
        inner = _fill(style.cell_color) if style.cell_color else _fill(style.color) if style.color else ""
        return f"<a:endParaRPr{attrs}>{inner}</a:endParaRPr>" if inner else f"<a:endParaRPr{attrs}/>"


_BREAK = Run("")


def _no_links(url: str) -> str:
    raise RuntimeError("a hyperlink outside a slide")
