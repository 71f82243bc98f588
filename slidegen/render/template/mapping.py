"""Which layout of a template serves each slide kind, and which placeholder holds each role.

Layouts are matched by what they are — their placeholders and their layout type (what
PowerPoint itself uses) — and by name only second, since names are localized ("Tiêu đề và Nội
dung", "Title and Content", "Titel und Inhalt"). What each kind needs of a layout is the kind's
own business (``LayoutDef.match`` in slidegen/kinds/); this module reads a template's layouts
and ranks the candidates. slidegen's own compiled templates go through the same code as a
house template.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ...kinds import LAYOUTS
from ...kinds.base import LayoutDef, TemplatePlaceholder, no_placeholders, title_only
from ...scene import EmuBox

_FOOTERS = {"dt": "date", "ftr": "footer", "sldNum": "number"}
#: A layout with only a title, which kinds drawn with shapes fall back to.
TITLE_ONLY = LayoutDef("title_only", "Title Only", "title_only", "bullets", no_placeholders, title_only,
                       search="any", localized=("title only", "chỉ tiêu đề", "nur titel", "titre seul"))
_BY_KEY: dict[str, LayoutDef] = {layout.key: layout for layout in (*LAYOUTS, TITLE_ONLY)}
#: Layout keys ``deck.layouts`` may name.
OVERRIDABLE = tuple(layout.key for layout in LAYOUTS if layout.search != "grid")


@dataclass(frozen=True)
class LayoutChoice:
    """A layout and the placeholder idx serving each role on it ("title", "body", "left", …)."""

    name: str
    roles: dict[str, int]
    boxes: dict[str, EmuBox]
    via: str = ""                      # how it was found: type, name, override, fallback
    index: int = 0                     # position among the template's layouts


@dataclass(frozen=True)
class Missing:
    """A layout the deck needs that the template does not offer (or an override that fails)."""

    key: str
    message: str
    override: bool = False

    def __str__(self) -> str:
        return f"{self.key}: {self.message}"


@dataclass
class TemplateMap:
    """Which template layout each slide kind uses, the photo layouts, and what is missing."""

    kinds: dict[str, LayoutChoice] = field(default_factory=dict)
    photos: dict[int, LayoutChoice] = field(default_factory=dict)   # by number of picture cells
    missing: list[Missing] = field(default_factory=list)

    def for_kind(self, key: str) -> LayoutChoice:
        return self.kinds[key]

    def for_photos(self, count: int) -> LayoutChoice:
        fitting = sorted(n for n in self.photos if n >= count)
        return self.photos[fitting[0]] if fitting else self.kinds["image"]

    def choose(self, key: str, cells: int = 0) -> LayoutChoice:
        """The layout for a slide asking for layout ``key`` (with ``cells`` picture cells)."""
        return self.for_photos(cells) if cells else self.for_kind(key)

    @property
    def max_photos(self) -> int:
        return max(self.photos, default=1)


@dataclass(frozen=True)
class LayoutInfo:
    """What mapping reads of a template layout: its name, layout type and placeholders (with
    the boxes they have or inherit), whoever read them (python-pptx or the direct writer)."""

    name: str
    type: str | None
    placeholders: tuple[TemplatePlaceholder, ...]


# Clark names (python-pptx's qn) written out: this module is imported without python-pptx.
_P, _A = "{http://schemas.openxmlformats.org/presentationml/2006/main}", \
    "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_SP_PR = _P + "spPr"
_XFRM, _FRAME_XFRM, _OFF, _EXT = _A + "xfrm", _P + "xfrm", _A + "off", _A + "ext"
_FRAME_XFRM_OWNER = _P + "graphicFrame"


def read_layouts(presentation: Any) -> list[LayoutInfo]:
    """The layouts of a python-pptx presentation, in order."""
    return [LayoutInfo(layout.name, layout._element.get("type"), tuple(read_placeholders(layout)))
            for layout in presentation.slide_layouts]


def read_placeholders(layout: Any) -> list[TemplatePlaceholder]:
    """The layout's placeholders in document order, with their boxes.

    A box written on the layout is read straight from its XML; only a box inherited from the
    master goes through python-pptx, whose inheritance lookups run XPath for every property
    (a tenth of a small build when done for every placeholder of every layout)."""
    from ..placeholders import placeholder_shapes

    found = []
    inherited = None
    for ph, element in placeholder_shapes(layout._element.cSld.spTree):
        raw_idx = ph.get("idx", "0")
        if not raw_idx.isdigit():
            continue                      # not a placeholder PowerPoint could match either
        idx = int(raw_idx)
        box = _own_box(element)
        if box is None:
            if inherited is None:
                inherited = {shape.placeholder_format.idx: shape for shape in layout.placeholders}
            shape = inherited.get(idx)
            box = (int(shape.left or 0), int(shape.top or 0), int(shape.width or 0), int(shape.height or 0)) \
                if shape is not None else (0, 0, 0, 0)
        found.append(TemplatePlaceholder(ph.get("type", "obj"), idx, box))
    return found


def _own_box(element: Any) -> EmuBox | None:
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
    x, y, cx, cy = (int(v) for v in values if v is not None)
    return (x, y, cx, cy)


def _choice(layout: LayoutInfo, index: int, roles: Mapping[str, TemplatePlaceholder], via: str,
            placeholders: Sequence[TemplatePlaceholder]) -> LayoutChoice:
    footers = {_FOOTERS[p.type]: p for p in placeholders if p.type in _FOOTERS}
    every = {**roles, **footers}
    return LayoutChoice(layout.name, {k: p.idx for k, p in every.items()}, {k: p.box for k, p in every.items()},
                        via, index)


def map_template(presentation: Any, overrides: Mapping[str, str] | None = None) -> TemplateMap:
    """The layout for every kind of a python-pptx presentation (see :func:`map_layouts`)."""
    return map_layouts(read_layouts(presentation), overrides)


def map_layouts(layouts: Sequence[LayoutInfo], overrides: Mapping[str, str] | None = None) -> TemplateMap:
    """The layout for every kind: an override by name, else by type, else by localized name,
    else a fallback kind."""
    overrides = overrides or {}
    by_name = {layout.name.strip().lower(): n for n, layout in enumerate(layouts)}
    read = [list(layout.placeholders) for layout in layouts]

    found: dict[str, LayoutChoice] = {}
    for layout_def in (*LAYOUTS, TITLE_ONLY):
        if layout_def.search == "any":
            best = _best_candidate(layout_def, layouts, read)
            if best is not None:
                found[layout_def.key] = best
    for layout_def in LAYOUTS:
        if layout_def.search != "own" or layout_def.match is None:
            continue
        n = by_name.get(layout_def.name.lower())
        roles = layout_def.match(read[n]) if n is not None else None
        if n is not None and roles is not None:
            found[layout_def.key] = _choice(layouts[n], n, roles, "name", read[n])
    result = TemplateMap()
    for key, name in overrides.items():
        wanted = _BY_KEY.get(key)
        n = by_name.get(name.strip().lower())
        roles = wanted.match(read[n]) if wanted and wanted.match and n is not None else None
        if wanted is None or key not in OVERRIDABLE:
            close = difflib.get_close_matches(key, OVERRIDABLE, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'? " if close else ""
            result.missing.append(Missing(key, f"not a slide kind's layout; {hint}layouts: {', '.join(OVERRIDABLE)}",
                                          True))
        elif n is None:
            names = ", ".join(f"'{layout.name}'" for layout in layouts)
            result.missing.append(Missing(key, f"the template has no layout named '{name}'; its layouts: {names}",
                                          True))
        elif roles is None:
            result.missing.append(Missing(key, f"layout '{name}' has no placeholders a {key} slide can use", True))
        else:
            found[key] = _choice(layouts[n], n, roles, "override", read[n])
    for layout_def in (*LAYOUTS, TITLE_ONLY):
        if layout_def.search == "grid":
            continue
        key = layout_def.key
        if key in found:
            result.kinds[key] = found[key]
            continue
        fallback = next((f for f in layout_def.fallbacks if f in found), None)
        if fallback:
            choice = found[fallback]
            result.kinds[key] = LayoutChoice(choice.name, choice.roles, choice.boxes, f"fallback to {fallback}",
                                             choice.index)
        elif layout_def.required:
            result.missing.append(Missing(key, f"no layout with a title and a {'subtitle' if key == 'title' else 'body'}"))
    grid = next(layout_def for layout_def in LAYOUTS if layout_def.search == "grid")
    for n, layout in enumerate(layouts):
        roles = grid.match(read[n]) if grid.match else None
        if roles is not None:
            cells = sum(1 for role in roles if role.startswith("picture"))
            result.photos.setdefault(cells, _choice(layout, n, roles, "type", read[n]))
    return result


def _best_candidate(layout_def: LayoutDef, layouts: Sequence[LayoutInfo], read: list[list[TemplatePlaceholder]]
                    ) -> LayoutChoice | None:
    """Among layouts that can serve, prefer the right layout type, then a known name, then the
    fewest placeholders, then the first."""
    candidates = []
    for n, layout in enumerate(layouts):
        roles = layout_def.match(read[n]) if layout_def.match else None
        if roles is None:
            continue
        named = layout.name.strip().lower() in layout_def.localized
        typed = layout.type == layout_def.type
        candidates.append(((not typed, not named, len(read[n]), n), n, roles, typed, named))
    if not candidates:
        return None
    _, n, roles, typed, named = min(candidates, key=lambda c: c[0])
    return _choice(layouts[n], n, roles, "type" if typed else "name" if named else "shape", read[n])
