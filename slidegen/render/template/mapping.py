"""Which layout of a template serves each slide kind, and which placeholder holds each role.

Layouts are matched by what they are — their placeholders and their layout type (what
PowerPoint itself uses) — and by name only second, since names are localized ("Tiêu đề và Nội
dung", "Title and Content", "Titel und Inhalt"). What each kind needs of a layout is the kind's
own business (``LayoutDef.match`` and ``holds`` in slidegen/kinds/); this module ranks the
candidates over the layouts of every master. slidegen's own compiled templates go through the
same code as a house template.

For a house template (``limits`` given) a text role counts only if it holds a few lines of text
at the floor size (:mod:`.capacity`), vertical-text layouts are never used, and one master is
primary: every kind comes from it, or from a master of the same look (colours and fonts), so a
deck does not mix masters without reason. When no layout holds body text, bullets are drawn on
the title-only layout, in the free area beside its title (:mod:`.regions`).
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ...kinds import LAYOUTS
from ...kinds.base import TEXT_TYPES, LayoutDef, Parts, TemplatePlaceholder, no_placeholders, title_only
from ...scene import EmuBox
from .capacity import Limits, capacity
from .reader import LayoutInfo, TemplateInfo, read_info
from .regions import free_region, inside

_FOOTERS = {"dt": "date", "ftr": "footer", "sldNum": "number"}
#: A layout with only a title, which kinds drawn with shapes fall back to.
TITLE_ONLY = LayoutDef("title_only", "Title Only", "titleOnly", "bullets", no_placeholders, title_only,
                       search="any", localized=("title only", "chỉ tiêu đề", "nur titel", "titre seul",
                                                "solo el título", "alleen titel", "endast rubrik",
                                                "только заголовок", "仅标题", "タイトルのみ"))
_BY_KEY: dict[str, LayoutDef] = {layout.key: layout for layout in (*LAYOUTS, TITLE_ONLY)}
#: Layout keys ``deck.layouts`` may name.
OVERRIDABLE = tuple(layout.key for layout in LAYOUTS if layout.search != "grid")
_CONTENT_ROLES = ("body", "table", "chart", "picture", "left")


@dataclass(frozen=True)
class LayoutChoice:
    """A layout (by part: names repeat) and the placeholder idx serving each role on it."""

    name: str
    part: str                          # the layout's part name, /ppt/slideLayouts/slideLayout2.xml
    master: int                        # 1-based
    roles: dict[str, int]
    boxes: dict[str, EmuBox]           # placeholders' boxes, and drawn roles' boxes ("body" drawn)
    via: str = ""                      # how it was found: type, name, shape, override, fallback, drawn
    content: EmuBox | None = None      # where drawn content goes on this layout


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
    kinds: dict[str, LayoutChoice] = field(default_factory=dict)
    photos: dict[int, LayoutChoice] = field(default_factory=dict)   # by number of picture cells
    missing: list[Missing] = field(default_factory=list)
    primary: int = 1                                                # the master the deck uses
    warnings: list[str] = field(default_factory=list)

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


@lru_cache(maxsize=32)
def template_map(package: bytes, overrides: tuple[tuple[str, str], ...] = (), limits: Limits | None = None
                 ) -> TemplateMap:
    """The map of a package (cached: planning and rendering ask for the same one)."""
    return map_template(read_info(package), dict(overrides), limits)


def _normal(name: str) -> str:
    return " ".join(name.replace("-\n", "").replace("- ", "").split()).lower()


Found = tuple[dict[str, TemplatePlaceholder], float]


class _Mapper:
    """One template's layouts as candidates: their roles for each kind (measured once), the rank
    of their master (0 primary, 1 same look, 2 another look), and the choices made of them."""

    def __init__(self, info: TemplateInfo, limits: Limits | None) -> None:
        self.info, self.limits = info, limits
        self.layouts = [layout for layout in info.layouts if limits is None or not layout.vertical]
        self.rank = {m.index: 0 for m in info.masters}
        self._found: dict[tuple[str, str, bool], Found | None] = {}

    def roles(self, layout_def: LayoutDef, layout: LayoutInfo, measure: bool = True) -> Found | None:
        """The roles ``layout`` offers ``layout_def``, and how much its text roles hold (None
        when one holds too little)."""
        key = (layout_def.key, layout.part, measure)
        if key not in self._found:
            self._found[key] = self._roles(layout_def, layout, measure)
        return self._found[key]

    def _roles(self, layout_def: LayoutDef, layout: LayoutInfo, measure: bool) -> Found | None:
        roles = layout_def.match(layout.placeholders) if layout_def.match else None
        if roles is None:
            return None
        if len({p.idx for p in roles.values()}) != len(roles):
            return None                  # one placeholder cannot hold two roles
        if self.limits is None or not measure:
            return roles, 0.0
        limits = self.limits if self.limits.font else dataclasses.replace(
            self.limits, font=layout.master.fonts[1] or "Arial")
        total = 0.0
        for holds in layout_def.holds:
            placeholder = roles.get(holds.role)
            if placeholder is None:
                continue
            box = inside(placeholder.box, self.info.width, self.info.height)
            held = capacity(box, placeholder.size, holds, limits, placeholder.insets)
            if held is None:
                return None
            total += held
        return roles, total

    def choice(self, layout: LayoutInfo, roles: Mapping[str, TemplatePlaceholder], via: str) -> LayoutChoice:
        """``layout`` serving ``roles``, with its footers, and where drawn content goes on it: the
        main content placeholder's box, else (a house template) the free area beside the title."""
        footers = {_FOOTERS[p.type]: p for p in layout.placeholders if p.type in _FOOTERS}
        every = {**roles, **footers}
        content = None
        if self.limits is not None:
            main = next((roles[r] for r in _CONTENT_ROLES if r in roles), None)
            if main is not None and main.area > 0:
                content = inside(main.box, self.info.width, self.info.height)
            else:
                content = free_region(roles["title"].box if "title" in roles else None,
                                      [p.box for p in footers.values()], self.info.width, self.info.height)
        return LayoutChoice(layout.name, layout.part, layout.master.index, {k: p.idx for k, p in every.items()},
                            {k: p.box for k, p in every.items()}, via, content)

    def best(self, layout_def: LayoutDef) -> LayoutChoice | None:
        """Among layouts that can serve (the primary master's, or a master that looks the same):
        a title that reads across, the right layout type, a known name, the primary master's, the
        fewest placeholders left empty, the most room, the first."""
        candidates = []
        for layout in self.layouts:
            rank = self.rank[layout.master.index]
            if rank > 1:
                continue
            found = self.roles(layout_def, layout)
            if found is None:
                continue
            roles, room = found
            typed = layout.type == layout_def.type
            named = _normal(layout.name) in layout_def.localized
            used = {p.idx for p in roles.values()}
            empty = sum(1 for p in layout.placeholders if p.idx not in used and p.type not in _FOOTERS
                        and (p.type in TEXT_TYPES or p.type in ("pic", "tbl", "chart", "media", "clipArt")))
            upright = not roles["title"].vertical if "title" in roles else True
            candidates.append(((not upright, not typed, not named, rank, empty, -room, layout.order), layout, roles,
                               typed, named))
        if not candidates:
            return None
        _, layout, roles, typed, named = min(candidates, key=lambda c: c[0])
        return self.choice(layout, roles, "type" if typed else "name" if named else "shape")

    def choose_primary(self) -> int:
        """The master whose own layouts serve bullets and the title slide best."""
        if len(self.info.masters) < 2:
            return self.info.masters[0].index if self.info.masters else 1
        bullets, title = _BY_KEY["bullets"], _BY_KEY["title"]
        scores = []
        for master in self.info.masters:
            own = [layout for layout in self.layouts if layout.master is master]
            served = sum(1 for layout_def in (*LAYOUTS, TITLE_ONLY) if layout_def.search == "any"
                         and any(self.roles(layout_def, layout) for layout in own))
            scores.append(((any(self.roles(bullets, layout) for layout in own),
                            any(self.roles(TITLE_ONLY, layout) for layout in own),
                            any(self.roles(title, layout) for layout in own), served, -master.index), master))
        primary = max(scores, key=lambda s: s[0])[1]
        self.rank = {m.index: 0 if m is primary else 1 if m.look == primary.look else 2 for m in self.info.masters}
        return primary.index

    def by_name(self, name: str) -> LayoutInfo | None:
        """A layout by name (the primary master's first) or by part ("slideLayout7")."""
        wanted = _normal(name)
        named = [layout for layout in self.info.layouts
                 if _normal(layout.name) == wanted or layout.part.rsplit("/", 1)[-1].lower() in (wanted, wanted + ".xml")]
        return min(named, key=lambda layout: (self.rank[layout.master.index], layout.order), default=None)


def map_template(info: TemplateInfo, overrides: Mapping[str, str] | None = None, limits: Limits | None = None,
                 last_resort: bool = True) -> TemplateMap:
    """The layout for every kind: an override by name, else by type, else by localized name,
    else a fallback kind. ``limits``: a house template's text roles are measured with them.
    ``last_resort``: with no layout for body text and no title-only layout, draw bullets on the
    titled layout with the most free room (after a layout made from the master, see byo)."""
    overrides = overrides or {}
    mapper = _Mapper(info, limits)
    result = TemplateMap(primary=mapper.choose_primary())
    found: dict[str, LayoutChoice] = {}
    for layout_def in (*LAYOUTS, TITLE_ONLY):
        if layout_def.search == "any":
            best = mapper.best(layout_def)
            if best is not None:
                found[layout_def.key] = best
    for layout_def in LAYOUTS:
        if layout_def.search != "own" or layout_def.match is None:
            continue
        layout = mapper.by_name(layout_def.name)
        roles = mapper.roles(layout_def, layout) if layout is not None and mapper.rank[layout.master.index] <= 1 \
            else None
        if layout is not None and roles is not None:
            found[layout_def.key] = mapper.choice(layout, roles[0], "name")
    _overrides(mapper, overrides, found, result)
    if "bullets" not in found and limits is not None and ("title_only" in found or last_resort):
        base = found.get("title_only") or _roomiest(mapper)
        if base is not None and base.content is not None:
            found["bullets"] = LayoutChoice(base.name, base.part, base.master, base.roles,
                                            {**base.boxes, "body": base.content}, "drawn on title-only",
                                            base.content)
            result.warnings.append(f"no layout holds body text at {limits.floor:.0%} size: bullets are drawn as "
                                   f"text boxes on '{base.name}'")
    for layout_def in (*LAYOUTS, TITLE_ONLY):
        if layout_def.search == "grid":
            continue
        key = layout_def.key
        if key in found:
            result.kinds[key] = found[key]
            continue
        resolved = {**found, **result.kinds}          # a fallback may itself be one (section → title)
        fallback = next((f for f in layout_def.fallbacks if f in resolved), None)
        if fallback:
            choice = resolved[fallback]
            result.kinds[key] = LayoutChoice(choice.name, choice.part, choice.master, choice.roles, choice.boxes,
                                             f"fallback to {fallback}", choice.content)
        elif layout_def.required:
            result.missing.append(Missing(key, "no layout with a title and a "
                                               f"{'subtitle' if key == 'title' else 'body'}"))
    grid = next(layout_def for layout_def in LAYOUTS if layout_def.search == "grid")
    for layout in mapper.layouts:
        found_grid = mapper.roles(grid, layout) if mapper.rank[layout.master.index] <= 1 else None
        if found_grid is not None:
            cells = sum(1 for role in found_grid[0] if role.startswith("picture"))
            result.photos.setdefault(cells, mapper.choice(layout, found_grid[0], "type"))
    return result


def _roomiest(mapper: _Mapper) -> LayoutChoice | None:
    """The layout with a title and the largest free area beside it (its other placeholders
    stay empty and are removed from the slides drawn on it)."""
    best: tuple[int, int, LayoutChoice] | None = None
    for layout in mapper.layouts:
        if mapper.rank[layout.master.index] > 1:
            continue
        found = mapper.roles(TITLE_ANY, layout)
        if found is None:
            continue
        choice = mapper.choice(layout, found[0], "shape")
        area = choice.content[2] * choice.content[3] if choice.content else 0
        if best is None or (area, -layout.order) > best[:2]:
            best = (area, -layout.order, choice)
    return best[2] if best else None


def _any_title(placeholders: Sequence[TemplatePlaceholder]) -> dict[str, TemplatePlaceholder] | None:
    title = Parts.of(placeholders).title
    return {"title": title} if title is not None else None


#: Any layout with a title: what bullets are drawn on when nothing better exists.
TITLE_ANY = LayoutDef("titled", "", "", "bullets", no_placeholders, _any_title)


def _overrides(mapper: _Mapper, overrides: Mapping[str, str], found: dict[str, LayoutChoice],
               result: TemplateMap) -> None:
    for key, name in overrides.items():
        wanted = _BY_KEY.get(key)
        if wanted is None or key not in OVERRIDABLE:
            close = difflib.get_close_matches(key, OVERRIDABLE, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'? " if close else ""
            result.missing.append(Missing(key, f"not a slide kind's layout; {hint}layouts: {', '.join(OVERRIDABLE)}",
                                          True))
            continue
        layout = mapper.by_name(name)
        if layout is None:
            names = ", ".join(f"'{layout.name}'" for layout in mapper.info.layouts)
            result.missing.append(Missing(key, f"the template has no layout named '{name}'; its layouts: {names}",
                                          True))
            continue
        roles = mapper.roles(wanted, layout, measure=False)
        if roles is None:
            result.missing.append(Missing(key, f"layout '{name}' has no placeholders a {key} slide can use", True))
            continue
        found[key] = mapper.choice(layout, roles[0], "override")
        if mapper.limits is not None and mapper.roles(wanted, layout) is None:
            result.warnings.append(f"deck.layouts: {key}: layout '{layout.name}' holds only a few lines of text; "
                                   "its slides will often continue on the next")
