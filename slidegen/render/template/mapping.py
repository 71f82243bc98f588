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

import difflib
from collections.abc import Mapping
from dataclasses import field
from functools import lru_cache

from ...kinds import LAYOUTS
from .candidates import BY_KEY, TITLE_ONLY, Candidates, LayoutChoice, roomiest
from .capacity import Limits
from .info import TemplateInfo
from ...records import record

__all__ = ["OVERRIDABLE", "TITLE_ONLY", "LayoutChoice", "Missing", "TemplateMap", "map_template", "template_map"]
#: Layout keys ``deck.layouts`` may name.
OVERRIDABLE = tuple(layout.key for layout in LAYOUTS if layout.search != "grid")


@record
class Missing:
    """A layout the deck needs that the template does not offer (or an override that fails)."""

    key: str
    message: str
    override: bool = False

    def __str__(self) -> str:
        return f"{self.key}: {self.message}"


@record(frozen=False)
class TemplateMap:
    """Which layout each slide kind uses (by part), the photo layouts, what is missing, and the master the deck
    uses."""

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
    from .reader import read_info  # lxml: the direct writer maps slidegen's own templates without it

    return map_template(read_info(package), dict(overrides), limits)


def map_template(info: TemplateInfo, overrides: Mapping[str, str] | None = None, limits: Limits | None = None,
                 last_resort: bool = True) -> TemplateMap:
    """The layout for every kind: an override by name, else by type, else by localized name,
    else a fallback kind. ``limits``: a house template's text roles are measured with them.
    ``last_resort``: with no layout for body text and no title-only layout, draw bullets on the
    titled layout with the most free room (after a layout made from the master, see byo)."""
    overrides = overrides or {}
    mapper = Candidates(info, limits)
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
        base = found.get("title_only") or roomiest(mapper)
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


def _overrides(mapper: Candidates, overrides: Mapping[str, str], found: dict[str, LayoutChoice],
               result: TemplateMap) -> None:
    for key, name in overrides.items():
        wanted = BY_KEY.get(key)
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
