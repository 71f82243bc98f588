"""DrawingML building blocks for masters and layouts: placeholders, rectangles, text styles.

Everything is written with scheme colours (``a:schemeClr``) and theme fonts (``+mj-lt``/``+mn-lt``)
so that changing the theme in PowerPoint restyles the whole deck.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...records import record
from ...theme.model import Box, Theme
from ..direct.text import FIELD_IDS
from ..direct.xml import attr, element
from ..direct.xml import text as escape


def quoted(value: str) -> str:
    """An attribute value in double quotes, escaped as lxml writes it (the parts python-pptx
    re-serialises come out unchanged, so the direct writer can copy them)."""
    return f'"{attr(value)}"'

EMU_PER_INCH = 914400
NS = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"')


def emu(inches: float) -> int:
    return int(round(inches * EMU_PER_INCH))


def xfrm(box: Box) -> str:
    x, y, w, h = (emu(v) for v in box)
    return f'<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'


def scheme(color: str, mods: str = "") -> str:
    return f'<a:solidFill>{element("a:schemeClr", f" val={quoted(color)}", mods)}</a:solidFill>'


@record
class Level:
    """One level of a text style (a:lvlNpPr)."""

    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    color: str | None = None
    font: str | None = None          # "+mj-lt" or "+mn-lt"
    align: str | None = None
    margin: int | None = None        # marL, EMU
    indent: int | None = None        # indent (negative: hanging), EMU
    line_spacing: float | None = None
    space_before: float | None = None
    bullet: str | None = None        # a character, "" for none, None to inherit
    bullet_color: str | None = None

    def xml(self, n: int) -> str:
        attrs = ""
        if self.margin is not None:
            attrs += f' marL="{self.margin}"'
        if self.indent is not None:
            attrs += f' indent="{self.indent}"'
        if self.align:
            attrs += f' algn="{self.align}"'
        inner = ""
        if self.line_spacing is not None:
            inner += f'<a:lnSpc><a:spcPct val="{round(self.line_spacing * 100000)}"/></a:lnSpc>'
        if self.space_before is not None:
            inner += f'<a:spcBef><a:spcPts val="{round(self.space_before * 100)}"/></a:spcBef>'
        if self.bullet:
            if self.bullet_color:
                inner += f'<a:buClr><a:schemeClr val="{self.bullet_color}"/></a:buClr>'
            inner += f'<a:buFont typeface="Arial"/><a:buChar char={quoted(self.bullet)}/>'
        elif self.bullet == "":
            inner += "<a:buNone/>"
        rpr = ""
        if self.size is not None:
            rpr += f' sz="{round(self.size * 100)}"'
        if self.bold is not None:
            rpr += f' b="{int(self.bold)}"'
        if self.italic is not None:
            rpr += f' i="{int(self.italic)}"'
        run = scheme(self.color) if self.color else ""
        if self.font:
            run += f'<a:latin typeface="{self.font}"/><a:ea typeface="{self.font.replace("lt", "ea")}"/>' \
                   f'<a:cs typeface="{self.font.replace("lt", "cs")}"/>'
        inner += element("a:defRPr", rpr, run) if (rpr or run) else ""
        return element(f"a:lvl{n}pPr", attrs, inner)


def list_style(levels: list[Level]) -> str:
    return element("a:lstStyle", "", "".join(level.xml(n) for n, level in enumerate(levels, start=1)))


def body_pr(theme: Theme, anchor: str | None = None) -> str:
    i = theme.insets
    anchor_attr = f' anchor="{anchor}"' if anchor else ""
    return (f'<a:bodyPr lIns="{emu(i.left)}" tIns="{emu(i.top)}" rIns="{emu(i.right)}" bIns="{emu(i.bottom)}" '
            f'wrap="square" rtlCol="0"{anchor_attr}><a:noAutofit/></a:bodyPr>')


def placeholder(shape_id: int, name: str, ph: str, box: Box | None, theme: Theme, *, levels: Sequence[Level] = (),
                anchor: str | None = None, text: str = "", field: tuple[str, str] | None = None) -> str:
    """A placeholder ``p:sp``; ``ph`` holds the ``p:ph`` attributes, e.g. 'type="body" idx="1"'.
    ``field`` is (type, shown text) of the field it holds, as PowerPoint's masters and layouts
    hold their slide number and date: LibreOffice draws a slide's number from that field."""
    geometry = xfrm(box) if box else ""
    if field is not None:
        kind, shown = field
        paragraph = (f'<a:p><a:fld id="{FIELD_IDS[kind]}" type="{kind}"><a:rPr lang="en-US"/><a:t>{escape(shown)}'
                     '</a:t></a:fld><a:endParaRPr lang="en-US"/></a:p>')
    elif text:
        paragraph = f"<a:p><a:r><a:rPr lang=\"en-US\"/><a:t>{escape(text)}</a:t></a:r></a:p>"
    else:
        paragraph = '<a:p><a:endParaRPr lang="en-US"/></a:p>'
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name={quoted(name)}/>'
            f'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph {ph}/></p:nvPr></p:nvSpPr>'
            f"{element('p:spPr', '', geometry)}"
            f"<p:txBody>{body_pr(theme, anchor)}{list_style(list(levels))}{paragraph}</p:txBody></p:sp>")


def rectangle(shape_id: int, name: str, box: Box, fill: str) -> str:
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name={quoted(name)}/><p:cNvSpPr/>'
            f'<p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>{xfrm(box)}<a:prstGeom prst="rect"><a:avLst/>'
            f'</a:prstGeom>{scheme(fill)}<a:ln><a:noFill/></a:ln></p:spPr></p:sp>')


def sp_tree(shapes: list[str]) -> str:
    return ('<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
            '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/>'
            '<a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>' + "".join(shapes) + "</p:spTree>")


def background(color: str) -> str:
    return f"<p:bg><p:bgPr>{scheme(color)}<a:effectLst/></p:bgPr></p:bg>"


def picture(shape_id: int, name: str, box: Box, rel_id: str) -> str:
    """A picture (``p:pic``) drawn on a master, e.g. the organisation's logo."""
    return (f'<p:pic><p:nvPicPr><p:cNvPr id="{shape_id}" name={quoted(name)} descr={quoted(name)}/>'
            '<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr userDrawn="1"/></p:nvPicPr>'
            f'<p:blipFill><a:blip r:embed="{rel_id}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
            f'<p:spPr>{xfrm(box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>')
