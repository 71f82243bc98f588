"""What a checked template offers, as typed data: its masters and every layout of every master.

Read from the package's XML (no python-pptx): for each layout its placeholders as PowerPoint
identifies them (type and idx with the spec's defaults, obj and 0), each with the box it shows
(its own, else the one it inherits from its master's placeholder of the same kind, as PowerPoint
and python-pptx inherit) and the size and direction of its first text level; for each master its
theme (colours, fonts), colour map, background and text styles. Layouts are known by part name:
two layouts may share a name.
"""

from __future__ import annotations

import dataclasses
import io
import zipfile
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

from ...kinds.base import TemplatePlaceholder
from ...scene import EmuBox
from .opc import R_NS, Rel, parse_xml, resolve
from .opc import rels_name as _rels_name

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_FAMILY = {"title": "title", "ctrTitle": "title", "vertTitle": "title", "dt": "dt", "ftr": "ftr",
           "sldNum": "sldNum", "hdr": "hdr"}          # everything else inherits from the master's body
DEFAULT_SIZE = 18.0                                  # PowerPoint's size for text no style sizes


def family(kind: str) -> str:
    return _FAMILY.get(kind, "body")


@dataclass(frozen=True)
class TextLook:
    """What a master's text style (or a placeholder's list style) sets for its first level."""

    size: float | None = None
    bold: bool | None = None
    caps: bool | None = None
    color: str | None = None          # a scheme name (tx1, accent2 …) or #RRGGBB


@dataclass(frozen=True)
class MasterInfo:
    part: str
    name: str
    index: int                                        # 1-based, as template check shows it
    colors: dict[str, str]                            # scheme slot → RRGGBB
    fonts: tuple[str | None, str | None]              # major, minor latin typefaces
    look: bytes                                       # colours and fonts, to tell masters apart
    color_map: dict[str, str]                         # bg1 → lt1 …
    background: str | None                            # what is behind text: a scheme name or #RRGGBB
    title: TextLook
    body: tuple[TextLook, ...]                        # the five levels of the body style
    placeholders: tuple[TemplatePlaceholder, ...]
    fills: tuple[tuple[EmuBox, str], ...] = ()        # filled shapes and pictures, bottom first


@dataclass(frozen=True)
class LayoutInfo:
    part: str
    name: str
    type: str                                         # ST_SlideLayoutType ("cust" when absent)
    master: MasterInfo
    order: int                                        # position over all masters
    placeholders: tuple[TemplatePlaceholder, ...]
    background: str | None
    title_look: TextLook                              # the title placeholder's own list style
    fills: tuple[tuple[EmuBox, str], ...] = ()        # the master's (when shown) and its own

    def behind(self, box: EmuBox) -> str | None:
        """What shows behind the middle of ``box``: the topmost filled shape or picture there,
        else the background (a scheme name, #RRGGBB, "picture", or None: the master's)."""
        x, y = box[0] + box[2] // 2, box[1] + box[3] // 2
        for (left, top, width, height), fill in reversed(self.fills):
            if left <= x <= left + width and top <= y <= top + height:
                return fill
        return self.background or self.master.background

    @property
    def vertical(self) -> bool:
        return self.type.startswith("vert")


@dataclass(frozen=True)
class TemplateInfo:
    width: int
    height: int
    masters: tuple[MasterInfo, ...]
    layouts: tuple[LayoutInfo, ...]

    def layout(self, part: str) -> LayoutInfo:
        return next(layout for layout in self.layouts if layout.part == part)


class _Package:
    def __init__(self, data: bytes) -> None:
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.names = {"/" + n.lower(): n for n in self.zip.namelist()}

    def xml(self, part: str) -> etree._Element | None:
        name = self.names.get(part.lower())
        return parse_xml(self.zip.read(name), part, "package") if name else None

    def rels(self, part: str) -> list[Rel]:
        root = self.xml(_rels_name(part))
        out = []
        for element in root if root is not None else ():
            if element.get("TargetMode") == "External":
                continue
            out.append(Rel(str(element.get("Id")), str(element.get("Type")),
                           resolve(part, str(element.get("Target")))))
        return out


@lru_cache(maxsize=16)
def read_info(data: bytes) -> TemplateInfo:
    """The template's masters and layouts (``data``: a package checked by package_check, or a
    template slidegen compiled)."""
    package = _Package(data)
    presentation_rels = package.rels("/ppt/presentation.xml")
    root = package.xml("/ppt/presentation.xml")
    assert root is not None
    size = root.find(f"{P}sldSz")
    width, height = (int(size.get("cx", "0")), int(size.get("cy", "0"))) if size is not None else (0, 0)
    by_id = {r.rid: r for r in presentation_rels}
    masters: list[MasterInfo] = []
    layouts: list[LayoutInfo] = []
    for entry in root.iterfind(f"{P}sldMasterIdLst/{P}sldMasterId"):
        rel = by_id.get(entry.get(f"{{{R_NS}}}id") or "")
        element = package.xml(rel.target) if rel else None
        if rel is None or element is None:
            continue
        master_rels = package.rels(rel.target)
        master = _master(package, rel.target, element, master_rels, len(masters) + 1)
        masters.append(master)
        rel_by_id = {r.rid: r for r in master_rels}
        for layout_entry in element.iterfind(f"{P}sldLayoutIdLst/{P}sldLayoutId"):
            layout_rel = rel_by_id.get(layout_entry.get(f"{{{R_NS}}}id") or "")
            layout = package.xml(layout_rel.target) if layout_rel else None
            if layout_rel is not None and layout is not None:
                layouts.append(_layout(layout_rel.target, layout, master, len(layouts)))
    return TemplateInfo(width, height, tuple(masters), tuple(layouts))


def _master(package: _Package, part: str, root: etree._Element, rels: list[Rel], index: int) -> MasterInfo:
    theme = next((package.xml(r.target) for r in rels if r.type == _RT + "theme"), None)
    colors: dict[str, str] = {}
    fonts: tuple[str | None, str | None] = (None, None)
    look = b""
    theme_name = ""
    if theme is not None:
        theme_name = theme.get("name") or ""
        scheme = theme.find(f".//{A}clrScheme")
        for slot in scheme if scheme is not None else ():
            value = _colour_value(slot[0]) if len(slot) else None
            if value:
                colors[etree.QName(slot).localname] = value
        major, minor = (theme.find(f".//{A}{tag}/{A}latin") for tag in ("majorFont", "minorFont"))
        fonts = (major.get("typeface") if major is not None else None,
                 minor.get("typeface") if minor is not None else None)
        look = repr((sorted(colors.items()), fonts)).encode()
    clr_map = root.find(f"{P}clrMap")
    color_map = {str(k): str(v) for k, v in clr_map.attrib.items()} if clr_map is not None else {}
    styles = root.find(f"{P}txStyles")
    title = _look(styles.find(f"{P}titleStyle/{A}lvl1pPr") if styles is not None else None)
    body = tuple(_look(styles.find(f"{P}bodyStyle/{A}lvl{n}pPr") if styles is not None else None)
                 for n in range(1, 6))
    c_sld = root.find(f"{P}cSld")
    name = c_sld.get("name") if c_sld is not None else None
    shell = MasterInfo(part, name or theme_name, index, colors, fonts, look, color_map,
                       _background(root), title, body, ())
    return dataclasses.replace(shell, placeholders=tuple(_placeholders(root, None, shell)), fills=_fills(root))


def _layout(part: str, root: etree._Element, master: MasterInfo, order: int) -> LayoutInfo:
    c_sld = root.find(f"{P}cSld")
    name = " ".join(((c_sld.get("name") if c_sld is not None else None) or "").split())
    placeholders = tuple(_placeholders(root, master, master))
    title_look = TextLook()
    for ph, shape in _placeholder_shapes(root):
        if ph.get("type", "obj") in ("title", "ctrTitle"):
            title_look = _look(shape.find(f"{P}txBody/{A}lstStyle/{A}lvl1pPr"))
            break
    fills = (master.fills if root.get("showMasterSp") not in ("0", "false") else ()) + _fills(root)
    return LayoutInfo(part, name or part.rsplit("/", 1)[-1], root.get("type") or "cust", master, order,
                      placeholders, _background(root), title_look, fills)


def _fills(root: etree._Element) -> tuple[tuple[EmuBox, str], ...]:
    """Shapes (not placeholders) that paint an area: a fill colour, or a picture."""
    tree = root.find(f"{P}cSld/{P}spTree")
    out = []
    for shape in tree if tree is not None else ():
        if shape.find(f"*/{P}nvPr/{P}ph") is not None:
            continue
        box = _own_box(shape)
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
    return (_colour_ref(fill[0]) or "picture") if len(fill) else None


def _placeholder_shapes(root: etree._Element) -> list[tuple[etree._Element, etree._Element]]:
    tree = root.find(f"{P}cSld/{P}spTree")
    found = []
    for shape in tree if tree is not None else ():
        ph = shape.find(f"*/{P}nvPr/{P}ph")
        if ph is not None:
            found.append((ph, shape))
    return found


def _placeholders(root: etree._Element, master: MasterInfo | None, styles: MasterInfo) -> list[TemplatePlaceholder]:
    out = []
    for ph, shape in _placeholder_shapes(root):
        kind = ph.get("type", "obj")
        raw = ph.get("idx", "0")
        idx = int(raw) if raw.isdigit() else 0
        base = next((p for p in master.placeholders if family(p.type) == family(kind)), None) if master else None
        box = _own_box(shape) or (base.box if base else (0, 0, 0, 0))
        look = _look(shape.find(f"{P}txBody/{A}lstStyle/{A}lvl1pPr"))
        style = styles.title if family(kind) == "title" else styles.body[0] if family(kind) == "body" else TextLook()
        size = look.size or (base.size if base else None) or style.size or DEFAULT_SIZE
        body_pr = shape.find(f"{P}txBody/{A}bodyPr")
        direction = body_pr.get("vert") if body_pr is not None else None
        vertical = direction not in (None, "horz") if direction is not None else bool(base and base.vertical)
        insets = tuple(_inset(body_pr, name, (base.insets[n] if base else default))
                       for n, (name, default) in enumerate(_INSETS))
        out.append(TemplatePlaceholder(kind, idx, box, size, vertical, (insets[0], insets[1], insets[2], insets[3])))
    return out


#: a:bodyPr's insets and their defaults (0.1 in left and right, 0.05 in top and bottom), EMU.
_INSETS = (("lIns", 91440), ("rIns", 91440), ("tIns", 45720), ("bIns", 45720))


def _inset(body_pr: etree._Element | None, name: str, inherited: int) -> int:
    value = body_pr.get(name) if body_pr is not None else None
    return int(value) if value is not None and value.isdigit() else inherited


def _own_box(shape: etree._Element) -> EmuBox | None:
    xfrm = shape.find(f"{P}xfrm") if shape.tag == f"{P}graphicFrame" else shape.find(f"{P}spPr/{A}xfrm")
    off = xfrm.find(f"{A}off") if xfrm is not None else None
    ext = xfrm.find(f"{A}ext") if xfrm is not None else None
    if off is None or ext is None:
        return None
    try:
        return (int(off.get("x", "")), int(off.get("y", "")), int(ext.get("cx", "")), int(ext.get("cy", "")))
    except ValueError:
        return None


def _look(level: etree._Element | None) -> TextLook:
    props = level.find(f"{A}defRPr") if level is not None else None
    if props is None:
        return TextLook()
    size, bold, cap = props.get("sz"), props.get("b"), props.get("cap")
    fill = props.find(f"{A}solidFill")
    return TextLook(int(size) / 100 if size and size.isdigit() and int(size) > 0 else None,
                    bold in ("1", "true") if bold is not None else None,
                    cap == "all" if cap is not None else None,
                    _colour_ref(fill[0]) if fill is not None and len(fill) else None)


def _background(root: etree._Element) -> str | None:
    bg = root.find(f"{P}cSld/{P}bg")
    if bg is None:
        return None
    ref = bg.find(f"{P}bgRef")
    if ref is not None:
        return _colour_ref(ref[0]) if len(ref) else None
    props = bg.find(f"{P}bgPr")
    fill = props[0] if props is not None and len(props) else None
    return _fill_colour(fill) if fill is not None else None


def _colour_ref(element: etree._Element) -> str | None:
    """A colour as a scheme name or #RRGGBB; None when a modifier (shade, tint, lumMod …) changes
    it, since only a colour known for sure may be judged."""
    if any(etree.QName(m).localname != "alpha" for m in element):
        return None
    if element.tag == f"{A}schemeClr":
        return element.get("val")
    value = _colour_value(element)
    return f"#{value}" if value else None


_PRESET = {"white": "FFFFFF", "black": "000000"}


def _colour_value(element: etree._Element) -> str | None:
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
