"""Reading a .pptx package defensively: zipfile and lxml only, with limits on everything.

A deck to import may come from anywhere, so: parts are read with a bounded read (a zip entry
may lie about its size), XML is parsed without DTDs, entities or network access and must not
declare a DOCTYPE, and the number of parts and the bytes read are capped. A package that is
not a zip file (an encrypted or pre-2007 binary deck) is one clear error.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path

from lxml import etree

from ...errors import OutlineError, display_path
from ...records import record
from ...source import SourceLocation

MAX_PARTS = 20_000
MAX_XML_BYTES = 40 * 1024 * 1024          # one XML part
MAX_TOTAL_BYTES = 1024 * 1024 * 1024      # everything read from one package
MAX_PACKAGE_BYTES = 1024 * 1024 * 1024    # the file itself

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "p14": "http://schemas.microsoft.com/office/powerpoint/2010/main",
    "dc": "http://purl.org/dc/elements/1.1/",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "dgm": "http://schemas.openxmlformats.org/drawingml/2006/diagram",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
}
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Strict Open XML names the same elements in other namespaces; reading them as transitional ones
# lets one reader serve both ("…/ooxml/drawingml/main" → "…/drawingml/2006/main").
_STRICT = re.compile(rb"http://purl\.oclc\.org/ooxml/(presentationml|drawingml|officeDocument)/(\w+)")


def qn(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, dtd_validation=False, load_dtd=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


@record
class Relationship:
    """One relationship of a package part: its type and target."""

    type: str          # the last part of the relationship type URI: "slide", "image", "notesSlide" …
    target: str        # a part name ("ppt/media/image1.png") or, when external, the URI
    external: bool


class PartError(OutlineError):
    """One part of the package cannot be read (the importer skips what needs it, with a warning)."""


class Package:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.shown = display_path(path)
        self.read_bytes = 0
        try:
            size = path.stat().st_size
            with open(path, "rb") as handle:
                magic = handle.read(8)
        except OSError as exc:
            raise OutlineError(f"cannot read {self.shown}: {exc.strerror or exc}") from None
        if magic == _OLE_MAGIC:
            raise OutlineError("is encrypted (password-protected) or an old binary .ppt deck; "
                               "open it in PowerPoint and save it as an unprotected .pptx first",
                               SourceLocation(self.shown))
        if size > MAX_PACKAGE_BYTES:
            raise OutlineError(f"is {size:,} bytes; the limit is {MAX_PACKAGE_BYTES:,}",
                               SourceLocation(self.shown))
        try:
            self.zip = zipfile.ZipFile(path)
            names = self.zip.namelist()
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise OutlineError(f"is not a PowerPoint .pptx package ({exc})",
                               SourceLocation(self.shown)) from None
        if len(names) > MAX_PARTS:
            raise OutlineError(f"has {len(names):,} parts; the limit is {MAX_PARTS:,}",
                               SourceLocation(self.shown))
        self.names = set(names)

    def close(self) -> None:
        self.zip.close()

    def has(self, name: str) -> bool:
        return name in self.names

    def bytes(self, name: str, limit: int) -> bytes:
        if name not in self.names:
            raise PartError(f"part {name} is missing", SourceLocation(self.shown))
        try:
            with self.zip.open(name) as handle:
                data = handle.read(limit + 1)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError) as exc:
            raise PartError(f"part {name} cannot be read ({exc})", SourceLocation(self.shown)) from None
        if len(data) > limit:
            raise PartError(f"part {name} is larger than {limit:,} bytes; skipped",
                            SourceLocation(self.shown))
        self.read_bytes += len(data)
        if self.read_bytes > MAX_TOTAL_BYTES:
            raise OutlineError(f"more than {MAX_TOTAL_BYTES:,} bytes to read; refused",
                               SourceLocation(self.shown))
        return data

    def xml(self, name: str) -> etree._Element:
        data = self.bytes(name, MAX_XML_BYTES)
        if b"purl.oclc.org/ooxml/" in data:
            data = _STRICT.sub(rb"http://schemas.openxmlformats.org/\1/2006/\2", data)
        try:
            root = etree.fromstring(data, _parser())
        except etree.XMLSyntaxError as exc:
            raise PartError(f"part {name} is not well-formed XML ({exc})",
                            SourceLocation(self.shown)) from None
        if getattr(root.getroottree().docinfo, "doctype", ""):
            raise PartError(f"part {name} declares a DOCTYPE; refused", SourceLocation(self.shown))
        return root

    def rels(self, name: str) -> dict[str, Relationship]:
        """The relationships of part ``name``, by id; none when its .rels part is missing."""
        folder, base = posixpath.split(name)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if rels_name not in self.names:
            return {}
        try:
            root = self.xml(rels_name)
        except PartError:
            return {}
        found = {}
        for rel in root.iter(f"{{{_RELS_NS}}}Relationship"):
            rid, target = rel.get("Id"), rel.get("Target") or ""
            external = rel.get("TargetMode") == "External"
            if not rid:
                continue
            if not external:
                target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                    posixpath.join(folder, target))
            found[rid] = Relationship((rel.get("Type") or "").rsplit("/", 1)[-1], target, external)
        return found

    def related(self, name: str, kind: str) -> str | None:
        """The first part ``name`` relates to with relationship type ``kind``."""
        return next((r.target for r in self.rels(name).values() if r.type == kind and not r.external), None)
