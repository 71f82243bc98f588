"""What a template's text styles and fills look like: sizes, weight, capitals and colours.

Colours are kept as the template writes them (a scheme name such as tx1 or accent2, or #RRGGBB)
and only when known for sure: a colour changed by shade, tint or a luminance modifier, a
gradient, a picture or a pattern is "picture", and nothing is claimed about text on it.
"""

from __future__ import annotations


from lxml import etree

from ...scene import EmuBox
from .info import TextLook

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def own_box(shape: etree._Element) -> EmuBox | None:
    """The shape's own offset and extent, or None when (any of) it is inherited."""
    xfrm = shape.find(f"{P}xfrm") if shape.tag == f"{P}graphicFrame" else shape.find(f"{P}spPr/{A}xfrm")
    off = xfrm.find(f"{A}off") if xfrm is not None else None
    ext = xfrm.find(f"{A}ext") if xfrm is not None else None
    if off is None or ext is None:
        return None
    try:
        return (int(off.get("x", "")), int(off.get("y", "")), int(ext.get("cx", "")), int(ext.get("cy", "")))
    except ValueError:
        return None


def look(level: etree._Element | None) -> TextLook:
    """What a text style level (a:lvl1pPr …) sets."""
    props = level.find(f"{A}defRPr") if level is not None else None
    if props is None:
        return TextLook()
    size, bold, cap = props.get("sz"), props.get("b"), props.get("cap")
    fill = props.find(f"{A}solidFill")
    return TextLook(int(size) / 100 if size and size.isdigit() and int(size) > 0 else None,
                    bold in ("1", "true") if bold is not None else None,
                    cap == "all" if cap is not None else None,
                    colour_ref(fill[0]) if fill is not None and len(fill) else None)


def background(root: etree._Element) -> str | None:
    """A master's or layout's own background (None when it has none)."""
    bg = root.find(f"{P}cSld/{P}bg")
    if bg is None:
        return None
    ref = bg.find(f"{P}bgRef")
    if ref is not None:
        return colour_ref(ref[0]) if len(ref) else None
    props = bg.find(f"{P}bgPr")
    fill = props[0] if props is not None and len(props) else None
    return _fill_colour(fill) if fill is not None else None


def colour_ref(element: etree._Element) -> str | None:
    """A colour as a scheme name or #RRGGBB; None when a modifier (shade, tint, lumMod …) changes
    it, since only a colour known for sure may be judged."""
    if any(etree.QName(m).localname != "alpha" for m in element):
        return None
    if element.tag == f"{A}schemeClr":
        return element.get("val")
    value = colour_value(element)
    return f"#{value}" if value else None


_PRESET = {"white": "FFFFFF", "black": "000000"}


def colour_value(element: etree._Element) -> str | None:
    if element.tag == f"{A}srgbClr":
        value = element.get("val")
    elif element.tag == f"{A}sysClr":
        value = element.get("lastClr") or {"window": "FFFFFF", "windowText": "000000"}.get(element.get("val", ""))
    elif element.tag == f"{A}prstClr":
        value = _PRESET.get(element.get("val", ""))
    else:
        return None
    if value and len(value) == 6 and all(c in "0123456789ABCDEFabcdef" for c in value):
        return value.upper()
    return None


def fills(root: etree._Element) -> tuple[tuple[EmuBox, str], ...]:
    """Shapes (not placeholders) that paint an area: a fill colour, or a picture."""
    tree = root.find(f"{P}cSld/{P}spTree")
    out = []
    for shape in tree if tree is not None else ():
        if shape.find(f"*/{P}nvPr/{P}ph") is not None:
            continue
        box = own_box(shape)
        if box is None or box[2] <= 0 or box[3] <= 0:
            continue
        if shape.tag == f"{P}pic":
            out.append((box, "picture"))
            continue
        if shape.tag != f"{P}sp":
            continue
        props = shape.find(f"{P}spPr")
        fill = next((c for c in (props if props is not None else ()) if c.tag in _FILLS), None)
        if fill is None:                      # the shape's style fill, as PowerPoint's shapes have
            ref = shape.find(f"{P}style/{A}fillRef")
            fill = ref if ref is not None and ref.get("idx") not in (None, "0") else None
        colour = _fill_colour(fill) if fill is not None else None
        if colour is not None:
            out.append((box, colour))
    return tuple(out)


_FILLS = (f"{A}solidFill", f"{A}gradFill", f"{A}blipFill", f"{A}pattFill", f"{A}noFill", f"{A}grpFill")


def _fill_colour(fill: etree._Element) -> str | None:
    """A fill's colour; "picture" for what has no one colour (pictures, patterns, gradients, a
    colour changed by shade or tint): nothing is claimed about text on those."""
    if fill.tag in (f"{A}noFill", f"{A}grpFill"):
        return None
    if fill.tag in (f"{A}blipFill", f"{A}pattFill", f"{A}gradFill"):
        return "picture"
    return (colour_ref(fill[0]) or "picture") if len(fill) else None
