"""Assembling the template package: presentation, theme, master, layouts, notes master, properties.

The theme's format scheme and the notes master start from python-pptx's own default parts (which
PowerPoint opens), with the colour and font schemes replaced by the theme's. The parts python-pptx
parses and writes back (presentation, master, layouts, notes master, core properties) are written
here exactly as lxml would write them, so the direct writer (slidegen/render/direct/) copies them
as they are; neither lxml nor python-pptx is imported to compile a template.
"""

from __future__ import annotations

import importlib.util
import io
import zipfile
from functools import lru_cache
from pathlib import Path

from ...records import record
from ...theme.model import SCHEME_SLOTS, Theme
from ...kinds import LAYOUTS
from ..direct import dom
from ..direct.xml import DECLARATION, quoteattr, text
from .master import layout_xml, master_xml
from .shapes import NS, emu

_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RT = _R + "/"
_PML = "application/vnd.openxmlformats-officedocument.presentationml."
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"


@lru_cache(maxsize=4)
def _pptx_template(name: str) -> bytes:
    """One of python-pptx's default parts, read from its package folder without importing it."""
    spec = importlib.util.find_spec("pptx")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("python-pptx is not installed")
    return (Path(list(spec.submodule_search_locations)[0]) / "templates" / name).read_bytes()


@lru_cache(maxsize=1)
def _notes_master() -> bytes:
    """python-pptx's default notes master, as python-pptx writes it back (blank text dropped)."""
    return dom.canonical(_pptx_template("notesMaster.xml"))


#: A relationship as the compiler writes it: id, type (short or full URI), target.
Rel = tuple[str, str, str]


def rel_type(kind: str) -> str:
    return kind if kind.startswith("http") else _RT + kind


def _rels(entries: list[Rel] | tuple[Rel, ...]) -> str:
    body = "".join(f'<Relationship Id="{rid}" Type="{rel_type(kind)}" '
                   f'Target="{target}"/>' for rid, kind, target in entries)
    return f'{_XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}</Relationships>'


def _child(parent: dom.Node, name: str) -> dom.Node:
    found = parent.find(f"a:{name}")
    if found is None:  # python-pptx's own theme part always has it
        raise ValueError(f"python-pptx's default theme has no {name}")
    return found


def theme_xml(theme: Theme) -> bytes:
    """python-pptx's default theme with the theme's colours and fonts, as lxml writes it (its
    layout whitespace kept: python-pptx copies a theme part without parsing it)."""
    root = dom.parse(_pptx_template("theme.xml"), drop_blanks=False)
    root.set("name", theme.name)
    elements = _child(root, "themeElements")
    clr = _child(elements, "clrScheme")
    clr.set("name", theme.name)
    for child in list(clr.elements()):
        clr.remove(child)
    for slot in SCHEME_SLOTS:
        clr.append(dom.Node(f"a:{slot}", children=[dom.Node("a:srgbClr", [("val", getattr(theme.colors, slot))])]))
    fonts = _child(elements, "fontScheme")
    fonts.set("name", theme.name)
    for child in list(fonts.elements()):
        fonts.remove(child)
    for tag, face in (("majorFont", theme.fonts.major), ("minorFont", theme.fonts.minor)):
        fonts.append(dom.Node(f"a:{tag}", children=[dom.Node("a:latin", [("typeface", face)]),
                                                     dom.Node("a:ea", [("typeface", "")]),
                                                     dom.Node("a:cs", [("typeface", "")])]))
    return dom.part_xml(root)


def _presentation(theme: Theme) -> str:
    levels = "".join(f'<a:lvl{n}pPr marL="{(n - 1) * 457200}"><a:defRPr sz="1800"><a:solidFill>'
                     f'<a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/></a:defRPr></a:lvl{n}pPr>'
                     for n in range(1, 6))
    return (f'{DECLARATION}<p:presentation {NS} saveSubsetFonts="1">'
            '<p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>'
            '<p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst>'
            f'<p:sldSz cx="{emu(theme.slide_width)}" cy="{emu(theme.slide_height)}"/>'
            '<p:notesSz cx="6858000" cy="9144000"/>'
            f"<p:defaultTextStyle>{levels}</p:defaultTextStyle></p:presentation>")


def _core(theme: Theme) -> str:
    return (f'{DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{text(theme.name)}</dc:title><cp:lastModifiedBy>slidegen</cp:lastModifiedBy>"
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


@record
class TemplatePart:
    """One part of a compiled template: its name in the zip, bytes, content type (None: the
    package default for its extension) and relationships."""

    name: str
    blob: bytes
    content_type: str | None = None
    rels: tuple[Rel, ...] = ()


@record
class CompiledTemplate:
    """The parts of a theme's compiled template, before they are written."""

    parts: tuple[TemplatePart, ...]
    package_rels: tuple[Rel, ...]
    defaults: tuple[tuple[str, str], ...]       # (extension, content type) beyond rels and xml


def template_parts(theme: Theme) -> CompiledTemplate:
    """The parts of the theme's template: master and layouts of every kind, no slides."""
    specs = LAYOUTS
    parts: list[TemplatePart] = []

    def put(name: str, data: bytes | str, content_type: str | None = None, rels: tuple[Rel, ...] = ()) -> None:
        parts.append(TemplatePart(name, data.encode("utf-8") if isinstance(data, str) else data, content_type, rels))

    layout_rels = [f"rId{n + 1}" for n in range(len(specs))]
    master_rels = [(rid, "slideLayout", f"../slideLayouts/slideLayout{n + 1}.xml") for n, rid in enumerate(layout_rels)]
    master_rels.append((f"rId{len(specs) + 1}", "theme", "../theme/theme1.xml"))
    logo = _logo(theme)
    media: list[TemplatePart] = []
    if logo is not None:
        suffix, data, box = logo
        media.append(TemplatePart(f"ppt/media/logo.{suffix}", data))
        master_rels.append((f"rId{len(specs) + 2}", "image", f"../media/logo.{suffix}"))
        logo_ref = (f"rId{len(specs) + 2}", box)
    else:
        logo_ref = None
    parts += media
    put("ppt/presentation.xml", _presentation(theme), _PML + "presentation.main+xml", (
        ("rId1", "slideMaster", "slideMasters/slideMaster1.xml"),
        ("rId2", "notesMaster", "notesMasters/notesMaster1.xml"),
        ("rId3", "theme", "theme/theme1.xml"),
        ("rId4", "presProps", "presProps.xml"),
        ("rId5", "viewProps", "viewProps.xml"),
        ("rId6", "tableStyles", "tableStyles.xml")))
    put("ppt/slideMasters/slideMaster1.xml", master_xml(theme, layout_rels, logo_ref), _PML + "slideMaster+xml",
        tuple(master_rels))
    for n, spec in enumerate(specs, start=1):
        put(f"ppt/slideLayouts/slideLayout{n}.xml", layout_xml(theme, spec), _PML + "slideLayout+xml",
            (("rId1", "slideMaster", "../slideMasters/slideMaster1.xml"),))
    put("ppt/theme/theme1.xml", theme_xml(theme), "application/vnd.openxmlformats-officedocument.theme+xml")
    put("ppt/theme/theme2.xml", _pptx_template("theme.xml"), "application/vnd.openxmlformats-officedocument.theme+xml")
    put("ppt/notesMasters/notesMaster1.xml", _notes_master(), _PML + "notesMaster+xml",
        (("rId1", "theme", "../theme/theme2.xml"),))
    put("ppt/presProps.xml", f"{_XML_HEAD}<p:presentationPr {NS}/>", _PML + "presProps+xml")
    put("ppt/viewProps.xml", f"{_XML_HEAD}<p:viewPr {NS}/>", _PML + "viewProps+xml")
    put("ppt/tableStyles.xml", f'{_XML_HEAD}<a:tblStyleLst xmlns:a="{_A}" def="{{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}}"/>',
        _PML + "tableStyles+xml")
    put("docProps/core.xml", _core(theme), "application/vnd.openxmlformats-package.core-properties+xml")
    put("docProps/app.xml", _APP, "application/vnd.openxmlformats-officedocument.extended-properties+xml")
    package_rels = (("rId1", "officeDocument", "ppt/presentation.xml"),
                    ("rId2", _CORE_REL, "docProps/core.xml"),
                    ("rId3", "extended-properties", "docProps/app.xml"))
    defaults = ((logo[0], _IMAGE_TYPES[logo[0]]),) if logo else ()
    return CompiledTemplate(tuple(parts), package_rels, defaults)


def compile_template(theme: Theme) -> bytes:
    """A .pptx with the theme's master and layouts and no slides, as bytes (deterministic)."""
    compiled = template_parts(theme)
    types = ('<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             + "".join(f'<Default Extension="{ext}" ContentType="{kind}"/>' for ext, kind in compiled.defaults)
             + "".join(f"<Override PartName={quoteattr('/' + p.name)} ContentType={quoteattr(p.content_type)}/>"
                       for p in compiled.parts if p.content_type))
    content_types = f'{_XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">{types}</Types>'
    entries: list[tuple[str, bytes | str]] = [("[Content_Types].xml", content_types)]
    for part in compiled.parts:
        entries.append((part.name, part.blob))
        if part.rels:
            folder, _, file = part.name.rpartition("/")
            entries.append((f"{folder}/_rels/{file}.rels", _rels(part.rels)))
    entries.append(("_rels/.rels", _rels(compiled.package_rels)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, blob in entries:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, blob.encode("utf-8") if isinstance(blob, str) else blob)
    return buffer.getvalue()
