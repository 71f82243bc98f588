"""A content layout made from a template's master, for a template that has none.

Some templates hold only a title slide, or a blank layout, yet their master defines the title and
body every content slide of theirs would have (PowerPoint's own "Title and Content" layout is just
the master's title and body). Rather than refuse such a template, slidegen adds that layout to
the master — placeholders without boxes of their own, so everything (position, fonts, colours)
comes from the master — and says so. When the master's body cannot hold body text either, the
added layout is a title-only one, and bullets are drawn in the free area under its title.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from .opc import CT_NS, PR_NS, R_NS, parse_xml, rels_name, relative_target, serialise
from .reader import MasterInfo
from .repair import SLIDE_NUMBER_TEXT

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_NS = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
       f'xmlns:r="{R_NS}" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"')
_LAYOUT_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_FOOTERS = (("dt", "Date Placeholder", 'type="dt" sz="half" idx="10"'),
            ("ftr", "Footer Placeholder", 'type="ftr" sz="quarter" idx="11"'),
            ("sldNum", "Slide Number Placeholder", 'type="sldNum" sz="quarter" idx="12"'))


def _shape(shape_id: int, name: str, ph: str, paragraph: str) -> str:
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
            f'<p:nvPr><p:ph {ph}/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>{paragraph}'
            '</p:txBody></p:sp>')


def layout_xml(master: MasterInfo, with_body: bool) -> bytes:
    name, kind = ("Title and Content", "obj") if with_body else ("Title Only", "titleOnly")
    text = '<a:p><a:r><a:rPr lang="en-US"/><a:t>{}</a:t></a:r></a:p>'
    shapes = [_shape(2, "Title 1", 'type="title"', text.format("Click to edit Master title style"))]
    if with_body:
        shapes.append(_shape(3, "Content Placeholder 2", 'idx="1"', text.format("Click to edit Master text styles")))
    types = {p.type for p in master.placeholders}
    for kind_ph, label, ph in _FOOTERS:
        if kind_ph in types:
            paragraph = ('<a:p><a:fld id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}" type="slidenum"><a:rPr lang="en-US"/>'
                         f'<a:t>{SLIDE_NUMBER_TEXT}</a:t></a:fld><a:endParaRPr lang="en-US"/></a:p>'
                         if kind_ph == "sldNum" else '<a:p><a:endParaRPr lang="en-US"/></a:p>')
            shapes.append(_shape(len(shapes) + 2, label, ph, paragraph))
    tree = ('<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>'
            + "".join(shapes) + "</p:spTree>")
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:sldLayout {_NS} type="{kind}" '
            f'preserve="1"><p:cSld name="{name}">{tree}</p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr>'
            "</p:sldLayout>").encode("utf-8")


def add_layout(package: bytes, master: MasterInfo, with_body: bool) -> bytes:
    """``package`` with a layout made from ``master`` added to it (title and body, or title only)."""
    with zipfile.ZipFile(io.BytesIO(package)) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    n = 1
    while f"ppt/slideLayouts/slideLayout{n}.xml" in entries:
        n += 1
    layout = f"/ppt/slideLayouts/slideLayout{n}.xml"
    entries[layout.lstrip("/")] = layout_xml(master, with_body)
    entries[rels_name(layout).lstrip("/")] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PR_NS}">'
        f'<Relationship Id="rId1" Type="{_RT}slideMaster" Target="{relative_target(layout, master.part)}"/>'
        "</Relationships>").encode("utf-8")
    master_rels = parse_xml(entries[rels_name(master.part).lstrip("/")], rels_name(master.part), "package")
    used = {r.get("Id") for r in master_rels}
    rid = next(f"rId{k}" for k in range(len(used) + 1, len(used) + 1000) if f"rId{k}" not in used)
    etree.SubElement(master_rels, f"{{{PR_NS}}}Relationship", Id=rid, Type=_RT + "slideLayout",
                     Target=relative_target(master.part, layout))
    entries[rels_name(master.part).lstrip("/")] = serialise(master_rels)
    root = parse_xml(entries[master.part.lstrip("/")], master.part, "package")
    id_list = root.find(f"{P}sldLayoutIdLst")
    if id_list is None:
        id_list = etree.Element(f"{P}sldLayoutIdLst")
        root.find(f"{P}clrMap").addnext(id_list)  # type: ignore[union-attr]
    etree.SubElement(id_list, f"{P}sldLayoutId", {"id": str(_next_id(entries)), f"{{{R_NS}}}id": rid})
    entries[master.part.lstrip("/")] = serialise(root)
    types = parse_xml(entries["[Content_Types].xml"], "/[Content_Types].xml", "package")
    etree.SubElement(types, f"{{{CT_NS}}}Override", PartName=layout, ContentType=_LAYOUT_TYPE)
    entries["[Content_Types].xml"] = serialise(types)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name, blob in entries.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, blob, compresslevel=1)
    return buffer.getvalue()


def _next_id(entries: dict[str, bytes]) -> int:
    """A layout id above every master and layout id in use (they share one number space)."""
    highest = 2147483648
    for name, blob in entries.items():
        if name.startswith("ppt/slideMasters/") and name.endswith(".xml") or name == "ppt/presentation.xml":
            root = parse_xml(blob, "/" + name, "package")
            for element in root.iter(f"{P}sldLayoutId", f"{P}sldMasterId"):
                value = element.get("id", "")
                if value.isdigit():
                    highest = max(highest, int(value))
    return highest + 1
