"""The slide master and one layout per slide kind, generated from a theme."""

from __future__ import annotations

from ...kinds.base import BodyLevels, LayoutDef, PlaceholderDef, Plain
from ...theme.model import Box, LayoutGeometry, Theme
from ..direct.xml import DECLARATION
from .shapes import NS, Level, background, emu, picture, placeholder, quoted, rectangle, sp_tree

#: The idx of the master's placeholders that layouts and slides inherit from.
IDX_BODY, IDX_DATE, IDX_FOOTER, IDX_SLIDE_NUMBER = 1, 10, 11, 12

MAJOR, MINOR = "+mj-lt", "+mn-lt"


def _title_level(theme: Theme, geometry: LayoutGeometry | None = None) -> Level:
    style = (geometry.title_style if geometry else None) or theme.title
    return Level(size=style.size, bold=style.bold, color=style.color, font=MAJOR, align=style.align)


def body_levels(theme: Theme, color: str | None = None) -> list[Level]:
    body = theme.body
    levels = []
    for n in range(5):
        hanging = emu(body.hanging)
        levels.append(Level(size=body.sizes[n], color=color or body.color, font=MINOR,
                            margin=n * emu(body.indent) + hanging, indent=-hanging,
                            line_spacing=body.line_spacing, space_before=body.space_before[n],
                            bullet=body.bullets[n], bullet_color=body.bullet_color))
    return levels


def plain_level(size: float, color: str, *, bold: bool = False, italic: bool = False, align: str | None = None,
                font: str = MINOR, line_spacing: float | None = None) -> Level:
    return Level(size=size, bold=bold, italic=italic, color=color, font=font, align=align, margin=0, indent=0,
                 bullet="", line_spacing=line_spacing, space_before=0)


#: What the master's and layouts' fields show until a slide is drawn: PowerPoint's own "‹#›" for
#: the number (LibreOffice draws a slide's number from the layout's field, and only from a field
#: with text) and a placeholder date. Slides hold their own date as plain text, never a date
#: field: a field on a slide would show today's date in LibreOffice, not the deck's.
SLIDE_NUMBER_FIELD = ("slidenum", "\u2039#\u203a")
DATE_FIELD = ("datetime1", "1/1/2000")


def _footer_shapes(theme: Theme, first_id: int, color: str | None = None) -> list[str]:
    f = theme.footer
    colour = color or f.color
    return [
        placeholder(first_id, "Date Placeholder", f'type="dt" sz="half" idx="{IDX_DATE}"', f.date, theme,
                    levels=[plain_level(f.size, colour, align="l")], anchor="ctr", field=DATE_FIELD),
        placeholder(first_id + 1, "Footer Placeholder", f'type="ftr" sz="quarter" idx="{IDX_FOOTER}"',
                    f.text, theme, levels=[plain_level(f.size, colour, align="ctr")], anchor="ctr"),
        placeholder(first_id + 2, "Slide Number Placeholder", f'type="sldNum" sz="quarter" idx="{IDX_SLIDE_NUMBER}"',
                    f.number, theme, levels=[plain_level(f.size, colour, align="r")], anchor="ctr",
                    field=SLIDE_NUMBER_FIELD),
    ]


def master_xml(theme: Theme, layout_rel_ids: list[str], logo: tuple[str, Box] | None = None) -> str:
    """The slide master; ``logo`` is (relationship id, box) of the theme's logo picture."""
    bullets = theme.layouts["bullets"]
    shapes = [rectangle(2 + n, f"Decoration {n + 1}", d.box, d.fill) for n, d in enumerate(theme.decorations)]
    if logo is not None:
        shapes.append(picture(2 + len(shapes), "Logo", logo[1], logo[0]))
    next_id = 2 + len(shapes)
    shapes.append(placeholder(next_id, "Title Placeholder", 'type="title"', bullets.title, theme,
                              anchor=theme.title.anchor, text="Title"))
    shapes.append(placeholder(next_id + 1, "Text Placeholder", f'type="body" idx="{IDX_BODY}"', bullets.body,
                              theme, anchor="t", text="Text"))
    shapes += _footer_shapes(theme, next_id + 2)
    body = "".join(level.xml(n) for n, level in enumerate(body_levels(theme), start=1))
    other = Level(size=theme.body.sizes[1], color="tx1", font=MINOR).xml(1)
    ids = "".join(f'<p:sldLayoutId id="{2147483649 + n}" r:id="{rid}"/>' for n, rid in enumerate(layout_rel_ids))
    return (f'{DECLARATION}<p:sldMaster {NS}>'
            f"<p:cSld>{background(theme.background)}{sp_tree(shapes)}</p:cSld>"
            f'<p:clrMap {_clr_map(theme)} accent1="accent1" accent2="accent2" '
            'accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" '
            'folHlink="folHlink"/>'
            f"<p:sldLayoutIdLst>{ids}</p:sldLayoutIdLst>"
            f"<p:txStyles><p:titleStyle>{_title_level(theme).xml(1)}</p:titleStyle>"
            f"<p:bodyStyle>{body}</p:bodyStyle><p:otherStyle>{other}</p:otherStyle></p:txStyles>"
            "</p:sldMaster>")


def _clr_map(theme: Theme) -> str:
    return " ".join(f'{name}="{slot}"' for name, slot in theme.color_map().items())


def _levels(theme: Theme, g: LayoutGeometry, style: BodyLevels | Plain | None) -> list[Level]:
    color = g.body_color or theme.body.color
    if isinstance(style, BodyLevels):
        return body_levels(theme, g.body_color)
    if isinstance(style, Plain):
        return [plain_level(style.size, color, bold=style.bold, italic=style.italic, align=style.align)]
    return []


def _ph_attributes(ph: PlaceholderDef) -> str:
    parts = [f'type="{ph.type}"'] if ph.type else []
    if ph.size:
        parts.append(f'sz="{ph.size}"')
    parts.append(f'idx="{ph.idx}"')
    return " ".join(parts)


def layout_xml(theme: Theme, layout: LayoutDef) -> str:
    g = theme.layouts[layout.geometry]
    shapes = [rectangle(2 + n, f"Decoration {n + 1}", d.box, d.fill) for n, d in enumerate(g.decorations)]
    next_id = 2 + len(shapes)

    def add(name: str, ph: str, box: Box | None, levels: list[Level], anchor: str | None) -> None:
        nonlocal next_id
        if box is not None:
            shapes.append(placeholder(next_id, name, ph, box, theme, levels=levels, anchor=anchor))
            next_id += 1

    title_style = g.title_style or theme.title
    add("Title 1", f'type="{layout.title_type}"', g.title, [_title_level(theme, g)], title_style.anchor)
    for ph in layout.placeholders(theme, g):
        add(ph.name, _ph_attributes(ph), ph.box, _levels(theme, g, ph.style), ph.anchor)
    if g.footers:
        shapes += _footer_shapes(theme, next_id)
    own_background = background(g.background) if g.background else ""
    show_master = ' showMasterSp="0"' if g.background else ""
    return (f'{DECLARATION}<p:sldLayout {NS} type="{layout.type}" preserve="1"{show_master}>'
            f'<p:cSld name={quoted(layout.name)}>{own_background}{sp_tree(shapes)}</p:cSld>'
            "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>")
