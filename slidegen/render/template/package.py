"""Assembling the template package: presentation, theme, master, layouts, notes master, properties.

The theme's format scheme and the notes master start from python-pptx's own default parts (which
PowerPoint opens), with the colour and font schemes replaced by the theme's.
"""

from __future__ import annotations

import io
import zipfile
from importlib import resources
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

from ...theme.model import SCHEME_SLOTS, Theme
from ...kinds import LAYOUTS
from .master import layout_xml, master_xml
from .shapes import NS, emu

_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RT = _R + "/"
_PML = "application/vnd.openxmlformats-officedocument.presentationml."
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"


def _pptx_template(name: str) -> bytes:
    return resources.files("pptx").joinpath("templates", name).read_bytes()


def _rels(entries: list[tuple[str, str, str]]) -> str:
    body = "".join(f'<Relationship Id="{rid}" Type="{kind if kind.startswith("http") else _RT + kind}" '
                   f'Target="{target}"/>' for rid, kind, target in entries)
    return f'{_XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}</Relationships>'


def _child(parent: etree._Element, name: str) -> etree._Element:
    found = parent.find(f"{{{_A}}}{name}")
    if found is None:  # python-pptx's own theme part always has it
        raise ValueError(f"python-pptx's default theme has no {name}")
    return found


def theme_xml(theme: Theme) -> bytes:
    root = etree.fromstring(_pptx_template("theme.xml"))
    root.set("name", theme.name)
    elements = _child(root, "themeElements")
    clr = _child(elements, "clrScheme")
    clr.set("name", theme.name)
    for child in list(clr):
        clr.remove(child)
    for slot in SCHEME_SLOTS:
        element = etree.SubElement(clr, f"{{{_A}}}{slot}")
        etree.SubElement(element, f"{{{_A}}}srgbClr", val=getattr(theme.colors, slot))
    fonts = _child(elements, "fontScheme")
    fonts.set("name", theme.name)
    for child in list(fonts):
        fonts.remove(child)
    for tag, face in (("majorFont", theme.fonts.major), ("minorFont", theme.fonts.minor)):
        group = etree.SubElement(fonts, f"{{{_A}}}{tag}")
        etree.SubElement(group, f"{{{_A}}}latin", typeface=face)
        etree.SubElement(group, f"{{{_A}}}ea", typeface="")
        etree.SubElement(group, f"{{{_A}}}cs", typeface="")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _presentation(theme: Theme) -> str:
    levels = "".join(f'<a:lvl{n}pPr marL="{(n - 1) * 457200}"><a:defRPr sz="1800"><a:solidFill>'
                     f'<a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/></a:defRPr></a:lvl{n}pPr>'
                     for n in range(1, 6))
    return (f'{_XML_HEAD}<p:presentation {NS} saveSubsetFonts="1">'
            '<p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>'
            '<p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst>'
            f'<p:sldSz cx="{emu(theme.slide_width)}" cy="{emu(theme.slide_height)}"/>'
            '<p:notesSz cx="6858000" cy="9144000"/>'
            f"<p:defaultTextStyle>{levels}</p:defaultTextStyle></p:presentation>")


def _core(theme: Theme) -> str:
    return (f'{_XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(theme.name)}</dc:title><cp:lastModifiedBy>slidegen</cp:lastModifiedBy>"
            "<cp:revision>1</cp:revision>"
            '<dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:modified>'
            "</cp:coreProperties>")


_APP = (f'{_XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        "<Application>slidegen</Application></Properties>")


_IMAGE_TYPES = {"png": "image/png", "jpeg": "image/jpeg"}


def _logo(theme: Theme) -> tuple[str, bytes, tuple[float, float, float, float]] | None:
    """(extension, bytes, box) of the theme's logo, scaled to fit its box without distortion."""
    if not theme.logo or not theme.logo_box:
        return None
    from PIL import Image

    with Image.open(theme.logo) as image:
        fmt, (width, height) = image.format, image.size
    with open(theme.logo, "rb") as handle:
        data = handle.read()
    suffix = {"PNG": "png", "JPEG": "jpeg"}[str(fmt)]
    left, top, box_w, box_h = theme.logo_box
    scale = min(box_w / width, box_h / height)
    w, h = width * scale, height * scale
    return suffix, data, (left + box_w - w, top + (box_h - h) / 2, w, h)   # right-aligned, centred


def compile_template(theme: Theme) -> bytes:
    """A .pptx with the theme's master and layouts and no slides, as bytes (deterministic)."""
    specs = LAYOUTS
    parts: dict[str, bytes | str] = {}
    overrides: dict[str, str] = {}

    def put(name: str, data: bytes | str, content_type: str | None = None) -> None:
        parts[name] = data
        if content_type:
            overrides["/" + name] = content_type

    layout_rels = [f"rId{n + 1}" for n in range(len(specs))]
    master_rels = [(rid, "slideLayout", f"../slideLayouts/slideLayout{n + 1}.xml") for n, rid in enumerate(layout_rels)]
    master_rels.append((f"rId{len(specs) + 1}", "theme", "../theme/theme1.xml"))
    logo = _logo(theme)
    if logo is not None:
        suffix, data, box = logo
        put(f"ppt/media/logo.{suffix}", data)
        master_rels.append((f"rId{len(specs) + 2}", "image", f"../media/logo.{suffix}"))
        logo_ref = (f"rId{len(specs) + 2}", box)
    else:
        logo_ref = None
    put("ppt/presentation.xml", _presentation(theme), _PML + "presentation.main+xml")
    put("ppt/_rels/presentation.xml.rels", _rels([
        ("rId1", "slideMaster", "slideMasters/slideMaster1.xml"),
        ("rId2", "notesMaster", "notesMasters/notesMaster1.xml"),
        ("rId3", "theme", "theme/theme1.xml"),
        ("rId4", "presProps", "presProps.xml"),
        ("rId5", "viewProps", "viewProps.xml"),
        ("rId6", "tableStyles", "tableStyles.xml")]))
    put("ppt/slideMasters/slideMaster1.xml", master_xml(theme, layout_rels, logo_ref), _PML + "slideMaster+xml")
    put("ppt/slideMasters/_rels/slideMaster1.xml.rels", _rels(master_rels))
    for n, spec in enumerate(specs, start=1):
        put(f"ppt/slideLayouts/slideLayout{n}.xml", layout_xml(theme, spec), _PML + "slideLayout+xml")
        put(f"ppt/slideLayouts/_rels/slideLayout{n}.xml.rels",
            _rels([("rId1", "slideMaster", "../slideMasters/slideMaster1.xml")]))
    put("ppt/theme/theme1.xml", theme_xml(theme), "application/vnd.openxmlformats-officedocument.theme+xml")
    put("ppt/theme/theme2.xml", _pptx_template("theme.xml"), "application/vnd.openxmlformats-officedocument.theme+xml")
    put("ppt/notesMasters/notesMaster1.xml", _pptx_template("notesMaster.xml"), _PML + "notesMaster+xml")
    put("ppt/notesMasters/_rels/notesMaster1.xml.rels", _rels([("rId1", "theme", "../theme/theme2.xml")]))
    put("ppt/presProps.xml", f"{_XML_HEAD}<p:presentationPr {NS}/>", _PML + "presProps+xml")
    put("ppt/viewProps.xml", f"{_XML_HEAD}<p:viewPr {NS}/>", _PML + "viewProps+xml")
    put("ppt/tableStyles.xml", f'{_XML_HEAD}<a:tblStyleLst xmlns:a="{_A}" def="{{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}}"/>',
        _PML + "tableStyles+xml")
    put("docProps/core.xml", _core(theme), "application/vnd.openxmlformats-package.core-properties+xml")
    put("docProps/app.xml", _APP, "application/vnd.openxmlformats-officedocument.extended-properties+xml")
    put("_rels/.rels", _rels([("rId1", "officeDocument", "ppt/presentation.xml"),
                              ("rId2", _CORE_REL, "docProps/core.xml"),
                              ("rId3", "extended-properties", "docProps/app.xml")]))
    types = ('<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             + (f'<Default Extension="{logo[0]}" ContentType="{_IMAGE_TYPES[logo[0]]}"/>' if logo else "")
             + "".join(f"<Override PartName={quoteattr(n)} ContentType={quoteattr(t)}/>" for n, t in overrides.items()))
    content_types = f'{_XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">{types}</Types>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        entries: list[tuple[str, bytes | str]] = [("[Content_Types].xml", content_types), *parts.items()]
        for name, blob in entries:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, blob.encode("utf-8") if isinstance(blob, str) else blob)
    return buffer.getvalue()
