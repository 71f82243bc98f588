"""The structure slidegen builds on, checked and repaired: slide size, masters and their layouts,
themes, the notes master.

A master the presentation lists must exist, and each layout a master lists must exist and be
related back to that master (a layout without its relationships part is related again); every
master has a theme; speaker notes need a notes master with a body placeholder, listed in the
presentation (python-pptx adds one without listing it, and Keynote then finds no notes);
master and layout ids are unique. What cannot be repaired is refused, naming the part.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from .opc import R_NS, Part, Rel, fail
from .parts import (CT_LAYOUT, CT_MASTER, CT_NOTES_MASTER, CT_THEME, P, RT_LAYOUT, RT_MASTER, RT_NOTES_MASTER,
                    RT_THEME, PartReader, add_part, pptx_template)

#: ST_SlideSizeCoordinate: 1 in to 56 in.
_SLIDE_SIZE = (914400, 51206400)


def slide_size(reader: PartReader, main: Part) -> None:
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


def masters(reader: PartReader, main: Part) -> list[Part]:
    assert main.xml is not None
    found: list[Part] = []
    id_list = main.xml.find(f"{P}sldMasterIdLst")
    for entry in list(id_list if id_list is not None else ()):
        rel = main.rel(entry.get(f"{{{R_NS}}}id") or "")
        part = reader.part(rel.target) if rel and not rel.external else None
        if part is None or part.content_type != CT_MASTER or part in found:
            id_list.remove(entry)  # type: ignore[union-attr]
            reader.repaired.add("a slide master the presentation lists is missing: dropped from the list")
            continue
        found.append(part)
        _master_layouts(reader, part)
        _ensure_theme(reader, part)
    # A master the presentation does not list is not used: its relationship is not followed.
    listed = {e.get(f"{{{R_NS}}}id") for e in (id_list if id_list is not None else ())}
    main.rels = [r for r in main.rels if r.type != RT_MASTER or r.rid in listed]
    if not found:
        raise fail(reader.shown, "has no slide master, so it has no layouts to build on: save it again in "
                                 "PowerPoint")
    return found


def _master_layouts(reader: PartReader, master: Part) -> None:
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


def layouts_of(reader: PartReader, master: Part) -> Iterator[Part]:
    for rel in master.rels_of(RT_LAYOUT):
        layout = reader.part(rel.target)
        if layout is not None:
            yield layout


def notes_master(reader: PartReader, main: Part) -> None:
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
        part = add_part(reader, "/ppt/notesMasters/notesMaster%d.xml", CT_NOTES_MASTER,
                         pptx_template("notesMaster.xml"))
        rels = [Rel(main.next_rid(), RT_NOTES_MASTER, part.name)]
        main.rels.append(rels[0])
    assert part is not None
    _ensure_theme(reader, part, note=usable)
    old = main.xml.find(f"{P}notesMasterIdLst")
    if old is not None:
        main.xml.remove(old)
    id_list = etree.Element(f"{P}notesMasterIdLst")
    etree.SubElement(id_list, f"{P}notesMasterId", {f"{{{R_NS}}}id": rels[0].rid})
    master_list = main.xml.find(f"{P}sldMasterIdLst")
    if master_list is not None:
        master_list.addnext(id_list)
    else:
        main.xml.insert(0, id_list)


def _ensure_theme(reader: PartReader, part: Part, note: bool = True) -> None:
    """Masters (slide and notes) draw their colours and fonts from a theme: add one if missing."""
    if any(reader.part(r.target) is not None for r in part.rels_of(RT_THEME)):
        return
    part.rels = [r for r in part.rels if r.type != RT_THEME]
    theme = add_part(reader, "/ppt/theme/theme%d.xml", CT_THEME, pptx_template("theme.xml"))
    part.rels.append(Rel(part.next_rid(), RT_THEME, theme.name))
    if note:
        reader.repaired.add("a master has no theme: a standard theme is added", part.name.lstrip("/"))




_FIRST_ID = 2147483648           # ST_SlideMasterId and ST_SlideLayoutId start here and share one range


def number_ids(reader: PartReader, main: Part, found: list[Part]) -> None:
    """Master and layout ids are unique across the presentation (PowerPoint repairs a file where
    they are not): when any is missing, out of range or repeated, all are numbered afresh."""
    assert main.xml is not None
    entries = list(main.xml.iter(f"{P}sldMasterId"))
    for master in found:
        assert master.xml is not None
        entries += master.xml.iter(f"{P}sldLayoutId")
    values = [e.get("id", "") for e in entries]
    if all(v.isdigit() and _FIRST_ID <= int(v) < 4294967295 for v in values) and len(set(values)) == len(values):
        return
    # Masters first, each followed by its layouts, as PowerPoint numbers them.
    n = _FIRST_ID
    by_master = {id(e): e for e in main.xml.iter(f"{P}sldMasterId")}
    for entry in by_master.values():
        entry.set("id", str(n))
        n += 1
    for master in found:
        assert master.xml is not None
        for entry in master.xml.iter(f"{P}sldLayoutId"):
            entry.set("id", str(n))
            n += 1
    reader.repaired.add("slide master and layout ids that were missing or repeated are numbered")
