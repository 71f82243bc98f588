"""What a checked template offers, as typed data: its masters and every layout of every master.

Read from the package's XML (no python-pptx): for each layout its placeholders as PowerPoint
identifies them (type and idx with the spec's defaults, obj and 0), each with the box it shows
(its own, else the one it inherits from its master's placeholder of the same kind, as PowerPoint
and python-pptx inherit) and the size and direction of its first text level; for each master its
theme (colours, fonts), colour map, background and text styles. Layouts are known by part name:
two layouts may share a name.
"""

from __future__ import annotations

import io
import zipfile
from functools import lru_cache

from lxml import etree

from ...kinds.base import TemplatePlaceholder
from .info import LayoutInfo, MasterInfo, TemplateInfo, TextLook
from .looks import background, colour_value, fills, look, own_box
from .opc import R_NS, Rel, parse_xml, resolve
from .opc import rels_name as _rels_name
from ...records import replace

__all__ = ["LayoutInfo", "MasterInfo", "TemplateInfo", "TextLook", "family", "read_info"]

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_FAMILY = {"title": "title", "ctrTitle": "title", "vertTitle": "title", "dt": "dt", "ftr": "ftr",
           "sldNum": "sldNum", "hdr": "hdr"}          # everything else inherits from the master's body
DEFAULT_SIZE = 18.0                                  # PowerPoint's size for text no style sizes


def family(kind: str) -> str:
    return _FAMILY.get(kind, "body")


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
    scheme_look = b""
    theme_name = ""
    if theme is not None:
        theme_name = theme.get("name") or ""
        scheme = theme.find(f".//{A}clrScheme")
        for slot in scheme if scheme is not None else ():
            value = colour_value(slot[0]) if len(slot) else None
            if value:
                colors[etree.QName(slot).localname] = value
        major, minor = (theme.find(f".//{A}{tag}/{A}latin") for tag in ("majorFont", "minorFont"))
        fonts = (major.get("typeface") if major is not None else None,
                 minor.get("typeface") if minor is not None else None)
        scheme_look = repr((sorted(colors.items()), fonts)).encode()
    clr_map = root.find(f"{P}clrMap")
    color_map = {str(k): str(v) for k, v in clr_map.attrib.items()} if clr_map is not None else {}
    styles = root.find(f"{P}txStyles")
    title = look(styles.find(f"{P}titleStyle/{A}lvl1pPr") if styles is not None else None)
    body = tuple(look(styles.find(f"{P}bodyStyle/{A}lvl{n}pPr") if styles is not None else None)
                 for n in range(1, 6))
    c_sld = root.find(f"{P}cSld")
    name = c_sld.get("name") if c_sld is not None else None
    shell = MasterInfo(part, name or theme_name, index, colors, fonts, scheme_look, color_map,
                       background(root), title, body, ())
    return replace(shell, placeholders=tuple(_placeholders(root, None, shell)), fills=fills(root))


def _layout(part: str, root: etree._Element, master: MasterInfo, order: int) -> LayoutInfo:
    c_sld = root.find(f"{P}cSld")
    name = " ".join(((c_sld.get("name") if c_sld is not None else None) or "").split())
    placeholders = tuple(_placeholders(root, master, master))
    title_look = TextLook()
    for ph, shape in _placeholder_shapes(root):
        if ph.get("type", "obj") in ("title", "ctrTitle"):
            title_look = look(shape.find(f"{P}txBody/{A}lstStyle/{A}lvl1pPr"))
            break
    painted = (master.fills if root.get("showMasterSp") not in ("0", "false") else ()) + fills(root)
    return LayoutInfo(part, name or part.rsplit("/", 1)[-1], root.get("type") or "cust", master, order,
                      placeholders, background(root), title_look, painted)


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
        box = own_box(shape) or (base.box if base else (0, 0, 0, 0))
        own = look(shape.find(f"{P}txBody/{A}lstStyle/{A}lvl1pPr"))
        style = styles.title if family(kind) == "title" else styles.body[0] if family(kind) == "body" else TextLook()
        size = own.size or (base.size if base else None) or style.size or DEFAULT_SIZE
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


