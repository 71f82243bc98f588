"""A .pptx package as the slides it shows, in order, with their layouts, shapes and notes, its
PowerPoint sections and its document properties."""

from __future__ import annotations

from dataclasses import field

from lxml import etree

from ...errors import Diagnostic, OutlineError
from ...records import record
from ...source import SourceLocation
from .package import Package, PartError, qn
from .shapes import Box, Shape, ShapeReader, placeholder_boxes

MAX_SLIDES = 2_000


@record(frozen=False)
class SlideRead:
    """One slide of an imported deck: its layout, shapes and notes."""

    number: int                        # 1-based position in the deck
    slide_id: str
    layout: str                        # layout name
    layout_type: str                   # ECMA layout type: title, obj, secHead, twoObj, …
    shapes: list[Shape] = field(default_factory=list)
    notes: str = ""
    hidden: bool = False

    def where(self, file: str) -> SourceLocation:
        return SourceLocation(f"{file} slide {self.number}")


@record(frozen=False)
class DeckRead:
    """An imported deck: its slides, sections and document properties."""

    slides: list[SlideRead]
    sections: list[tuple[str, list[str]]]       # PowerPoint sections: name, slide ids
    title: str = ""
    author: str = ""
    modified_by: str = ""
    language: str = ""
    theme: str = ""

    @property
    def by_slidegen(self) -> bool:
        return self.modified_by == "slidegen"


def read_deck(package: Package, warnings: list[Diagnostic]) -> DeckRead:
    main = package.related("", "officeDocument") or "ppt/presentation.xml"
    try:
        presentation = package.xml(main)
    except PartError as error:
        raise OutlineError(f"has no readable presentation part: {error.diagnostics[0].message}",
                           SourceLocation(package.shown)) from None
    rels = package.rels(main)
    ids = presentation.find(qn("p:sldIdLst"))
    entries = [(s.get("id", ""), s.get(qn("r:id"), "")) for s in (ids if ids is not None else [])]
    if len(entries) > MAX_SLIDES:
        raise OutlineError(f"has {len(entries):,} slides; the limit is {MAX_SLIDES:,}",
                           SourceLocation(package.shown))
    layouts: dict[str, tuple[str, str, dict[tuple[str, object], Box]]] = {}
    slides = []
    for number, (slide_id, rid) in enumerate(entries, start=1):
        rel = rels.get(rid)
        if rel is None or rel.external or not package.has(rel.target):
            warnings.append(Diagnostic("the slide's part is missing from the package; skipped",
                                       SourceLocation(f"{package.shown} slide {number}")))
            continue
        try:
            slides.append(_slide(package, rel.target, number, slide_id, layouts))
        except PartError as error:
            warnings.append(Diagnostic(f"cannot be read ({error.diagnostics[0].message}); skipped",
                                       SourceLocation(f"{package.shown} slide {number}")))
    deck = DeckRead(slides, _sections(presentation))
    _properties(package, deck)
    deck.theme = _theme_name(package, main)
    return deck


def _slide(package: Package, part: str, number: int, slide_id: str,
           layouts: dict[str, tuple[str, str, dict[tuple[str, object], Box]]]) -> SlideRead:
    root = package.xml(part)
    layout_part = package.related(part, "slideLayout")
    name, kind, boxes = layouts.get(layout_part or "", ("", "", {}))
    if layout_part and layout_part not in layouts:
        name, kind, boxes = _layout(package, layout_part)
        layouts[layout_part] = (name, kind, boxes)
    tree = root.find(f"{qn('p:cSld')}/{qn('p:spTree')}")
    shapes = ShapeReader(package, part, boxes).read(tree) if tree is not None else []
    slide = SlideRead(number, slide_id, name, kind, shapes, hidden=root.get("show") in ("0", "false"))
    notes_part = package.related(part, "notesSlide")
    if notes_part:
        slide.notes = _notes(package, notes_part)
    return slide


def _layout(package: Package, part: str) -> tuple[str, str, dict[tuple[str, object], Box]]:
    try:
        root = package.xml(part)
    except PartError:
        return "", "", {}
    c_sld = root.find(qn("p:cSld"))
    name = c_sld.get("name", "") if c_sld is not None else ""
    master_boxes: dict[tuple[str, object], Box] = {}
    master = package.related(part, "slideMaster")
    if master:
        try:
            tree = package.xml(master).find(f"{qn('p:cSld')}/{qn('p:spTree')}")
            if tree is not None:
                master_shapes = ShapeReader(package, master).read(tree)
                master_boxes = {k: v for k, v in placeholder_boxes(master_shapes).items() if k[0] == "type"}
        except PartError:
            pass
    tree = c_sld.find(qn("p:spTree")) if c_sld is not None else None
    shapes = ShapeReader(package, part, master_boxes).read(tree) if tree is not None else []
    return name, root.get("type", "cust"), placeholder_boxes(shapes, master_boxes)


def _notes(package: Package, part: str) -> str:
    try:
        root = package.xml(part)
    except PartError:
        return ""
    tree = root.find(f"{qn('p:cSld')}/{qn('p:spTree')}")
    for shape in ShapeReader(package, part).read(tree) if tree is not None else []:
        if shape.ph_type == "body" and shape.kind == "text":
            # Line ends trimmed: trailing spaces are invisible and no outline format keeps them.
            return "\n".join(p.text.replace("\t", " ").rstrip() for p in shape.paras).strip()
    return ""


def _sections(presentation: etree._Element) -> list[tuple[str, list[str]]]:
    found = []
    for section in presentation.iter(qn("p14:section")):
        ids = [s.get("id", "") for s in section.iter(qn("p14:sldId"))]
        found.append((section.get("name", ""), ids))
    return found


def _properties(package: Package, deck: DeckRead) -> None:
    core = package.related("", "core-properties") or "docProps/core.xml"
    if not package.has(core):
        return
    try:
        root = package.xml(core)
    except PartError:
        return
    deck.title = (root.findtext(qn("dc:title")) or "").strip()
    deck.author = (root.findtext(qn("dc:creator")) or "").strip()
    deck.modified_by = (root.findtext(qn("cp:lastModifiedBy")) or "").strip()
    deck.language = (root.findtext(qn("dc:language")) or "").strip()


def _theme_name(package: Package, main: str) -> str:
    theme = package.related(main, "theme")
    if theme is None:
        master = next((r.target for r in package.rels(main).values() if r.type == "slideMaster"), None)
        theme = package.related(master, "theme") if master else None
    if not theme:
        return ""
    try:
        return package.xml(theme).get("name", "")
    except PartError:
        return ""

