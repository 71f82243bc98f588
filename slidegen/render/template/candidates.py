"""The candidates among a template's layouts for each slide kind, ranked.

A layout can serve a kind when the kind's matcher finds its roles there (``LayoutDef.match``)
and, on a house template, each text role holds what the kind asks (``LayoutDef.holds``, measured
by :mod:`.capacity`). Candidates come from the primary master and masters that look like it
(the same colours and fonts); among them a title that reads across wins, then the right layout
type, a known (localized) name, the primary master, the fewest placeholders left empty, the most
room, the first. Each choice records where drawn content goes on its layout.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ...kinds import LAYOUTS
from ...kinds.base import TEXT_TYPES, LayoutDef, Parts, TemplatePlaceholder, no_placeholders, title_only
from ...records import record, replace
from ...scene import EmuBox
from .capacity import Limits, capacity
from .info import LayoutInfo, TemplateInfo
from .regions import free_region, inside

_FOOTERS = {"dt": "date", "ftr": "footer", "sldNum": "number"}
#: A layout with only a title, which kinds drawn with shapes fall back to.
TITLE_ONLY = LayoutDef("title_only", "Title Only", "titleOnly", "bullets", no_placeholders, title_only,
                       search="any", localized=("title only", "chỉ tiêu đề", "nur titel", "titre seul",
                                                "solo el título", "alleen titel", "endast rubrik",
                                                "только заголовок", "仅标题", "タイトルのみ"))
BY_KEY: dict[str, LayoutDef] = {layout.key: layout for layout in (*LAYOUTS, TITLE_ONLY)}
_CONTENT_ROLES = ("body", "table", "chart", "picture", "left")


@record
class LayoutChoice:
    """A layout (by part: names repeat) and the placeholder idx serving each role on it."""

    name: str
    part: str                          # the layout's part name, /ppt/slideLayouts/slideLayout2.xml
    master: int                        # 1-based
    roles: dict[str, int]
    boxes: dict[str, EmuBox]           # placeholders' boxes, and drawn roles' boxes ("body" drawn)
    via: str = ""                      # how it was found: type, name, shape, override, fallback, drawn
    content: EmuBox | None = None      # where drawn content goes on this layout


def normal(name: str) -> str:
    return " ".join(name.replace("-\n", "").replace("- ", "").split()).lower()


Found = tuple[dict[str, TemplatePlaceholder], float]


class Candidates:
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
        limits = self.limits if self.limits.font else replace(
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
            named = normal(layout.name) in layout_def.localized
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
        bullets, title = BY_KEY["bullets"], BY_KEY["title"]
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
        wanted = normal(name)
        named = [layout for layout in self.info.layouts
                 if normal(layout.name) == wanted or layout.part.rsplit("/", 1)[-1].lower() in (wanted, wanted + ".xml")]
        return min(named, key=lambda layout: (self.rank[layout.master.index], layout.order), default=None)


def roomiest(mapper: Candidates) -> LayoutChoice | None:
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
