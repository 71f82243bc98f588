"""``slidegen template check``: the layout a template offers each slide kind, and what is missing."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from pptx import Presentation

from .byo import read_template
from .mapping import OVERRIDABLE, map_template


@dataclass(frozen=True)
class TemplateReport:
    lines: tuple[str, ...]
    ok: bool


def check_template(path: Path, overrides: dict[str, str] | None = None) -> TemplateReport:
    return check_package(path.name, read_template(path), overrides)


def check_theme(name: str, overrides: dict[str, str] | None = None) -> TemplateReport:
    """The report for the template a built-in (or folder) theme compiles to."""
    from ...theme.registry import load_theme
    from . import compile_template

    return check_package(f"theme {name}", compile_template(load_theme(name)), overrides)


def check_package(label: str, package: bytes, overrides: dict[str, str] | None = None) -> TemplateReport:
    presentation = Presentation(io.BytesIO(package))
    mapping = map_template(presentation, overrides)
    lines = [f"{label}: {len(presentation.slide_layouts)} layouts"]
    width = max(len(k) for k in OVERRIDABLE) + 1
    for kind in OVERRIDABLE:
        choice = mapping.kinds.get(kind)
        if choice is None:
            lines.append(f"  {kind:<{width}} MISSING")
            continue
        roles = ", ".join(f"{role}={idx}" for role, idx in choice.roles.items()
                          if role not in ("date", "footer", "number"))
        lines.append(f"  {kind:<{width}} '{choice.name}' ({choice.via}; {roles})")
    grids = ", ".join(f"{n}: '{c.name}'" for n, c in sorted(mapping.photos.items())) or "none (one photo per slide)"
    lines.append(f"  {'photos':<{width}} {grids}")
    lines += [f"  missing: {problem}" for problem in mapping.missing]
    return TemplateReport(tuple(lines), not mapping.missing)
