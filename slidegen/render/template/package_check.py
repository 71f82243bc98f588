"""From a PowerPoint file anyone made to a checked, slide-less package slidegen can build on.

What other producers write differently is normalised (the six PowerPoint main content types, the
relationship types LibreOffice spells its own way), what a deck must not inherit is dropped (the
sample slides, macros, the thumbnail of a sample slide), what slidegen relies on is validated
(a main part, masters, layouts related to their master, relationships whose targets exist) and
the few things that are safe to repair are repaired and named. Anything else is refused in one
line that names the part. Only the parts the package still uses are read at all.
"""

from __future__ import annotations


from lxml import etree

from .opc import R_NS, STRICT, Part, Rel, fail, parse_xml, read_rels, write_package
from .parts import (ALIASES, CT_SLIDE, MAIN_TYPES, OTHER_OFFICE, P, PRESENTATION, RT_CORE, RT_EXTENDED,
                    RT_OFFICE_DOCUMENT, RT_SLIDE, RT_THUMBNAIL, RT_VBA, SECTIONS_EXT, VBA_TYPES, PartReader)
from ...records import record
from .repair import check_and_repair_layout, check_and_repair_master, repair_shared
from .structure import layouts_of, masters, notes_master, number_ids, slide_size


@record(frozen=False)
class CheckedPackage:
    """A slide-less package, and what reading it changed: ``repaired`` (what the template had
    wrong and slidegen mended) and ``warnings`` (what a deck built on it loses)."""

    data: bytes
    repaired: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


def check_package(data: bytes, shown: str) -> CheckedPackage:
    """``data`` (a PowerPoint file) as a checked, slide-less .pptx package; or a one-line error."""
    reader = PartReader(data, shown)
    package_rels = read_rels(reader.archive, "/", ALIASES)
    if any(r.type.startswith(STRICT) for r in package_rels):
        raise _strict(shown)
    main_rel = next((r for r in package_rels if r.type == RT_OFFICE_DOCUMENT and not r.external), None)
    main = reader.part(main_rel.target) if main_rel else None
    if main is None or main.xml is None:
        raise fail(shown, "is not a PowerPoint file: it has no presentation part")
    macros = MAIN_TYPES.get(main.content_type)
    if macros is None:
        other = next((what for key, what in OTHER_OFFICE.items() if key in main.content_type), None)
        raise fail(shown, f"is {other}, not a PowerPoint file" if other else
                   f"is not a PowerPoint presentation or template (its main part is '{main.content_type}')")
    if str(main.xml.tag).startswith("{" + STRICT):
        raise _strict(shown)
    if main.xml.tag != f"{P}presentation":
        raise fail(shown, "is not a PowerPoint file: its main part is not a presentation")
    main.content_type = PRESENTATION
    slide_size(reader, main)
    dropped_macros = _drop_slides_and_macros(reader, main)
    if macros or dropped_macros:
        reader.warnings.append(f"template {shown}: its macros are dropped (a deck is always a plain .pptx)")
    found = masters(reader, main)
    number_ids(reader, main, found)
    notes_master(reader, main)
    kept = _walk(reader, main, package_rels)
    for part in kept:
        if part.xml is not None:
            _dangling(reader, part)
            repair_shared(part, reader.repaired)
    for master in found:
        check_and_repair_master(master, shown, reader.repaired)
    for master in found:
        for layout in layouts_of(reader, master):
            check_and_repair_layout(layout, shown, reader.repaired)
    rels = [r for r in package_rels if r.external or r.target.lower() in reader.parts
            and reader.parts[r.target.lower()] in kept]
    return CheckedPackage(write_package(_own_properties(rels, kept), kept), tuple(reader.repaired.lines()),
                          tuple(reader.warnings))


_APP = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'docPropsVTypes"><Application>slidegen</Application></Properties>')


def _own_properties(rels: list[Rel], kept: list[Part]) -> list[Rel]:
    """A deck's document properties describe the deck, not the template it was built on: the
    template's core properties go (python-pptx writes the deck's own), its extended properties
    (slide count, titles of its sample slides) become slidegen's, and the thumbnail of a sample
    slide goes. Custom properties (a classification label) stay with the organisation's file."""
    out = []
    for rel in rels:
        target = next((p for p in kept if not rel.external and p.name.lower() == rel.target.lower()), None)
        if rel.type in (RT_CORE, RT_THUMBNAIL):
            if target is not None:
                kept.remove(target)
            continue
        if rel.type == RT_EXTENDED and target is not None:
            target.xml = parse_xml(_APP, target.name, "slidegen")
        out.append(rel)
    return out


def _strict(shown: str) -> Exception:
    return fail(shown, "is saved as Strict Open XML (ISO/IEC 29500 Strict), which slidegen does not read: open it "
                       "in PowerPoint and save it as PowerPoint Presentation (.pptx)")


def _drop_slides_and_macros(reader: PartReader, main: Part) -> bool:
    """The template's own slides are samples, not part of a deck; macros never travel into one."""
    assert main.xml is not None
    macros = False
    for rel in list(main.rels):
        target = reader.types.of(rel.target) if not rel.external else None
        if rel.type == RT_SLIDE or target == CT_SLIDE:
            main.rels.remove(rel)
        elif rel.type == RT_VBA or target in VBA_TYPES:
            main.rels.remove(rel)
            macros = True
    for tag in ("sldIdLst", "custShowLst"):
        element = main.xml.find(f"{P}{tag}")
        if element is not None:
            element.clear() if tag == "sldIdLst" else main.xml.remove(element)
    ext_list = main.xml.find(f"{P}extLst")
    for ext in list(ext_list if ext_list is not None else ()):
        if ext.get("uri") == SECTIONS_EXT:
            ext_list.remove(ext)  # type: ignore[union-attr]
    return macros


def _walk(reader: PartReader, main: Part, package_rels: list[Rel]) -> list[Part]:
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
                    target.content_type in VBA_TYPES:
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


def _dangling(reader: PartReader, part: Part) -> None:
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
