"""From a source to planned decks: load the outline, find the theme and template, plan.

The steps the public API (slidegen/api.py) strings together; an outline is loaded and its
look decided once, then planned in each language it is written in.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from .errors import Diagnostic, StrictModeError, ThemeError
from .model.outline import Outline
from .records import record
from .results import Deck, Loaded, PathLike
from .source import DataLocator, Locator

if TYPE_CHECKING:
    from .render.template.byo import HouseTemplate
    from .theme.model import Theme

#: What a deck can be made from: an outline file, outline data, or an Outline built in Python.
Source = Union[str, "os.PathLike[str]", Mapping[str, Any], Outline]


def load_source(source: Source, variables: Mapping[str, Any] | None, data: Mapping[str, Any] | None,
                base_dir: PathLike | None) -> Loaded:
    if isinstance(source, (str, os.PathLike)):
        from .outline.load import load_outline

        loaded = load_outline(Path(source), variables, data)
        return Loaded(loaded.outline, loaded.locator, loaded.base_dir, loaded.project_dir, loaded.path,
                      loaded.warnings, loaded.inputs)
    from .outline.memory import load_data
    from .project import project_root

    folder = Path(base_dir or Path.cwd()).resolve()
    outline = load_data(source, variables or {}, data or {}, folder)
    return Loaded(outline, DataLocator(), folder, project_root(folder))


@record
class Prepared:
    """A loaded outline with its look decided: theme, house template, layout overrides."""

    loaded: Loaded
    theme: "Theme"
    template: bytes | None
    overrides: dict[str, str]
    theme_files: tuple[Path, ...]
    warnings: tuple[Diagnostic, ...] = ()     # what the deck loses or gets drawn because of the template
    max_slides: int = 5_000                   # plan.deck.MAX_SLIDES, or what the caller allows


def prepare(loaded: Loaded, theme: "str | Theme | None", template: PathLike | bytes | None,
            max_slides: int | None = None) -> Prepared:
    from .theme.model import Theme as ThemeModel
    from .theme.registry import load_theme

    meta = loaded.outline.deck
    theme_files: list[Path] = []
    if isinstance(theme, ThemeModel):
        chosen = theme
    else:
        chosen = load_theme(theme or meta.theme, loaded.base_dir, theme_files)
    house, template_file = _template(template, meta.template, loaded)
    overrides = dict(meta.layouts)
    package: bytes | None = None
    warnings: list[Diagnostic] = []
    if house is not None:
        from .render.template.byo import theme_from_template  # lxml: only for house templates

        derived = theme_from_template(house, chosen, overrides, loaded.locator)
        chosen, package = derived.theme, derived.package
        # at deck.template when the outline names it there
        where = loaded.locator.at(("deck", "template")) if template is None else None
        warnings = [Diagnostic(message, where) for message in derived.warnings]
        if template_file is not None:
            theme_files.append(template_file)
    elif overrides:
        _check_overrides(chosen, overrides, loaded.locator)
    return Prepared(loaded, chosen, package, overrides, tuple(theme_files), tuple(warnings),
                    _slide_limit(max_slides))


def _slide_limit(max_slides: int | None) -> int:
    from .plan.slide_limit import MAX_SLIDES, MAX_SLIDES_CEILING

    if max_slides is None:
        return MAX_SLIDES
    if not 1 <= max_slides <= MAX_SLIDES_CEILING:
        raise ValueError(f"max_slides must be 1 to {MAX_SLIDES_CEILING:,}, not {max_slides}")
    return max_slides


def plan_language(prepared: Prepared, language: str | None, strict: bool) -> Deck:
    """The deck in ``language`` (default: the outline's first)."""
    from .plan.deck import plan_deck

    loaded = prepared.loaded
    planned = plan_deck(loaded.outline, prepared.theme, loaded.locator, loaded.base_dir, loaded.project_dir,
                        (*loaded.warnings, *prepared.warnings), language, prepared.max_slides)
    if strict and planned.warnings:
        raise StrictModeError.many([Diagnostic(f"warning (--strict): {w.message}", w.location)
                                    for w in planned.warnings])
    pictures = [Path(p.path) for s in planned.slides for p in getattr(s.content, "pictures", ()) if p.path]
    inputs = tuple(dict.fromkeys([*loaded.inputs, *prepared.theme_files, *pictures]))
    return Deck(planned, prepared.theme, loaded, prepared.template, prepared.overrides, inputs)


def _template(template: PathLike | bytes | None, named: str | None, loaded: Loaded
              ) -> tuple["HouseTemplate | None", Path | None]:
    """The house template read and checked, and its file (None for bytes given)."""
    if template is None and named is None:
        return None, None
    from .project import inside_project
    from .render.template.byo import read_template, read_template_bytes

    if isinstance(template, bytes):
        return read_template_bytes(template, "<template bytes>"), None
    if template is not None:     # given by the caller: relative to the current folder
        path = inside_project(str(template), Path.cwd(), loaded.project_dir, "template", None, ThemeError,
                              typed=True)
    else:                        # deck.template: relative to the outline
        path = inside_project(str(named), loaded.base_dir, loaded.project_dir, "template",
                              loaded.locator.at(("deck", "template")), ThemeError)
    return read_template(path), path


def _check_overrides(theme: "Theme", overrides: Mapping[str, str], locator: Locator) -> None:
    """``deck.layouts`` on a built-in theme: each must name a kind's layout that exists."""
    from .render.compose import theme_package
    from .render.template.byo import mapping_problems

    problems = mapping_problems(theme_package(theme), overrides, locator)
    if problems:
        raise ThemeError.many(problems)
