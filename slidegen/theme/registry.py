"""Finding and loading themes: built-in ones, and theme folders next to an outline.

A theme may ``extends: <other>``; it then overrides only the keys it names (mappings merge
recursively, everything else is replaced).
"""

from __future__ import annotations

import dataclasses
import importlib.util
from pathlib import Path
from typing import Any

from ..errors import Diagnostic, ThemeError, display_path
from ..records import record, replace
from ..source import SourceLocation
from ..outline.source import read_text
from ..outline.yaml_tree import parse_yaml
from ..source import SourceMap
from ..validation import validate
from .model import Box, Theme

THEME_FILE = "theme.yaml"
_MAX_EXTENDS = 8


@record
class ThemeInfo:
    """A built-in theme's name, description and file, for ``slidegen themes``."""

    name: str
    description: str
    path: Path


def builtin_dir() -> Path:
    """Where the built-in themes are: ``themes/`` in a checkout, ``slidegen/_themes`` when installed
    (a data-only namespace package, so its folder comes from the import spec)."""
    checkout = Path(__file__).resolve().parents[2] / "themes"
    if (checkout / "formal" / THEME_FILE).is_file():
        return checkout
    spec = importlib.util.find_spec("slidegen._themes")
    locations = list(spec.submodule_search_locations or []) if spec else []
    return Path(locations[0]) if locations else checkout


def builtin_names() -> list[str]:
    return sorted(p.parent.name for p in builtin_dir().glob(f"*/{THEME_FILE}"))


def find_theme(name: str, search_from: Path | None = None) -> Path:
    """The theme.yaml for a name or path; raise ThemeError listing the themes there are."""
    candidates: list[Path] = []
    as_path = Path(name)
    for base in ([search_from] if search_from else []) + [Path.cwd()]:
        candidates += [base / as_path, base / as_path / THEME_FILE, base / "themes" / name / THEME_FILE]
    candidates.append(builtin_dir() / name / THEME_FILE)
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise ThemeError(f"unknown theme '{name}'; built-in themes: {', '.join(builtin_names())} "
                     "(or give a folder that holds theme.yaml)")


def load_theme(name: str, search_from: Path | None = None, files: list[Path] | None = None) -> Theme:
    """Load and validate a theme, following ``extends`` chains; the theme files read are appended
    to ``files`` when given."""
    path = find_theme(name, search_from)
    data, source_map = _read(path)
    chain = [str(path.resolve())]
    names = [name]
    current = path
    while isinstance(data, dict) and "extends" in data:
        parent_name = data.pop("extends")
        where = source_map.at(("extends",))
        for table in (source_map.values, source_map.keys):   # the key is consumed here
            table.pop(("extends",), None)
        if not isinstance(parent_name, str):
            raise ThemeError("'extends' names another theme", where)
        parent_path = find_theme(parent_name, current.parent.parent)
        names.append(parent_name)
        if str(parent_path.resolve()) in chain:
            raise ThemeError(f"themes extend each other in a loop: {' → '.join(names)}", where)
        if len(chain) > _MAX_EXTENDS:
            raise ThemeError(f"themes extend each other more than {_MAX_EXTENDS} deep: {' → '.join(names)}", where)
        chain.append(str(parent_path.resolve()))
        parent, parent_map = _read(parent_path)
        data = _merge(parent, data)
        # Keys the child wrote keep their own locations; inherited ones point at the parent.
        parent_map.values.update(source_map.values)
        parent_map.keys.update(source_map.keys)
        source_map = parent_map
        current = parent_path
    if files is not None:
        files.extend(Path(p) for p in chain)
    theme = validate(data, Theme, source_map, ThemeError)
    _check_geometry(theme, source_map)
    if theme.logo:
        logo = _find_logo(theme.logo, [Path(p).parent for p in chain], search_from, source_map.at(("logo",)))
        if logo is None:
            raise ThemeError(f"logo '{theme.logo}' not found next to the theme or in assets/",
                             source_map.at(("logo",)))
        _check_logo(logo, theme.logo_box is not None, source_map.at(("logo",)))
        theme = replace(theme, logo=str(logo))
        if files is not None:
            files.append(logo)
    return theme


def _check_geometry(theme: Theme, source_map: SourceMap) -> None:
    """Every layout a slide kind needs is there, and every box lies on the slide."""
    from ..kinds import LAYOUTS  # the kinds say which layouts a theme must describe

    problems = []
    needed = sorted({layout.geometry for layout in LAYOUTS})
    missing = [name for name in needed if name not in theme.layouts]
    if missing:
        problems.append(Diagnostic(f"the theme has no geometry for layouts: {', '.join(missing)}",
                                   source_map.at(("layouts",))))
    for path, box in _boxes(theme):
        if not _on_slide(box, theme):
            problems.append(Diagnostic(
                f"box {[round(v, 3) for v in box]} lies outside the {theme.slide_width:g} × {theme.slide_height:g} in "
                "slide", source_map.at(path)))
    if problems:
        raise ThemeError.many(problems)


def _boxes(theme: Theme) -> list[tuple[tuple[str | int, ...], Box]]:
    found: list[tuple[tuple[str | int, ...], Box]] = []
    for n, decoration in enumerate(theme.decorations):
        found.append((("decorations", n, "box"), decoration.box))
    for role in ("date", "text", "number"):
        found.append((("footer", role), getattr(theme.footer, role)))
    if theme.logo_box:
        found.append((("logo_box",), theme.logo_box))
    for name, layout in theme.layouts.items():
        for field in dataclasses.fields(layout):
            value = getattr(layout, field.name)
            if field.name == "decorations":
                found += [(("layouts", name, "decorations", n, "box"), d.box) for n, d in enumerate(value)]
            elif isinstance(value, tuple) and len(value) == 4 and all(isinstance(v, float) for v in value):
                found.append((("layouts", name, field.name), value))
    return found


def _on_slide(box: Box, theme: Theme, slack: float = 0.01) -> bool:
    left, top, width, height = box
    return (left >= -slack and top >= -slack and left + width <= theme.slide_width + slack
            and top + height <= theme.slide_height + slack)


def _check_logo(path: Path, has_box: bool, where: SourceLocation) -> None:
    """A logo is held to the same limits as any picture, and is PNG or JPEG (a master's logo is
    shown on every slide: a format some viewers skip would leave a hole on all of them)."""
    from ..pictures import PictureRefused, check_picture

    if not has_box:
        raise ThemeError("a theme with a 'logo' needs a 'logo_box': [left, top, width, height] in inches", where)
    try:
        check_picture(path, frozenset({"PNG", "JPEG"}))
    except PictureRefused as refused:
        raise ThemeError(f"logo {path.name} {refused}", where) from None


def _find_logo(name: str, theme_dirs: list[Path], search_from: Path | None,
               where: SourceLocation) -> Path | None:
    """A logo next to the theme, in the project's assets/, or among the built-in assets; each
    place held to its own folder by the one path rule (a built-in theme's to slidegen's own)."""
    from ..project import inside_project, project_root

    builtin = builtin_dir().parent.resolve()
    places = [(d, d) for d in theme_dirs]
    places += [(project_root(d) / "assets", d) for d in theme_dirs]
    if search_from is not None:
        places += [(project_root(search_from) / "assets", search_from), (project_root(search_from), search_from)]
    places += [(builtin / "assets", builtin), (builtin / "_assets", builtin)]
    for folder, owner in places:
        root = builtin if owner.resolve().is_relative_to(builtin) else project_root(owner)
        candidate = inside_project(name, folder, root, "logo", where, ThemeError)
        if candidate.is_file():
            return candidate
    return None


def list_themes() -> list[ThemeInfo]:
    infos = []
    for name in builtin_names():
        path = builtin_dir() / name / THEME_FILE
        data, _ = _read(path)
        infos.append(ThemeInfo(name, str(data.get("description", "")), path))
    return infos


def _read(path: Path) -> tuple[Any, SourceMap]:
    data, source_map = parse_yaml(read_text(path, what="theme file"), display_path(path))
    if not isinstance(data, dict):
        raise ThemeError("a theme file is a mapping of theme keys", SourceLocation(display_path(path), 1, 1))
    return data, source_map


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged
