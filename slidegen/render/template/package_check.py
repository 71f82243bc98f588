"""From a PowerPoint file anyone made to a checked, slide-less package slidegen can build on.

What other producers write differently is normalised (the six PowerPoint main content types, the
relationship types LibreOffice spells its own way), what a deck must not inherit is dropped (the
sample slides, macros, the thumbnail of a sample slide), what slidegen relies on is validated
(a main part, masters, layouts related to their master, relationships whose targets exist) and
the few things that are safe to repair are repaired and named. Anything else is refused in one
line that names the part. Only the parts the package still uses are read at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

from lxml import etree

from .opc import (R_NS, STRICT, Archive, Part, Rel, content_types, fail, parse_xml, read_rels, sniff,
                  write_package)
from .repair import check_and_repair_layout, check_and_repair_master, repair_shared

_PML = "application/vnd.openxmlformats-officedocument.presentationml."
PRESENTATION = _PML + "presentation.main+xml"
#: The main content types of .pptx, .potx, .ppsx and their macro-enabled .pptm, .potm, .ppsm.
MAIN_TYPES = {
    PRESENTATION: False, _PML + "template.main+xml": False, _PML + "slideshow.main+xml": False,
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml": True,
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml": True,
    "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml": True,
}
_OTHER_OFFICE = {"wordprocessingml": "a Word document", "spreadsheetml": "an Excel workbook",
                 "ms-word": "a Word document", "ms-excel": "an Excel workbook"}
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_OFFICE_DOCUMENT = _RT + "officeDocument"
RT_SLIDE, RT_MASTER, RT_LAYOUT = _RT + "slide", _RT + "slideMaster", _RT + "slideLayout"
RT_NOTES_MASTER, RT_THEME, RT_HANDOUT = _RT + "notesMaster", _RT + "theme", _RT + "handoutMaster"
RT_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
RT_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
RT_VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
_VBA_TYPES = ("application/vnd.ms-office.vbaProject", "application/vnd.ms-office.vbaProjectSignature",
              "application/vnd.ms-office.activeX+xml", "application/vnd.ms-office.activeX")
CT_MASTER, CT_LAYOUT = _PML + "slideMaster+xml", _PML + "slideLayout+xml"
CT_NOTES_MASTER, CT_SLIDE = _PML + "notesMaster+xml", _PML + "slide+xml"
CT_THEME = "application/vnd.openxmlformats-officedocument.theme+xml"

#: Relationship types other producers write for standard ones (compared without case): the
#: LibreOffice form of core properties, and the type of ECMA-376's first edition.
ALIASES = {
    "http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties": RT_CORE,
}
for _kind in ("officeDocument", "slide", "slideMaster", "slideLayout", "notesMaster", "notesSlide", "theme",
              "handoutMaster", "image", "presProps", "viewProps", "tableStyles", "extended-properties",
              "custom-properties", "hyperlink", "oleObject", "chart", "package", "tags", "font", "media",
              "audio", "video", "customXml", "commentAuthors", "comments"):
    ALIASES.setdefault((_RT + _kind).lower(), _RT + _kind)
ALIASES.setdefault(RT_CORE.lower(), RT_CORE)
ALIASES.setdefault(RT_THUMBNAIL.lower(), RT_THUMBNAIL)

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_SECTIONS_EXT = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"      # p14:sectionLst lists the dropped slides


@dataclass
class CheckedPackage:
    """A slide-less package, and what reading it changed: ``repaired`` (what the template had
    wrong and slidegen mended) and ``warnings`` (what a deck built on it loses)."""

    data: bytes
    repaired: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


class _Reader:
    def __init__(self, data: bytes, shown: str) -> None:
        sniff(data, shown)
        self.shown = shown
        self.archive = Archive(data, shown)
        self.types = content_types(self.archive)
        self.parts: dict[str, Part] = {}
        self.repaired = self.archive.repaired
        self.warnings: list[str] = []

    def part(self, name: str) -> Part | None:
        """The part ``name`` with its relationships, read once; None when the file lacks it."""
        key = name.lower()
        if key in self.parts:
            return self.parts[key]
        if not self.archive.has(name):
            return None
        content_type = self.types.of(name) or _guess_type(name)
        if content_type is None:
            raise fail(self.shown, f"is damaged: its part {name.lstrip('/')} has no content type")
        part = Part(name, content_type)
        if _is_xml(content_type):
            part.xml = self.archive.xml(name)
        else:
            part.blob = self.archive.read(name)
        part.rels = read_rels(self.archive, name, ALIASES)
        self.parts[key] = part
        return part


def _is_xml(content_type: str) -> bool:
    return content_type.endswith("+xml") or content_type in ("application/xml", "text/xml")


_EXTENSIONS = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
               "emf": "image/x-emf", "wmf": "image/x-wmf", "tif": "image/tiff", "tiff": "image/tiff",
               "svg": "image/svg+xml", "bmp": "image/bmp"}


def _guess_type(name: str) -> str | None:
    return _EXTENSIONS.get(name.rsplit(".", 1)[-1].lower())


def check_package(data: bytes, shown: str) -> CheckedPackage:
    """``data`` (a PowerPoint file) as a checked, slide-less .pptx package; or a one-line error."""
    reader = _Reader(data, shown)
    package_rels = read_rels(reader.archive, "/", ALIASES)
    if any(r.type.startswith(STRICT) for r in package_rels):
        raise _strict(shown)
    main_rel = next((r for r in package_rels if r.type == RT_OFFICE_DOCUMENT and not r.external), None)
    main = reader.part(main_rel.target) if main_rel else None
    if main is None or main.xml is None:
        raise fail(shown, "is not a PowerPoint file: it has no presentation part")
    macros = MAIN_TYPES.get(main.content_type)
    if macros is None:
        other = next((what for key, what in _OTHER_OFFICE.items() if key in main.content_type), None)
        raise fail(shown, f"is {other}, not a PowerPoint file" if other else
                   f"is not a PowerPoint presentation or template (its main part is '{main.content_type}')")
    if str(main.xml.tag).startswith("{" + STRICT):
        raise _strict(shown)
    if main.xml.tag != f"{P}presentation":
        raise fail(shown, "is not a PowerPoint file: its main part is not a presentation")
    main.content_type = PRESENTATION
    _slide_size(reader, main)
    dropped_macros = _drop_slides_and_macros(reader, main)
    if macros or dropped_macros:
        reader.warnings.append(f"template {shown}: its macros are dropped (a deck is always a plain .pptx)")
    masters = _masters(reader, main)
    _notes_master(reader, main)
    kept = _walk(reader, main, package_rels)
    for part in kept:
        if part.xml is not None:
            _dangling(reader, part)
            repair_shared(part, reader.repaired)
    for master in masters:
        check_and_repair_master(master, shown, reader.repaired)
    for master in masters:
        for layout in _layouts_of(reader, master):
            check_and_repair_layout(layout, shown, reader.repaired)
    rels = [r for r in package_rels if r.type != RT_THUMBNAIL and (r.external or reader.part(r.target) is not None)]
    rels = [r for r in rels if r.external or reader.parts[r.target.lower()] in kept]
    return CheckedPackage(write_package(rels, kept), tuple(reader.repaired.lines()), tuple(reader.warnings))


#: ST_SlideSizeCoordinate: 1 in to 56 in.
_SLIDE_SIZE = (914400, 51206400)


def _slide_size(reader: _Reader, main: Part) -> None:
    """Every box slidegen computes is within the slide: its size must be there, and sane."""
    assert main.xml is not None
    size = main.xml.find(f"{P}sldSz")
    values = [size.get(name) for name in ("cx", "cy")] if size is not None else []
    numbers = [int(v) for v in values if v is not None and v.isdigit()]
    if len(numbers) != 2 or not all(_SLIDE_SIZE[0] <= n <= _SLIDE_SIZE[1] for n in numbers):
        got = "none" if size is None else " × ".join(str(v) for v in values)
        raise fail(reader.shown, f"is damaged: ppt/presentation.xml gives no valid slide size (p:sldSz: {got}; "
                                 "1 to 56 inches each way); set it in PowerPoint (Design → Slide Size) and save again")
    if main.xml.find(f"{P}notesSz") is None:      # required by the schema; PowerPoint's default
        size.addnext(etree.Element(f"{P}notesSz", cx="6858000", cy="9144000"))  # type: ignore[union-attr]
        reader.repaired.add("the presentation gives no notes page size: PowerPoint's default is used")


def _strict(shown: str) -> Exception:
    return fail(shown, "is saved as Strict Open XML (ISO/IEC 29500 Strict), which slidegen does not read: open it "
                       "in PowerPoint and save it as PowerPoint Presentation (.pptx)")


def _drop_slides_and_macros(reader: _Reader, main: Part) -> bool:
    """The template's own slides are samples, not part of a deck; macros never travel into one."""
    assert main.xml is not None
    macros = False
    for rel in list(main.rels):
        target = reader.types.of(rel.target) if not rel.external else None
        if rel.type == RT_SLIDE or target == CT_SLIDE:
            main.rels.remove(rel)
        elif rel.type == RT_VBA or target in _VBA_TYPES:
            main.rels.remove(rel)
            macros = True
    for tag in ("sldIdLst", "custShowLst"):
        element = main.xml.find(f"{P}{tag}")
        if element is not None:
            element.clear() if tag == "sldIdLst" else main.xml.remove(element)
    ext_list = main.xml.find(f"{P}extLst")
    for ext in list(ext_list if ext_list is not None else ()):
        if ext.get("uri") == _SECTIONS_EXT:
            ext_list.remove(ext)  # type: ignore[union-attr]
    return macros


def _masters(reader: _Reader, main: Part) -> list[Part]:
    assert main.xml is not None
    masters: list[Part] = []
    id_list = main.xml.find(f"{P}sldMasterIdLst")
    for entry in list(id_list if id_list is not None else ()):
        rel = main.rel(entry.get(f"{{{R_NS}}}id") or "")
        part = reader.part(rel.target) if rel and not rel.external else None
        if part is None or part.content_type != CT_MASTER or part in masters:
            id_list.remove(entry)  # type: ignore[union-attr]
            reader.repaired.add("a slide master the presentation lists is missing: dropped from the list")
            continue
        masters.append(part)
        _master_layouts(reader, part)
        _ensure_theme(reader, part)
    # A master the presentation does not list is not used: its relationship is not followed.
    listed = {e.get(f"{{{R_NS}}}id") for e in (id_list if id_list is not None else ())}
    main.rels = [r for r in main.rels if r.type != RT_MASTER or r.rid in listed]
    if not masters:
        raise fail(reader.shown, "has no slide master, so it has no layouts to build on: save it again in "
                                 "PowerPoint")
    return masters


def _master_layouts(reader: _Reader, master: Part) -> None:
    """Every layout the master lists exists, is a layout, and is related back to its master."""
    assert master.xml is not None
    id_list = master.xml.find(f"{P}sldLayoutIdLst")
    for entry in list(id_list if id_list is not None else ()):
        rel = master.rel(entry.get(f"{{{R_NS}}}id") or "")
        layout = reader.part(rel.target) if rel and not rel.external else None
        if layout is None or layout.content_type != CT_LAYOUT or layout.xml is None:
            id_list.remove(entry)  # type: ignore[union-attr]
            reader.repaired.add("a master lists a layout the file does not hold: dropped from the list",
                                master.name.lstrip("/"))
            continue
        to_master = layout.rels_of(RT_MASTER)
        if not to_master:
            layout.rels.append(Rel(layout.next_rid(), RT_MASTER, master.name))
            reader.repaired.add("a layout had no relationship to its master: added", layout.name.lstrip("/"))
        elif to_master[0].target.lower() != master.name.lower():
            to_master[0].target = master.name
            reader.repaired.add("a layout named another master than the one listing it: related to its own",
                                layout.name.lstrip("/"))
    # Relationships to layouts the master does not list are not followed.
    listed = {e.get(f"{{{R_NS}}}id") for e in (id_list if id_list is not None else ())}
    master.rels = [r for r in master.rels if r.type != RT_LAYOUT or r.rid in listed]


def _layouts_of(reader: _Reader, master: Part) -> Iterator[Part]:
    for rel in master.rels_of(RT_LAYOUT):
        layout = reader.part(rel.target)
        if layout is not None:
            yield layout


def _notes_master(reader: _Reader, main: Part) -> None:
    """Speaker notes need a notes master with a body placeholder, listed in the presentation
    (python-pptx adds a notes master without listing it; Keynote then finds no notes)."""
    assert main.xml is not None
    rels = main.rels_of(RT_NOTES_MASTER)
    part = reader.part(rels[0].target) if rels else None
    usable = part is not None and part.content_type == CT_NOTES_MASTER and part.xml is not None and any(
        ph.get("type") == "body" for ph in part.xml.iter(f"{P}ph"))
    if rels and not usable:
        reader.repaired.add("the notes master is missing or has no body placeholder for speaker notes: a standard "
                            "one is used")
    if not usable:
        for rel in rels:
            main.rels.remove(rel)
        part = _add_part(reader, "/ppt/notesMasters/notesMaster%d.xml", CT_NOTES_MASTER,
                         _pptx_template("notesMaster.xml"))
        rels = [Rel(main.next_rid(), RT_NOTES_MASTER, part.name)]
        main.rels.append(rels[0])
    assert part is not None
    _ensure_theme(reader, part, note=usable)
    old = main.xml.find(f"{P}notesMasterIdLst")
    if old is not None:
        main.xml.remove(old)
    id_list = etree.Element(f"{P}notesMasterIdLst")
    etree.SubElement(id_list, f"{P}notesMasterId", {f"{{{R_NS}}}id": rels[0].rid})
    masters = main.xml.find(f"{P}sldMasterIdLst")
    if masters is not None:
        masters.addnext(id_list)
    else:
        main.xml.insert(0, id_list)


def _ensure_theme(reader: _Reader, part: Part, note: bool = True) -> None:
    """Masters (slide and notes) draw their colours and fonts from a theme: add one if missing."""
    if any(reader.part(r.target) is not None for r in part.rels_of(RT_THEME)):
        return
    part.rels = [r for r in part.rels if r.type != RT_THEME]
    theme = _add_part(reader, "/ppt/theme/theme%d.xml", CT_THEME, _pptx_template("theme.xml"))
    part.rels.append(Rel(part.next_rid(), RT_THEME, theme.name))
    if note:
        reader.repaired.add("a master has no theme: a standard theme is added", part.name.lstrip("/"))


def _add_part(reader: _Reader, template: str, content_type: str, blob: bytes) -> Part:
    n = 1
    while reader.archive.has(template % n) or (template % n).lower() in reader.parts:
        n += 1
    part = Part(template % n, content_type, xml=parse_xml(blob, template % n, reader.shown))
    reader.parts[part.name.lower()] = part
    return part


def _pptx_template(name: str) -> bytes:
    return resources.files("pptx").joinpath("templates", name).read_bytes()


def _walk(reader: _Reader, main: Part, package_rels: list[Rel]) -> list[Part]:
    """The parts the package still uses, from the package's relationships: a relationship to a
    part the file lacks, or to a slide, is dropped (what still refers to it is handled later)."""
    kept: list[Part] = []
    seen: set[str] = set()
    queue = [r.target for r in package_rels if not r.external and r.type != RT_THUMBNAIL]
    while queue:
        name = queue.pop(0)
        if name.lower() in seen:
            continue
        part = reader.part(name)
        if part is None:
            continue
        seen.add(name.lower())
        kept.append(part)
        for rel in list(part.rels):
            if rel.external:
                continue
            target = reader.part(rel.target)
            if target is None or target.content_type == CT_SLIDE or rel.type == RT_SLIDE or \
                    target.content_type in _VBA_TYPES:
                part.rels.remove(rel)
                continue
            queue.append(target.name)
    return kept


#: Elements that may simply go when the relationship they name is gone, and what goes with them.
_REMOVABLE = {f"{P}sldLayoutId": 0, f"{P}sldMasterId": 0, f"{P}notesMasterId": 0, f"{P}handoutMasterId": 0,
              f"{P}custData": 0, f"{P}tags": 0, f"{P}regular": 1, f"{P}bold": 1, f"{P}italic": 1,
              f"{P}boldItalic": 1}
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_HYPERLINKS = (f"{_A}hlinkClick", f"{_A}hlinkHover", f"{_A}hlinkMouseOver")


def _dangling(reader: _Reader, part: Part) -> None:
    """References to relationships the part does not have: removable ones go, others refuse."""
    assert part.xml is not None
    ids = {r.rid for r in part.rels}
    for element in list(part.xml.iter()):
        for name, value in element.attrib.items():
            if not str(name).startswith(f"{{{R_NS}}}") or not value or value in ids:
                continue
            if element.tag in _HYPERLINKS:
                doomed: etree._Element | None = element
            elif element.tag in _REMOVABLE:
                doomed = element if _REMOVABLE[str(element.tag)] == 0 else element.getparent()
            elif element.tag == f"{_A}blip":
                doomed = _picture_of(element)
            else:
                doomed = None
            parent = doomed.getparent() if doomed is not None else None
            if doomed is None or parent is None:
                raise fail(reader.shown, f"is damaged: {part.name.lstrip('/')} refers to a part it does not have "
                                         f"({value!s}); save the template again in PowerPoint")
            parent.remove(doomed)
            reader.repaired.add("a reference to a part the file does not hold is removed", part.name.lstrip("/"))
            break


def _picture_of(element: etree._Element) -> etree._Element | None:
    node = element.getparent()
    while node is not None and node.tag != f"{P}pic":
        node = node.getparent()
    return node if node is not None and node.getparent() is not None else None
