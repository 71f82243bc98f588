"""Which layout of a template serves each slide kind, and which placeholder holds each role.

Layouts are matched by what they are — their placeholder types and their layout type (what
PowerPoint itself uses) — and by name only second, since names are localized ("Tiêu đề và Nội
dung", "Title and Content", "Titel und Inhalt"). slidegen's own compiled templates go through
the same code as a house template.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pptx.enum.shapes import PP_PLACEHOLDER as PH
from pptx.oxml.ns import qn

from ..placeholders import placeholder_shapes
from . import layouts as names

#: A box in EMU: (left, top, width, height).
EmuBox = tuple[int, int, int, int]

_TITLES = {PH.TITLE, PH.CENTER_TITLE, PH.VERTICAL_TITLE}
_TEXT = {PH.BODY, PH.OBJECT, PH.SUBTITLE}
_FOOTERS = {PH.DATE: "date", PH.FOOTER: "footer", PH.SLIDE_NUMBER: "number"}

#: Layout names by kind, in the languages seen in Office templates (compared case-insensitively).
LOCALIZED_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("title slide", "trang chiếu tiêu đề", "tiêu đề", "titelfolie", "diapositive de titre"),
    "bullets": ("title and content", "tiêu đề và nội dung", "titel und inhalt", "titre et contenu"),
    "section": ("section header", "đầu trang phần", "tiêu đề phần", "abschnittsüberschrift", "en-tête de section"),
    "columns": ("two content", "hai nội dung", "zwei inhalte", "deux contenus"),
    "comparison": ("comparison", "so sánh", "vergleich", "comparaison"),
    "image": ("picture with caption", "ảnh có chú thích", "hình ảnh có chú thích", "bild mit überschrift"),
    "title_only": ("title only", "chỉ tiêu đề", "nur titel", "titre seul"),
}
#: What a kind uses when the template has no layout of its own for it.
FALLBACKS: dict[str, tuple[str, ...]] = {
    "agenda": ("bullets",), "section": ("title",), "closing": ("title",), "quote": ("bullets",),
    "comparison": ("columns", "bullets"), "columns": ("bullets",), "table": ("title_only", "bullets"),
    "timeline": ("title_only", "bullets"), "figures": ("title_only", "bullets"), "image": ("bullets",),
}
REQUIRED = ("title", "bullets")


@dataclass(frozen=True)
class Placeholder:
    type: object
    idx: int
    box: EmuBox


@dataclass(frozen=True)
class LayoutChoice:
    """A layout and the placeholder idx serving each role on it ("title", "body", "left", …)."""

    name: str
    roles: dict[str, int]
    boxes: dict[str, EmuBox]
    via: str = ""                      # how it was found: type, name, override, fallback
    photo_slots: tuple[tuple[int, int | None], ...] = ()   # (picture idx, caption idx) per cell


@dataclass
class TemplateMap:
    kinds: dict[str, LayoutChoice] = field(default_factory=dict)
    photos: dict[int, LayoutChoice] = field(default_factory=dict)   # by number of pictures
    missing: list[str] = field(default_factory=list)

    def for_kind(self, kind: str) -> LayoutChoice:
        return self.kinds[kind]

    def for_photos(self, count: int) -> LayoutChoice:
        fitting = sorted(n for n in self.photos if n >= count)
        return self.photos[fitting[0]] if fitting else self.kinds["image"]

    @property
    def max_photos(self) -> int:
        return max(self.photos, default=1)


_SP_PR = qn("p:spPr")
_XFRM, _FRAME_XFRM, _OFF, _EXT = qn("a:xfrm"), qn("p:xfrm"), qn("a:off"), qn("a:ext")
_FRAME_XFRM_OWNER = qn("p:graphicFrame")


def _placeholders(layout) -> list[Placeholder]:
    """The layout's placeholders in document order, with their boxes.

    A box written on the layout is read straight from its XML; only a box inherited from the
    master goes through python-pptx, whose inheritance lookups run XPath for every property
    (a tenth of a small build when done for every placeholder of every layout)."""
    found = []
    inherited = None
    for ph, element in placeholder_shapes(layout._element.cSld.spTree):
        box = _own_box(element)
        if box is None:
            if inherited is None:
                inherited = {shape.placeholder_format.idx: shape for shape in layout.placeholders}
            shape = inherited[ph.idx]
            box = (int(shape.left or 0), int(shape.top or 0), int(shape.width or 0), int(shape.height or 0))
        found.append(Placeholder(ph.type, ph.idx, box))
    return found


def _own_box(element) -> EmuBox | None:
    """The shape's own offset and extent, or None when (any of) it is inherited."""
    if element.tag == _FRAME_XFRM_OWNER:
        xfrm = element.find(_FRAME_XFRM)
    else:
        sp_pr = element.find(_SP_PR)
        xfrm = sp_pr.find(_XFRM) if sp_pr is not None else None
    off = xfrm.find(_OFF) if xfrm is not None else None
    ext = xfrm.find(_EXT) if xfrm is not None else None
    values = (off.get("x"), off.get("y"), ext.get("cx"), ext.get("cy")) if off is not None and ext is not None else ()
    if len(values) != 4 or not all(v is not None and v.lstrip("-").isdigit() for v in values):
        return None   # inherited, or not plain EMU: let python-pptx read it
    return tuple(int(v) for v in values)


def _area(p: Placeholder) -> int:
    return p.box[2] * p.box[3]


def _roles(kind: str, phs: list[Placeholder]) -> dict[str, Placeholder] | None:
    """The role → placeholder assignment of ``kind`` on a layout, or None if it cannot serve."""
    title = next((p for p in phs if p.type in _TITLES), None)
    if title is None:
        return None
    roles: dict[str, Placeholder] = {"title": title}
    text = sorted((p for p in phs if p.type in _TEXT), key=_area, reverse=True)
    bodies = [p for p in text if p.type != PH.SUBTITLE]
    pictures = [p for p in phs if p.type == PH.PICTURE]
    tables = [p for p in phs if p.type == PH.TABLE]
    if kind == "title":
        subtitle = next((p for p in text if p.type == PH.SUBTITLE), None) or (bodies[0] if bodies else None)
        if subtitle is None:
            return None
        roles["subtitle"] = subtitle
        meta = [p for p in bodies if p is not subtitle]
        if meta:
            roles["meta"] = meta[0]
        return roles
    if kind == "section":
        if not bodies:
            return None
        return {**roles, "subtitle": bodies[-1]}
    if kind == "bullets":
        return {**roles, "body": bodies[0]} if bodies and not pictures else None
    if kind == "columns":
        two = sorted(bodies[:2], key=lambda p: p.box[0])
        return {**roles, "left": two[0], "right": two[1]} if len(bodies) == 2 else None
    if kind == "comparison":
        if len(bodies) != 4:
            return None
        columns = sorted(bodies, key=lambda p: p.box[0])
        left = sorted(columns[:2], key=lambda p: p.box[1])
        right = sorted(columns[2:], key=lambda p: p.box[1])
        return {**roles, "left_heading": left[0], "left": left[1], "right_heading": right[0], "right": right[1]}
    if kind == "table":
        return {**roles, "table": tables[0]} if tables else None
    if kind == "image":
        if len(pictures) != 1:
            return None
        return {**roles, "picture": pictures[0], **({"caption": bodies[0]} if bodies else {})}
    if kind == "title_only":
        return roles if not text and not pictures and not tables else None
    return None


def _choice(layout, kind: str, roles: dict[str, Placeholder], via: str,
            placeholders: list[Placeholder] | None = None) -> LayoutChoice:
    footers = {_FOOTERS[p.type]: p for p in (placeholders or _placeholders(layout)) if p.type in _FOOTERS}
    every = {**roles, **footers}
    return LayoutChoice(layout.name, {k: p.idx for k, p in every.items()}, {k: p.box for k, p in every.items()}, via)


def _photo_choice(layout, phs: list[Placeholder]) -> LayoutChoice | None:
    title = next((p for p in phs if p.type in _TITLES), None)
    pictures = sorted((p for p in phs if p.type == PH.PICTURE), key=lambda p: (p.box[1], p.box[0]))
    if title is None or not pictures:
        return None
    captions = [p for p in phs if p.type == PH.BODY]
    slots = []
    for picture in pictures:
        below = [c for c in captions if c.box[1] >= picture.box[1] + picture.box[3] - 1
                 and abs(c.box[0] - picture.box[0]) < picture.box[2] // 2]
        caption = min(below, key=lambda c: c.box[1], default=None)
        slots.append((picture.idx, caption.idx if caption else None))
    base = _choice(layout, "photos", {"title": title}, "type", phs)
    return LayoutChoice(base.name, base.roles, base.boxes, "type", tuple(slots))


def map_template(presentation, overrides: dict[str, str] | None = None) -> TemplateMap:
    """The layout for every kind: an override by name, else by type, else by localized name,
    else a fallback kind."""
    overrides = overrides or {}
    layouts = list(presentation.slide_layouts)
    by_name = {layout.name.strip().lower(): layout for layout in layouts}
    # Reading placeholders through python-pptx resolves inherited geometry with XPath: once each.
    read = {id(layout): _placeholders(layout) for layout in layouts}

    found: dict[str, LayoutChoice] = {}
    base_kinds = ("title", "bullets", "section", "columns", "comparison", "table", "image", "title_only")
    for kind in base_kinds:
        candidates = []
        for layout in layouts:
            roles = _roles(kind, read[id(layout)])
            if roles is None:
                continue
            named = layout.name.strip().lower() in LOCALIZED_NAMES.get(kind, ())
            typed = layout._element.get("type") == names.LAYOUT_TYPES.get(kind, kind)
            candidates.append((not typed, not named, len(read[id(layout)]), layouts.index(layout), layout, roles))
        if candidates:
            best = min(candidates, key=lambda c: c[:4])
            found[kind] = _choice(best[4], kind, best[5], "type" if not best[0] else "name" if not best[1] else "shape",
                                  read[id(best[4])])
    # slidegen's own layouts for the kinds that Office templates do not have.
    own = {"agenda": "bullets", "timeline": "title_only", "figures": "title_only", "quote": "bullets",
           "closing": "title"}
    for kind, shape_of in own.items():
        layout = by_name.get(names.LAYOUT_NAMES[kind].lower())
        roles = _roles(shape_of, read[id(layout)]) if layout is not None else None
        if kind == "quote" and layout is not None:
            bodies = sorted((p for p in read[id(layout)] if p.type in _TEXT), key=lambda p: p.box[1])
            roles = {"title": next(p for p in read[id(layout)] if p.type in _TITLES), "body": bodies[0],
                     **({"meta": bodies[1]} if len(bodies) > 1 else {})} if bodies else None
        if roles is not None:
            found[kind] = _choice(layout, kind, roles, "name", read[id(layout)])
    result = TemplateMap()
    for kind, name in overrides.items():
        layout = by_name.get(name.strip().lower())
        roles = _roles(_shape_kind(kind), read[id(layout)]) if layout is not None else None
        if roles is None:
            result.missing.append(f"{kind}: override '{name}' is not a usable layout")
        else:
            found[kind] = _choice(layout, kind, roles, "override", read[id(layout)])
    for kind in (*names.LAYOUT_NAMES, "title_only"):
        if kind in found:
            result.kinds[kind] = found[kind]
            continue
        fallback = next((f for f in FALLBACKS.get(kind, ()) if f in found), None)
        if fallback:
            choice = found[fallback]
            result.kinds[kind] = LayoutChoice(choice.name, choice.roles, choice.boxes, f"fallback to {fallback}")
        elif kind in REQUIRED:
            result.missing.append(f"{kind}: no layout with a title and a {'subtitle' if kind == 'title' else 'body'}")
    for layout in layouts:
        photo = _photo_choice(layout, read[id(layout)])
        if photo is not None:
            result.photos.setdefault(len(photo.photo_slots), photo)
    return result


def _shape_kind(kind: str) -> str:
    return {"agenda": "bullets", "quote": "bullets", "closing": "title", "timeline": "title_only",
            "figures": "title_only"}.get(kind, kind)
