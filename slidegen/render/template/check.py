"""``slidegen template check``: a template's masters and layouts, the layout each slide kind uses,
what reading it repaired, and what is missing."""

from __future__ import annotations

from pathlib import Path

from ...errors import SlidegenError
from ...records import record
from ...scene import EMU_PER_INCH, EmuBox
from .byo import HouseTemplate, read_template, theme_from_template
from .mapping import OVERRIDABLE, LayoutChoice, TemplateMap, template_map
from .reader import TemplateInfo, read_info


@record
class TemplateReport:
    """What ``slidegen template check`` prints, and whether the template can be used."""

    lines: tuple[str, ...]
    ok: bool


def check_template(path: Path, overrides: dict[str, str] | None = None) -> TemplateReport:
    return check_house(path.name, read_template(path), overrides)


def check_house(label: str, house: HouseTemplate, overrides: dict[str, str] | None = None) -> TemplateReport:
    """The report for a house template, as a deck on the default theme would use it."""
    from ...theme.registry import load_theme

    try:
        derived = theme_from_template(house, load_theme("formal"), overrides)
    except SlidegenError as error:
        info = read_info(house.data)
        message = error.diagnostics[-1].message
        lines = [f"{label}: cannot be used: {message.split(' cannot be used: ', 1)[-1]}", *_masters(info, None)]
        lines += [f"  repaired: {line}" for line in house.repaired]
        return TemplateReport(tuple(lines), False)
    info = read_info(derived.package)
    notes = [f"  repaired: {line}" for line in house.repaired]
    notes += [f"  warning: {_short(line, house.shown)}" for line in derived.warnings]
    return _report(label, info, derived.mapping, notes, house=True)


def check_theme(name: str, overrides: dict[str, str] | None = None) -> TemplateReport:
    """The report for the template a built-in (or folder) theme compiles to."""
    from ...theme.registry import load_theme
    from . import compile_template

    package = compile_template(load_theme(name))
    return _report(f"theme {name}", read_info(package), template_map(package, tuple((overrides or {}).items())), [])


def _short(line: str, shown: str) -> str:
    prefix = f"template {shown}: "
    return line[len(prefix):] if line.startswith(prefix) else line


def _masters(info: TemplateInfo, mapping: TemplateMap | None) -> list[str]:
    lines = []
    for master in info.masters:
        layouts = [layout for layout in info.layouts if layout.master is master]
        names = [layout.name for layout in layouts]
        shown = ", ".join(f"'{layout.name}'" + (f" ({layout.part.rsplit('/', 1)[-1]})" if names.count(layout.name) > 1
                                                 else "") for layout in layouts) or "no layouts"
        used = " — the deck's master" if mapping is not None and master.index == mapping.primary and \
            len(info.masters) > 1 else ""
        lines.append(f"  master {master.index} '{master.name}'{used}: {len(layouts)} layouts: {shown}")
    return lines


def _inches(box: EmuBox) -> str:
    x, y, w, h = (v / EMU_PER_INCH for v in box)
    return f"{w:.1f} × {h:.1f} in at ({x:.1f}, {y:.1f})"


def _describe(choice: LayoutChoice, several: bool) -> str:
    roles = ", ".join(f"{role}={idx}" for role, idx in choice.roles.items() if role not in ("date", "footer", "number"))
    drawn = [role for role in choice.boxes if role not in choice.roles]
    extra = "".join(f"; {role} drawn {_inches(choice.boxes[role])}" for role in drawn)
    where = f"master {choice.master} " if several else ""
    return f"{where}'{choice.name}' ({choice.via}; {roles}{extra})"


def _report(label: str, info: TemplateInfo, mapping: TemplateMap, notes: list[str], house: bool = False
            ) -> TemplateReport:
    several = len(info.masters) > 1
    count = f"{len(info.layouts)} layouts in {len(info.masters)} masters" if several else f"{len(info.layouts)} layouts"
    lines = [f"{label}: {count}", *_masters(info, mapping)]
    width = max(len(k) for k in OVERRIDABLE) + 1
    for kind in OVERRIDABLE:
        choice = mapping.kinds.get(kind)
        lines.append(f"  {kind:<{width}} {_describe(choice, several) if choice else 'MISSING'}")
    grids = ", ".join(f"{n}: '{c.name}'" for n, c in sorted(mapping.photos.items())) or "none (one photo per slide)"
    lines.append(f"  {'photos':<{width}} {grids}")
    lines += notes
    # Slides other than the title and closing ones show the number, where their layout has a place for it.
    used = dict.fromkeys(c.part for k, c in mapping.kinds.items() if k not in ("title", "closing")) if house else {}
    for part in used:
        layout = info.layout(part)
        if not any(p.type == "sldNum" for p in layout.placeholders):
            lines.append(f"  note: layout '{layout.name}' has no slide-number placeholder: its slides show no number")
    lines += [f"  missing: {problem}" for problem in mapping.missing]
    return TemplateReport(tuple(lines), not mapping.missing)
