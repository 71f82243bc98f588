"""The slide master and one layout per slide kind, generated from a theme."""

from __future__ import annotations

from dataclasses import dataclass

from ...theme.grid import PHOTO_COUNTS, photo_cells
from ...theme.model import Box, LayoutGeometry, Theme
from . import layouts as names
from .shapes import NS, Level, background, emu, picture, placeholder, rectangle, sp_tree

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


def _footer_shapes(theme: Theme, first_id: int, color: str | None = None) -> list[str]:
    f = theme.footer
    colour = color or f.color
    return [
        placeholder(first_id, "Date Placeholder", f'type="dt" sz="half" idx="{names.IDX_DATE}"', f.date, theme,
                    levels=[plain_level(f.size, colour, align="l")], anchor="ctr"),
        placeholder(first_id + 1, "Footer Placeholder", f'type="ftr" sz="quarter" idx="{names.IDX_FOOTER}"',
                    f.text, theme, levels=[plain_level(f.size, colour, align="ctr")], anchor="ctr"),
        placeholder(first_id + 2, "Slide Number Placeholder", f'type="sldNum" sz="quarter" idx="{names.IDX_SLIDE_NUMBER}"',
                    f.number, theme, levels=[plain_level(f.size, colour, align="r")], anchor="ctr"),
    ]


def master_xml(theme: Theme, layout_rel_ids: list[str], logo: tuple[str, Box] | None = None) -> str:
    """The slide master; ``logo`` is (relationship id, box) of the theme's logo picture."""
    bullets = theme.layouts.bullets
    shapes = [rectangle(2 + n, f"Decoration {n + 1}", d.box, d.fill) for n, d in enumerate(theme.decorations)]
    if logo is not None:
        shapes.append(picture(2 + len(shapes), "Logo", logo[1], logo[0]))
    next_id = 2 + len(shapes)
    shapes.append(placeholder(next_id, "Title Placeholder", 'type="title"', bullets.title, theme,
                              anchor=theme.title.anchor, text="Title"))
    shapes.append(placeholder(next_id + 1, "Text Placeholder", f'type="body" idx="{names.IDX_BODY}"', bullets.body,
                              theme, anchor="t", text="Text"))
    shapes += _footer_shapes(theme, next_id + 2)
    body = "".join(level.xml(n) for n, level in enumerate(body_levels(theme), start=1))
    other = Level(size=theme.body.sizes[1], color="tx1", font=MINOR).xml(1)
    ids = "".join(f'<p:sldLayoutId id="{2147483649 + n}" r:id="{rid}"/>' for n, rid in enumerate(layout_rel_ids))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:sldMaster {NS}>'
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


@dataclass(frozen=True)
class LayoutSpec:
    kind: str            # key in theme.layouts
    name: str
    type: str
    photos: int = 0


def layout_specs() -> list[LayoutSpec]:
    specs = []
    for kind, name in names.LAYOUT_NAMES.items():
        specs.append(LayoutSpec(kind, name, names.LAYOUT_TYPES[kind]))
        if kind == "image":
            specs += [LayoutSpec("photos", names.PHOTO_LAYOUTS[n], "cust", n) for n in PHOTO_COUNTS]
    return specs


def layout_xml(theme: Theme, spec: LayoutSpec) -> str:
    g: LayoutGeometry = getattr(theme.layouts, spec.kind)
    sizes = theme.sizes
    color = g.body_color or theme.body.color
    shapes = [rectangle(2 + n, f"Decoration {n + 1}", d.box, d.fill) for n, d in enumerate(g.decorations)]
    next_id = [2 + len(shapes)]

    def add(name: str, ph: str, box, levels=(), anchor=None) -> None:
        if box is not None:
            shapes.append(placeholder(next_id[0], name, ph, box, theme, levels=list(levels), anchor=anchor))
            next_id[0] += 1

    title_style = g.title_style or theme.title
    title_type = "ctrTitle" if spec.kind in ("title", "closing") else "title"
    add("Title 1", f'type="{title_type}"', g.title, [_title_level(theme, g)], title_style.anchor)
    plain = lambda size, **kw: [plain_level(size, color, **kw)]  # noqa: E731 - local shorthand
    kind = spec.kind
    if kind in ("title", "closing"):
        add("Subtitle 2", f'type="subTitle" idx="{names.IDX_SUBTITLE}"', g.subtitle, plain(sizes.subtitle), "t")
        add("Text 3", f'type="body" idx="{names.IDX_META}"', g.meta, plain(sizes.meta), "t")
    elif kind == "section":
        add("Text 2", f'type="body" idx="{names.IDX_SUBTITLE}"', g.subtitle, plain(sizes.section_label, bold=True), "b")
    elif kind in ("agenda", "bullets"):
        add("Content 2", f'idx="{names.IDX_BODY}"', g.body, body_levels(theme, g.body_color), "t")
    elif kind == "columns":
        add("Content 2", f'sz="half" idx="{names.IDX_LEFT}"', g.left, body_levels(theme, g.body_color), "t")
        add("Content 3", f'sz="half" idx="{names.IDX_RIGHT}"', g.right, body_levels(theme, g.body_color), "t")
    elif kind == "comparison":
        heading = plain(sizes.heading, bold=True)
        add("Text 2", f'type="body" sz="half" idx="{names.IDX_CMP_LEFT_HEAD}"', g.left_heading, heading, "b")
        add("Content 3", f'sz="half" idx="{names.IDX_CMP_LEFT}"', g.left, body_levels(theme, g.body_color), "t")
        add("Text 4", f'type="body" sz="half" idx="{names.IDX_CMP_RIGHT_HEAD}"', g.right_heading, heading, "b")
        add("Content 5", f'sz="half" idx="{names.IDX_CMP_RIGHT}"', g.right, body_levels(theme, g.body_color), "t")
    elif kind == "table":
        add("Table 2", f'type="tbl" idx="{names.IDX_TABLE}"', g.content)
    elif kind == "image":
        add("Picture 2", f'type="pic" idx="{names.IDX_PICTURE}"', g.picture)
        add("Text 3", f'type="body" idx="{names.IDX_CAPTION}"', g.caption, plain(sizes.caption, align="ctr"), "t")
    elif kind == "photos" and g.content is not None:
        for n, (picture, caption) in enumerate(photo_cells(g.content, spec.photos), start=1):
            add(f"Picture {n}", f'type="pic" idx="{names.PHOTO_PIC_BASE + n}"', picture)
            add(f"Caption {n}", f'type="body" idx="{names.PHOTO_CAPTION_BASE + n}"', caption,
                plain(sizes.caption, align="ctr"), "t")
    elif kind == "quote":
        add("Quote 2", f'type="body" idx="{names.IDX_QUOTE}"', g.body, plain(sizes.quote, italic=True), "ctr")
        add("Text 3", f'type="body" idx="{names.IDX_ATTRIBUTION}"', g.meta, plain(sizes.attribution, align="r"), "t")
    if g.footers:
        shapes += _footer_shapes(theme, next_id[0])
    own_background = background(g.background) if g.background else ""
    show_master = ' showMasterSp="0"' if g.background else ""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<p:sldLayout {NS} type="{spec.type}" preserve="1"{show_master}>'
            f'<p:cSld name="{spec.name}">{own_background}{sp_tree(shapes)}</p:cSld>'
            "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>")


