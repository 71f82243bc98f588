"""A compiled template as the direct writer uses it: parts to copy, layouts, their placeholders.

The layouts are read from the parts themselves (with :mod:`.dom`), the way python-pptx reads them
when it clones a layout's placeholders onto a slide: placeholders in document order with their
type, orientation, size and idx (python-pptx's defaults obj, horz, full, 0), and the box each
has or inherits from the master placeholder of its base type.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache
from typing import TYPE_CHECKING

from ...kinds.base import TemplatePlaceholder
from ...records import record
from ..template.info import LayoutInfo, MasterInfo, TemplateInfo, TextLook
from ..template.package import rel_type, template_parts
from . import dom
from .archive import Relationship

if TYPE_CHECKING:
    from ...theme.model import Theme

_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_SLIDE = _RT + "slide"
RT_SLIDE_LAYOUT = _RT + "slideLayout"
RT_NOTES_SLIDE = _RT + "notesSlide"
RT_NOTES_MASTER = _RT + "notesMaster"
RT_HYPERLINK = _RT + "hyperlink"
_RT_MASTER = _RT + "slideMaster"
_RT_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_RT_OFFICE = _RT + "officeDocument"

#: The shape elements a shape tree holds (python-pptx's iter_shape_elms).
_SHAPES = frozenset({"p:sp", "p:grpSp", "p:graphicFrame", "p:cxnSp", "p:pic", "p:contentPart"})
#: The master placeholder type a layout placeholder inherits its box from (python-pptx).
_BASE_TYPE = {"body": "body", "chart": "body", "clipArt": "body", "ctrTitle": "title", "dgm": "body", "dt": "dt",
              "ftr": "ftr", "media": "body", "obj": "body", "pic": "body", "sldNum": "sldNum",
              "subTitle": "body", "tbl": "body", "title": "title"}


@record
class Placeholder:
    """A placeholder of a layout or master, as python-pptx reads it to clone it."""

    tag: str
    type: str
    orient: str
    size: str
    idx: int
    box: tuple[int | None, int | None, int | None, int | None]   # left, top, width, height


@record
class Layout:
    """A slide layout of the template: its part, name, type, master and placeholders."""

    partname: str
    placeholders: tuple[Placeholder, ...]
    name: str = ""
    type: str = "cust"                   # ST_SlideLayoutType ("cust" when absent)
    master: int = 1                      # 1-based, in the presentation's order


@record
class Part:
    """One part of the template package with its content type and relationships."""

    partname: str                         # "/ppt/presentation.xml"
    blob: bytes
    content_type: str
    rels: tuple[Relationship, ...]        # internal targets as absolute part names


@record
class Template:
    """A template as the direct writer copies it: parts, layouts, notes placeholders."""

    parts: dict[str, Part]                # by part name
    package_rels: tuple[Relationship, ...]
    layouts: dict[str, Layout]            # every master's, in order, by part name (names repeat)
    notes_placeholders: tuple[Placeholder, ...]
    presentation: str                     # part names of the presentation, notes master, core properties
    notes_master: str | None
    core: str | None
    size: tuple[int, int] = (0, 0)        # the slide's width and height (EMU)
    masters: tuple[tuple[str, str], ...] = ()   # part name and name of each master


def _absolute(target: str, base: str) -> str:
    return posixpath.normpath(posixpath.join(base, target))


def _coordinate(value: str | None) -> int | None:
    if value is None:
        return None
    if not value.lstrip("-").isdigit():
        raise dom.Unsupported(f"a coordinate written as {value!r}")
    return int(value)


def _own_box(element: dom.Node) -> tuple[int | None, int | None, int | None, int | None]:
    if element.tag == "p:graphicFrame":
        xfrm = element.find("p:xfrm")
    else:
        sp_pr = element.find("p:spPr")
        xfrm = sp_pr.find("a:xfrm") if sp_pr is not None else None
    off = xfrm.find("a:off") if xfrm is not None else None
    ext = xfrm.find("a:ext") if xfrm is not None else None
    return (_coordinate(off.get("x")) if off is not None else None, _coordinate(off.get("y")) if off is not None else None,
            _coordinate(ext.get("cx")) if ext is not None else None,
            _coordinate(ext.get("cy")) if ext is not None else None)


def placeholders(root: dom.Node, master: tuple[Placeholder, ...] = ()) -> tuple[Placeholder, ...]:
    """The placeholders of a slide master, layout or notes master, in document order; a layout's
    missing box values come from ``master`` (its master's placeholders)."""
    c_sld = root.find("p:cSld")
    tree = c_sld.find("p:spTree") if c_sld is not None else None
    if tree is None:
        raise dom.Unsupported("a part without a shape tree")
    found = []
    for element in tree.elements():
        if element.tag not in _SHAPES:
            continue
        non_visual = next(element.elements(), None)
        nv_pr = non_visual.find("p:nvPr") if non_visual is not None else None
        ph = nv_pr.find("p:ph") if nv_pr is not None else None
        if ph is None:
            continue
        raw_idx = ph.get("idx", "0") or ""
        if not raw_idx.isdigit():
            raise dom.Unsupported(f"placeholder idx {raw_idx!r}")
        kind = ph.get("type", "obj") or "obj"
        box = _own_box(element)
        if master and None in box:
            base = next((p for p in master if p.type == _BASE_TYPE.get(kind)), None)
            inherited = base.box if base is not None else (None, None, None, None)
            box = (box[0] if box[0] is not None else inherited[0], box[1] if box[1] is not None else inherited[1],
                   box[2] if box[2] is not None else inherited[2], box[3] if box[3] is not None else inherited[3])
        found.append(Placeholder(element.tag, kind, ph.get("orient", "horz") or "horz", ph.get("sz", "full") or "full",
                                 int(raw_idx), box))
    return tuple(found)


def _related(part: Part, reltype: str) -> list[tuple[str, str]]:
    return [(rId, target) for rId, kind, target, external in part.rels if kind == reltype and not external]


@lru_cache(maxsize=8)
def compiled(theme: "Theme") -> Template:
    """The theme's compiled template, read once per theme (its parts are written canonical)."""
    source = template_parts(theme)
    defaults = dict(source.defaults)
    parts: dict[str, Part] = {}
    for p in source.parts:
        partname = "/" + p.name
        base = posixpath.dirname(partname)
        content_type = p.content_type or defaults[p.name.rpartition(".")[2].lower()]
        rels = tuple((rId, rel_type(kind), _absolute(target, base), False) for rId, kind, target in p.rels)
        parts[partname] = Part(partname, p.blob, content_type, rels)
    package_rels = tuple((rId, rel_type(kind), _absolute(target, "/"), False) for rId, kind, target in source.package_rels)
    return assemble(parts, package_rels)


def assemble(parts: dict[str, Part], package_rels: tuple[Relationship, ...]) -> Template:
    """A template from its parts: the layouts of every master (by part) and the notes master."""
    presentation = _one(package_rels, _RT_OFFICE)
    if presentation is None:
        raise dom.Unsupported("a package without a presentation")
    core = _one(package_rels, _RT_CORE)
    pres_part = parts[presentation]
    masters = dict(_related(pres_part, _RT_MASTER))
    notes_master = _one(pres_part.rels, RT_NOTES_MASTER)
    pres_root = dom.parse(pres_part.blob)
    master_ids = pres_root.find("p:sldMasterIdLst")
    first = next(master_ids.elements(), None) if master_ids is not None else None
    if first is None or masters.get(first.get("r:id") or "") not in parts:
        raise dom.Unsupported("a presentation without a slide master")
    master_cache: dict[str, tuple[Placeholder, ...]] = {}

    def master_placeholders(partname: str) -> tuple[Placeholder, ...]:
        if partname not in master_cache:
            master_cache[partname] = placeholders(dom.parse(parts[partname].blob))
        return master_cache[partname]

    layouts: dict[str, Layout] = {}
    master_names: list[tuple[str, str]] = []
    for entry in master_ids.elements() if master_ids is not None else ():
        master_name = masters.get(entry.get("r:id") or "")
        if master_name is None or master_name not in parts:
            raise dom.Unsupported("a slide master python-pptx cannot find")
        master_part = parts[master_name]
        master_root = dom.parse(master_part.blob)
        master_names.append((master_name, _name(master_root)))
        targets = dict(_related(master_part, RT_SLIDE_LAYOUT))
        id_list = master_root.find("p:sldLayoutIdLst")
        for layout_entry in id_list.elements() if id_list is not None else ():
            partname = targets.get(layout_entry.get("r:id") or "")
            if partname not in parts:
                raise dom.Unsupported("a layout python-pptx cannot find")
            layout_part = parts[partname]
            own_master = _one(layout_part.rels, _RT_MASTER)
            root = dom.parse(layout_part.blob)
            found = placeholders(root, master_placeholders(own_master) if own_master in parts else ())
            layouts[partname] = Layout(partname, found, _name(root) or partname.rsplit("/", 1)[-1],
                                       root.get("type") or "cust", len(master_names))
    notes = placeholders(dom.parse(parts[notes_master].blob)) if notes_master in parts else ()
    size = pres_root.find("p:sldSz")
    slide_size = (int(size.get("cx") or 0), int(size.get("cy") or 0)) if size is not None else (0, 0)
    return Template(parts, package_rels, layouts, notes, presentation,
                    notes_master if notes_master in parts else None, core if core in parts else None,
                    slide_size, tuple(master_names))


def _name(root: dom.Node) -> str:
    """A master's or layout's name, its white space collapsed (as the template reader reads it)."""
    c_sld = root.find("p:cSld")
    return " ".join(((c_sld.get("name") if c_sld is not None else None) or "").split())


def mapping_info(template: Template) -> TemplateInfo:
    """What layout mapping reads of a template slidegen compiled (masters; every layout by part
    with its name, type and placeholders; the slide size), from the parts this writer has parsed
    already, so a plain build needs no lxml. It leaves out the looks (colours, text styles,
    fills) that only a house template's mapping measures with: house templates are read by
    render/template/reader.py, and a test holds both readers to the same map."""
    masters = tuple(MasterInfo(part, name, n, {}, (None, None), b"", {}, None, TextLook(), (), ())
                    for n, (part, name) in enumerate(template.masters, 1))
    layouts = tuple(
        LayoutInfo(layout.partname, layout.name, layout.type, masters[layout.master - 1], order,
                   tuple(TemplatePlaceholder(p.type, p.idx, (p.box[0] or 0, p.box[1] or 0, p.box[2] or 0,
                                                             p.box[3] or 0)) for p in layout.placeholders),
                   None, TextLook())
        for order, layout in enumerate(template.layouts.values()))
    return TemplateInfo(template.size[0], template.size[1], masters, layouts)


def _one(rels: tuple[Relationship, ...], reltype: str) -> str | None:
    """The target of the first internal relationship of ``reltype`` (python-pptx's
    ``part_related_by``, which requires exactly one)."""
    found = [target for _, kind, target, external in rels if kind == reltype and not external]
    if len(found) > 1:
        raise dom.Unsupported(f"more than one {reltype.rpartition('/')[2]} relationship")
    return found[0] if found else None
