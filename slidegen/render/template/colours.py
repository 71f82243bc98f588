"""Colours a house template shows: text against background, and the deck's accents chosen by contrast.

A template's title and body colours come from its master's text styles (and a layout's own list
style), its backgrounds from the layout or the master, all resolved through the master's colour
map. A slide whose text would not stand out from its background is worth a warning (a dark
template whose text styles say black); the agenda's highlight and muted colours and the accent of
drawn kinds are chosen among the template's scheme colours so that they do stand out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ...scene import EmuBox
from ...theme.contrast import contrast
from ...theme.model import ColorRef
from .reader import LayoutInfo, MasterInfo

LOW = 3.0              # below this even large text is hard to read (WCAG's large-text minimum)
_ALIASES = ("bg1", "tx1", "bg2", "tx2")
_DEFAULT_MAP = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}
#: Candidates, in order of preference, for each colour the deck chooses.
HIGHLIGHT: tuple[ColorRef, ...] = ("accent2", "accent1", "accent6", "accent4", "tx2", "tx1")
MUTED: tuple[ColorRef, ...] = ("accent5", "accent3", "accent4", "accent6", "accent1", "tx2", "tx1")
ACCENT: tuple[ColorRef, ...] = ("accent1", "accent2", "accent6", "accent4", "tx2", "tx1")


def resolve(ref: str | None, master: MasterInfo) -> str | None:
    """A colour as RRGGBB (a scheme name through the colour map), None when unknown."""
    if ref is None or ref == "picture":
        return None
    if ref.startswith("#"):
        return ref[1:]
    slot = master.color_map.get(ref, _DEFAULT_MAP.get(ref, ref)) if ref in _ALIASES else ref
    return master.colors.get(slot)


def background(layout: LayoutInfo, box: EmuBox | None = None) -> str | None:
    """What is behind the layout's text (at ``box``): a shape there, its own background, else its
    master's, else bg1 (None: a picture, whose colour is unknown)."""
    ref = (layout.behind(box) if box is not None else layout.background or layout.master.background) or "bg1"
    return resolve(ref, layout.master)


def choose(candidates: Iterable[ColorRef], master: MasterInfo, behind: str | None, default: ColorRef,
           also: str | None = None) -> ColorRef:
    """The first candidate that reaches 3:1 against ``behind`` (and against the scheme colour
    ``also``, when one does: key figures sit on bg2 cards)."""
    if behind is None:
        return default
    backs = [behind] + ([v] if also and (v := resolve(also, master)) else [])
    names = list(candidates)
    for wanted in (backs, backs[:1]):
        for name in names:
            value = resolve(name, master)
            if value is not None and all(contrast(value, back) >= LOW for back in wanted):
                return name
    return default


def low_contrast(layouts: Iterable[tuple[LayoutInfo, Mapping[str, EmuBox]]], shown: str) -> list[str]:
    """Warnings for title and body text (each of the body style's levels) that would not stand out
    from what is behind it: one per colour pair, with the levels and layouts it occurs on.
    ``layouts``: each with the boxes of its "title" and "body" as a deck places them."""
    found: dict[tuple[str, str, str], tuple[list[int], list[str]]] = {}
    for layout, boxes in layouts:
        master = layout.master
        texts = [("title", 1, layout.title_look.color or master.title.color or "tx1")]
        texts += [("body", n, look.color or (master.body[0].color if n > 1 else None) or "tx1")
                  for n, look in enumerate(master.body, start=1)]
        for role, level, ref in texts:
            box = boxes.get(role)
            behind = background(layout, box) if box is not None else None
            value = resolve(ref, master)
            if value is None or behind is None or contrast(value, behind) >= LOW:
                continue
            levels, names = found.setdefault((role, value, behind), ([], []))
            if level not in levels:
                levels.append(level)
            if layout.name not in names:
                names.append(layout.name)
    out = []
    for (role, value, behind), (levels, names) in found.items():
        where = ", ".join(f"'{n}'" for n in names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        which = "" if role == "title" else f" (level {', '.join(map(str, sorted(levels)))})"
        out.append(f"template {shown}: {role} text{which} #{value} on #{behind} has a contrast of "
                   f"{contrast(value, behind):.1f}:1 (below {LOW:.0f}:1) on {where}: it may not be readable")
    return out
