"""A PowerPoint file read as an Open Packaging Convention package, defensively.

A house template comes from anyone: it may be a zip bomb, hold a DTD with entities, be truncated,
encrypted, in the Strict dialect, or written by a producer that spells relationship types its own
way. Everything here is bounded before work is done: the archive's declared sizes and compression
ratios are checked before an entry is read, entries are read only when the package needs them
(the template's sample slides and their media never are), and every XML part is parsed without
DTDs, entities or network access. A problem is one line naming the part and what to do.

No python-pptx here: the package is read and written with lxml and zipfile, so python-pptx only
ever sees a package that has been checked.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import field
from typing import Any
from urllib.parse import unquote

from lxml import etree

from ...errors import ThemeError
from ...records import record

#: Bounds on the archive (the file itself is at most 100 MB, see byo.MAX_TEMPLATE_BYTES).
MAX_ENTRIES = 10_000
MAX_ENTRY_BYTES = 128 * 1024 * 1024      # one part, uncompressed (a large embedded video)
MAX_TOTAL_BYTES = 256 * 1024 * 1024      # all parts the package uses, uncompressed
MAX_RATIO = 200                          # deflate reaches ~1000:1 only on crafted data; XML is 5-30:1
RATIO_FROM_BYTES = 4 * 1024 * 1024       # small entries may compress as they like

CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
PR_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STRICT = "http://purl.oclc.org/ooxml/"
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
EXTERNAL = "External"

# No DTD loading, no entity substitution, no network, lxml's default tree limits (depth, text).
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def fail(shown: str, message: str) -> ThemeError:
    return ThemeError(f"template {shown} {message}")


class Findings:
    """What reading a template repaired, one line per kind of repair with the parts it touched."""

    def __init__(self) -> None:
        self._found: dict[str, list[str]] = {}

    def add(self, message: str, where: str = "") -> None:
        places = self._found.setdefault(message, [])
        if where and where not in places:
            places.append(where)

    def lines(self) -> list[str]:
        out = []
        for message, places in self._found.items():
            shown = ", ".join(places[:3]) + (f" and {len(places) - 3} more" if len(places) > 3 else "")
            out.append(f"{message} ({shown})" if places else message)
        return out


def sniff(data: bytes, shown: str) -> None:
    """Refuse, in one line with the fix, what is not a zip package at all."""
    if not data:
        raise fail(shown, "is empty")
    if data[:8] == OLE_MAGIC:
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise fail(shown, "is password-protected (an encrypted OLE package): open it in PowerPoint, remove the "
                              "password (File → Info → Protect Presentation) and save it as PowerPoint Presentation "
                              "(.pptx)")
        raise fail(shown, "is a PowerPoint 97-2003 file (.ppt/.pot) or another Office binary file: open it in "
                          "PowerPoint and save it as PowerPoint Presentation (.pptx)")
    if data[:4] not in (b"PK\x03\x04", b"PK\x05\x06"):
        raise fail(shown, "is not a PowerPoint file (.pptx, .potx, .pptm, .potm, .ppsx or .ppsm)")


@record(frozen=False)
class Rel:
    """One relationship of a part: its id, type and target."""

    rid: str
    type: str
    target: str             # the absolute part name for an internal target, else the URL
    external: bool = False


@record(frozen=False)
class Part:
    """One part of a package being checked: its name, content type, bytes, parsed XML and relationships."""

    name: str               # absolute part name, as the relationships name it: /ppt/presentation.xml
    content_type: str
    blob: bytes | None = None
    xml: etree._Element | None = None
    rels: list[Rel] = field(default_factory=list)

    def rel(self, rid: str) -> Rel | None:
        return next((r for r in self.rels if r.rid == rid), None)

    def rels_of(self, *types: str) -> list[Rel]:
        return [r for r in self.rels if r.type in types and not r.external]

    def next_rid(self) -> str:
        used = {r.rid for r in self.rels}
        n = len(used) + 1
        while f"rId{n}" in used:
            n += 1
        return f"rId{n}"


def rels_name(partname: str) -> str:
    folder, _, name = partname.rpartition("/")
    return f"{folder}/_rels/{name}.rels"


def resolve(source: str, target: str) -> str:
    """An internal relationship target as an absolute part name."""
    target = unquote(target.split("#", 1)[0])
    if target.startswith("/"):
        joined = target
    else:
        joined = posixpath.join(posixpath.dirname(source), target)
    return posixpath.normpath("/" + joined.lstrip("/"))


class Archive:
    """The zip, with its entries checked up front and read on demand."""

    def __init__(self, data: bytes, shown: str) -> None:
        self.shown = shown
        self.repaired = Findings()
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
            raise fail(shown, "is truncated or damaged (its zip directory cannot be read): save the template "
                              "again, or download it again") from None
        if len(infos) > MAX_ENTRIES:
            raise fail(shown, f"holds {len(infos)} zip entries, more than the {MAX_ENTRIES} a template may have")
        self.entries: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            key = "/" + info.filename.lstrip("/").lower()
            if info.is_dir():
                continue
            if key in self.entries:      # a second entry of one name: Office reads the first
                self.repaired.add("a zip entry occurs twice: the first is used", info.filename)
                continue
            if info.file_size > MAX_ENTRY_BYTES:
                raise fail(shown, f"entry '{info.filename}' unpacks to {info.file_size // 2**20} MB, more than "
                                  f"the {MAX_ENTRY_BYTES // 2**20} MB a template part may have: refused")
            if info.file_size > RATIO_FROM_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise fail(shown, f"entry '{info.filename}' is compressed {info.file_size // max(info.compress_size, 1)}"
                                  ":1, as only a zip bomb is: refused")
            self.entries[key] = info
        self.read_bytes = 0

    def has(self, partname: str) -> bool:
        return partname.lower() in self.entries

    def read(self, partname: str) -> bytes:
        info = self.entries[partname.lower()]
        self.read_bytes += info.file_size
        if self.read_bytes > MAX_TOTAL_BYTES:
            raise fail(self.shown, f"unpacks to more than {MAX_TOTAL_BYTES // 2**20} MB: refused")
        try:
            with self.zip.open(info) as handle:
                # Never more than the declared size: a lying header ends in a CRC error, not a bomb.
                return handle.read(info.file_size + 1)[: info.file_size]
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError, ValueError):
            raise fail(self.shown, f"is damaged: its part {partname} cannot be unpacked; save the template again") \
                from None

    def xml(self, partname: str) -> etree._Element:
        return parse_xml(self.read(partname), partname, self.shown)


_ELEMENT = re.compile(rb"<[A-Za-z_]")


def parse_xml(data: bytes, partname: str, shown: str) -> etree._Element:
    """An XML part parsed safely; a DTD or entity declaration is refused, not expanded."""
    start = _ELEMENT.search(data)
    if b"<!DOCTYPE" in data[: start.start() if start else len(data)]:
        raise _dtd(shown, partname)
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        detail = str(exc).splitlines()[0] if str(exc) else "not well-formed"
        raise fail(shown, f"is damaged: {partname.lstrip('/')} is not well-formed XML ({detail}); save the "
                          "template again in PowerPoint") from None
    info: Any = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:     # a DTD the byte scan missed (UTF-16)
        raise _dtd(shown, partname)
    return root


def _dtd(shown: str, partname: str) -> ThemeError:
    return fail(shown, f"declares a DTD in {partname.lstrip('/')} (<!DOCTYPE>, entities), which PowerPoint files "
                       "never do: refused")


@record(frozen=False)
class ContentTypes:
    """A package's [Content_Types].xml: default types by extension and overrides by part."""

    defaults: dict[str, str]
    overrides: dict[str, str]

    def of(self, partname: str) -> str | None:
        found = self.overrides.get(partname.lower())
        if found is None:
            found = self.defaults.get(posixpath.splitext(partname)[1].lstrip(".").lower())
        return found


def content_types(archive: Archive) -> ContentTypes:
    if not archive.has("/[Content_Types].xml"):
        raise fail(archive.shown, "is not a PowerPoint file: it has no [Content_Types].xml (is it another kind of "
                                  "zip file?)")
    root = archive.xml("/[Content_Types].xml")
    defaults: dict[str, str] = {}
    overrides: dict[str, str] = {}
    for element in root:
        if element.tag == f"{{{CT_NS}}}Default" and element.get("Extension") and element.get("ContentType"):
            defaults.setdefault(str(element.get("Extension")).lower(), str(element.get("ContentType")))
        elif element.tag == f"{{{CT_NS}}}Override" and element.get("PartName") and element.get("ContentType"):
            name = "/" + unquote(str(element.get("PartName"))).lstrip("/")
            overrides.setdefault(name.lower(), str(element.get("ContentType")))
    return ContentTypes(defaults, overrides)


def read_rels(archive: Archive, source: str, aliases: dict[str, str]) -> list[Rel]:
    """The relationships of part ``source`` ("/" for the package), types spelled canonically."""
    name = "/_rels/.rels" if source == "/" else rels_name(source)
    if not archive.has(name):
        return []
    root = archive.xml(name)
    if root.tag != f"{{{PR_NS}}}Relationships":
        raise fail(archive.shown, f"is damaged: {name.lstrip('/')} is not a relationships part")
    rels: list[Rel] = []
    seen: set[str] = set()
    for element in root:
        rid, kind, target = element.get("Id"), element.get("Type"), element.get("Target")
        if not rid or not kind or target is None or rid in seen:
            archive.repaired.add("a relationship without id, type or target, or with a repeated id, is dropped",
                                 name.lstrip("/"))
            continue
        seen.add(rid)
        canonical = aliases.get(kind.lower(), kind)
        if canonical != kind:
            archive.repaired.add("relationship types spelled another way (as LibreOffice writes core "
                                 "properties) are written the standard way", name.lstrip("/"))
            kind = canonical
        if element.get("TargetMode") == EXTERNAL:
            rels.append(Rel(rid, kind, target, external=True))
        else:
            rels.append(Rel(rid, kind, resolve("/" if source == "/" else source, target)))
    return rels


def relative_target(source: str, target: str) -> str:
    folder = posixpath.dirname(source) or "/"
    return posixpath.relpath(target, folder)


def _nsmap(namespace: str) -> Any:
    return {None: namespace}          # the default namespace (lxml's stubs type keys as str)


def serialise(element: etree._Element) -> bytes:
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)


def rels_xml(source: str, rels: list[Rel]) -> bytes:
    root = etree.Element(f"{{{PR_NS}}}Relationships", nsmap=_nsmap(PR_NS))
    for rel in rels:
        attributes = {"Id": rel.rid, "Type": rel.type}
        if rel.external:
            attributes.update(Target=rel.target, TargetMode=EXTERNAL)
        else:
            attributes["Target"] = relative_target("/" if source == "/" else source, rel.target)
        etree.SubElement(root, f"{{{PR_NS}}}Relationship", attributes)
    return serialise(root)


def write_package(package_rels: list[Rel], parts: list[Part]) -> bytes:
    """The parts as a zip python-pptx (and Office) reads: every part's content type an override."""
    types = etree.Element(f"{{{CT_NS}}}Types", nsmap=_nsmap(CT_NS))
    etree.SubElement(types, f"{{{CT_NS}}}Default", Extension="rels",
                     ContentType="application/vnd.openxmlformats-package.relationships+xml")
    etree.SubElement(types, f"{{{CT_NS}}}Default", Extension="xml", ContentType="application/xml")
    for part in parts:
        etree.SubElement(types, f"{{{CT_NS}}}Override", PartName=part.name, ContentType=part.content_type)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        def add(name: str, blob: bytes) -> None:
            info = zipfile.ZipInfo(name.lstrip("/"), date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, blob, compresslevel=1)

        add("[Content_Types].xml", serialise(types))
        add("_rels/.rels", rels_xml("/", package_rels))
        for part in parts:
            blob = serialise(part.xml) if part.xml is not None else part.blob
            add(part.name, blob or b"")
            if part.rels:
                add(rels_name(part.name), rels_xml(part.name, part.rels))
    return buffer.getvalue()
