"""The package-level parts: presentation (with its slide list), core properties, content types.

Each is what python-pptx writes after slidegen has added the slides: the template's presentation
part with a ``p:sldIdLst`` inserted where python-pptx inserts it, the template's core properties
edited as ``set_properties`` edits them, and the content types python-pptx derives from the parts.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from functools import lru_cache

from ...plan.types import DeckInfo
from . import dom
from .xml import DECLARATION, attr

_CT_RELS = "application/vnd.openxmlformats-package.relationships+xml"
_CT_XML = "application/xml"
#: Extensions python-pptx writes as a Default content type when a part has this type
#: (pptx/opc/spec.py ``default_content_types``); every other part gets an Override.
_DEFAULTS = frozenset({
    ("bin", "application/vnd.openxmlformats-officedocument.presentationml.printerSettings"),
    ("bin", "application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"),
    ("bin", "application/vnd.openxmlformats-officedocument.wordprocessingml.printerSettings"),
    ("bmp", "image/bmp"), ("emf", "image/x-emf"), ("fntdata", "application/x-fontdata"), ("gif", "image/gif"),
    ("jpe", "image/jpeg"), ("jpeg", "image/jpeg"), ("jpg", "image/jpeg"), ("mov", "video/quicktime"),
    ("mp4", "video/mp4"), ("mpg", "video/mpeg"), ("png", "image/png"), ("rels", _CT_RELS), ("tif", "image/tiff"),
    ("tiff", "image/tiff"), ("vid", "video/unknown"), ("wdp", "image/vnd.ms-photo"), ("wmf", "image/x-wmf"),
    ("wmv", "video/x-ms-wmv"), ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("xml", _CT_XML),
})
_MARK = "\x00slides\x00"
#: python-pptx (and Office) limit core text properties to 255 characters.
PROPERTY_LIMIT = 255
_CORE_NS = (("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"))
_CORE_URIS = frozenset(uri for _, uri in _CORE_NS)


#: The core properties python-pptx creates for a package without them (CorePropertiesPart.default),
#: before slidegen sets every one of them.
DEFAULT_CORE = (f'{DECLARATION}<cp:coreProperties xmlns:cp="{_CORE_NS[1][1]}" xmlns:dc="{_CORE_NS[0][1]}" '
                f'xmlns:dcterms="{_CORE_NS[2][1]}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                "<dc:title>PowerPoint Presentation</dc:title><cp:lastModifiedBy>python-pptx</cp:lastModifiedBy>"
                '<cp:revision>1</cp:revision><dcterms:modified xsi:type="dcterms:W3CDTF">1980-01-01T00:00:00Z'
                "</dcterms:modified></cp:coreProperties>").encode("utf-8")


def short(text: str | None) -> str:
    """A core text property: whitespace collapsed, at most 255 characters."""
    text = " ".join((text or "").split())
    return text if len(text) <= PROPERTY_LIMIT else text[:PROPERTY_LIMIT - 1] + "…"


@lru_cache(maxsize=8)
def _presentation_halves(blob: bytes) -> tuple[str, str]:
    """The presentation part before and after its slide list (``get_or_add_sldIdLst``: before
    ``p:sldSz``/``p:notesSz``, else last)."""
    root = dom.parse(blob)
    existing = root.find("p:sldIdLst")
    if existing is not None:
        if existing.children:
            raise dom.Unsupported("a template that has slides")
        existing.children.append(_MARK)
    else:
        root.insert_before(dom.Node("p:sldIdLst", children=[_MARK]), ("p:sldSz", "p:notesSz"))
    head, _, tail = (DECLARATION + root.serialize()).partition(f"<p:sldIdLst>{_MARK}</p:sldIdLst>")
    return head, tail


def presentation_xml(blob: bytes, slides: Sequence[tuple[int, str]]) -> bytes:
    """The presentation part listing ``slides`` (slide id, relationship id)."""
    head, tail = _presentation_halves(blob)
    ids = "".join(f'<p:sldId id="{n}" r:id="{rId}"/>' for n, rId in slides)
    return (head + (f"<p:sldIdLst>{ids}</p:sldIdLst>" if ids else "<p:sldIdLst/>") + tail).encode("utf-8")


def core_xml(blob: bytes, info: DeckInfo, stamp: _dt.datetime) -> bytes:
    """The core properties as render/furniture.py's ``set_properties`` leaves them."""
    root = dom.parse(blob)
    # Found by prefixed name: lxml finds them by namespace, and names new ones with the prefix it
    # finds first, so another spelling of these namespaces is left to python-pptx.
    if root.tag != "cp:coreProperties" or any(root.get(prefix) != uri for prefix, uri in _CORE_NS) or \
            any(key == "xmlns" or (key.startswith("xmlns:") and value in _CORE_URIS and (key, value) not in _CORE_NS)
                for key, value in root.attrs):
        raise dom.Unsupported("core properties with other namespace prefixes")
    xsi = "http://www.w3.org/2001/XMLSchema-instance"
    if root.get("xmlns:xsi") != xsi:
        if root.get("xmlns:xsi") is not None:
            raise dom.Unsupported("core properties with another xsi prefix")
        root.attrs.append(("xmlns:xsi", xsi))
    when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    for tag, value in (("dc:title", short(info.title)), ("dc:subject", short(info.subtitle)),
                       ("dc:creator", short(info.author or info.organisation)), ("cp:lastModifiedBy", "slidegen"),
                       ("dc:language", info.language), ("cp:revision", "1"), ("dcterms:created", when),
                       ("dcterms:modified", when)):
        if len(value) > PROPERTY_LIMIT:
            raise dom.Unsupported("a core property python-pptx refuses")
        element = root.find(tag)
        if element is None:
            element = root.append(dom.Node(tag))
        element.children[:] = [value]
        if tag.startswith("dcterms:"):
            element.set("xsi:type", "dcterms:W3CDTF")
    return dom.part_xml(root)


def content_types_xml(parts: Sequence[tuple[str, str]]) -> bytes:
    """[Content_Types].xml for ``parts`` (part name, content type): defaults by extension, sorted,
    then overrides sorted by part name, as python-pptx's ``_ContentTypesItem`` writes them."""
    defaults = {"rels": _CT_RELS, "xml": _CT_XML}
    overrides = {}
    for partname, content_type in parts:
        ext = partname.rpartition(".")[2]
        if (ext.lower(), content_type) in _DEFAULTS:
            defaults[ext.lower()] = content_type
        else:
            overrides[partname] = content_type
    items = [f'<Default Extension="{attr(ext)}" ContentType="{attr(kind)}"/>' for ext, kind in sorted(defaults.items())]
    items += [f'<Override PartName="{attr(name)}" ContentType="{attr(kind)}"/>' for name, kind in sorted(overrides.items())]
    return (f'{DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            + "".join(items) + "</Types>").encode("utf-8")
