"""Reading a house template's package the way python-pptx loads it.

python-pptx walks the relationships from the package root and keeps only the parts it reaches
(and only relationships whose target exists), takes each part's content type from
[Content_Types].xml (override by part name, else default by extension, both ignoring case), and
writes back the XML parts it parsed (presentation, masters, layouts, notes, core properties,
charts) through lxml; every other part keeps its bytes. :func:`from_package` gives the same parts,
the XML ones as lxml would write them (:func:`.dom.canonical`).
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from functools import lru_cache

from . import dom
from .archive import CONTENT_TYPES, PACKAGE_RELS, Relationship, rels_member
from .template import Part, Template, assemble

_PML = "application/vnd.openxmlformats-officedocument.presentationml."
#: Content types python-pptx loads as XML parts (pptx/__init__.py's part classes).
XML_PARTS = frozenset({
    _PML + "presentation.main+xml", "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
    _PML + "template.main+xml", _PML + "slideshow.main+xml",
    "application/vnd.openxmlformats-package.core-properties+xml",
    _PML + "notesMaster+xml", _PML + "notesSlide+xml", _PML + "slide+xml", _PML + "slideLayout+xml",
    _PML + "slideMaster+xml", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
})


def _relationships(blob: bytes | None, base: str) -> list[tuple[str, str, str, bool]]:
    if blob is None:
        return []
    found = []
    for rel in dom.parse(blob).elements():
        external = rel.get("TargetMode") == "External"
        target = rel.get("Target") or ""
        found.append((rel.get("Id") or "", rel.get("Type") or "", target if external else
                      posixpath.normpath(posixpath.join(base, target)), external))
    return found


@lru_cache(maxsize=4)
def from_package(data: bytes) -> Template:
    """The template a slide-less package holds (raises :class:`.dom.Unsupported` for what this
    writer cannot reproduce)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            blobs = {info.filename: archive.read(info) for info in archive.infolist()}
    except (zipfile.BadZipFile, OSError) as exc:
        raise dom.Unsupported(f"not a zip package ({exc})") from None
    if CONTENT_TYPES not in blobs:
        raise dom.Unsupported("a package without content types")
    overrides: dict[str, str] = {}
    defaults: dict[str, str] = {}
    for entry in dom.parse(blobs[CONTENT_TYPES]).elements():
        if entry.tag == "Override":
            overrides[(entry.get("PartName") or "").lower()] = entry.get("ContentType") or ""
        elif entry.tag == "Default":
            defaults[(entry.get("Extension") or "").lower()] = entry.get("ContentType") or ""

    # Relationships from the root, depth first, as python-pptx's loader visits them.
    rels: dict[str, list[tuple[str, str, str, bool]]] = {}

    def visit(source: str) -> None:
        member = PACKAGE_RELS if source == "/" else rels_member(source)
        rels[source] = _relationships(blobs.get(member), posixpath.dirname(source) if source != "/" else "/")
        for _, _, target, external in rels[source]:
            if not external and target not in rels:
                visit(target)

    visit("/")
    parts: dict[str, Part] = {}
    for partname in rels:
        if partname == "/" or partname[1:] not in blobs:
            continue
        ext = posixpath.splitext(partname)[1][1:]
        content_type = overrides.get(partname.lower()) or defaults.get(ext.lower())
        if content_type is None:
            raise dom.Unsupported(f"no content type for {partname}")
        blob = blobs[partname[1:]]
        parts[partname] = Part(partname, dom.canonical(blob) if content_type in XML_PARTS else blob, content_type, ())
    for partname, part in parts.items():
        valid = tuple(r for r in rels[partname] if r[3] or r[2] in parts)
        parts[partname] = Part(partname, part.blob, part.content_type, valid)
    package_rels: tuple[Relationship, ...] = tuple(r for r in rels["/"] if r[3] or r[2] in parts)
    return assemble(parts, package_rels)
