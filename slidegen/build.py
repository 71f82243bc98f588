"""The build: outline file → validated model → planned deck → .pptx bytes → output file."""

from __future__ import annotations

import io
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from . import output
from .errors import Diagnostic, StrictModeError
from .outline import load_outline
from .outline.variables import parse_data_options, parse_var_options
from .plan import plan_deck
from .plan.types import PlannedDeck
from .theme.model import Theme
from .theme.registry import load_theme


@dataclass(frozen=True)
class BuildResult:
    outline: Path
    output: Path
    deck: PlannedDeck
    warnings: tuple[Diagnostic, ...]
    seconds: float
    layouts: tuple[str, ...] = ()     # the template layout each slide was placed on
    inputs: tuple[Path, ...] = ()     # every file the deck was made from

    @property
    def slide_count(self) -> int:
        return len(self.deck.slides)


def default_output(outline: Path) -> Path:
    return Path("build") / f"{outline.stem}.pptx"


@dataclass(frozen=True)
class Planned:
    deck: PlannedDeck
    theme: Theme
    inputs: tuple[Path, ...]
    template: bytes | None = None          # a house template, slide-less, when one is used
    layout_overrides: dict[str, str] | None = None

    def __iter__(self):  # unpacks as (deck, theme)
        return iter((self.deck, self.theme))


def plan_outline(outline: Path, theme_name: str | None = None, variables: Sequence[str] = (),
                 data: Sequence[str] = (), template: Path | None = None) -> Planned:
    """Load and plan without rendering. With a house ``template`` (or the outline's
    ``deck.template``), its layouts, colours and fonts replace the theme's."""
    loaded = load_outline(outline, parse_var_options(variables), parse_data_options(data))
    meta = loaded.outline.deck
    theme_files: list[Path] = []
    theme = load_theme(theme_name or meta.theme, loaded.base_dir, theme_files)
    template_path = _template_path(template, loaded)
    package = None
    if template_path is not None:
        from .render.template.byo import read_template, theme_from_template  # python-pptx: lazily

        package = read_template(template_path)
        theme, _ = theme_from_template(package, theme, meta.layouts)
        theme_files.append(template_path)
    deck = plan_deck(loaded, theme)
    pictures = [Path(p.path) for s in deck.slides for p in s.content.pictures if p.path]
    inputs = tuple(dict.fromkeys([*loaded.inputs, *theme_files, *pictures]))
    return Planned(deck, theme, inputs, package, dict(meta.layouts) or None)


def _template_path(typed: Path | None, loaded) -> Path | None:
    """``--template`` (relative to the current folder) or ``deck.template`` (to the outline),
    held to the project folder by the one path rule."""
    from .errors import ThemeError
    from .project import inside_project, project_root

    project = project_root(loaded.base_dir)
    if typed is not None:
        return inside_project(typed, Path.cwd(), project, "template", None, ThemeError, typed=True)
    template = loaded.outline.deck.template
    if not template:
        return None
    where = loaded.source_map.at(("deck", "template"))
    return inside_project(template, loaded.base_dir, project, "template", where, ThemeError)


def _enforce_strict(deck: PlannedDeck, strict: bool) -> None:
    if strict and deck.warnings:
        raise StrictModeError.many([Diagnostic(f"warning (--strict): {w.message}", w.location)
                                    for w in deck.warnings])


def check(outline: Path, theme_name: str | None = None, strict: bool = False,
          variables: Sequence[str] = (), data: Sequence[str] = (), template: Path | None = None) -> PlannedDeck:
    """Validate and plan; with ``strict`` any warning is an error. Writes nothing."""
    deck, _ = plan_outline(outline, theme_name, variables, data, template)
    _enforce_strict(deck, strict)
    return deck


def render_bytes(planned: Planned) -> tuple[bytes, tuple[str, ...]]:
    """The .pptx bytes and the layout name used for each slide."""
    from .render.deck import render_deck  # python-pptx loads only when a deck is rendered

    buffer = io.BytesIO()
    layouts = render_deck(planned.deck, planned.theme, buffer, planned.template, planned.layout_overrides)
    return buffer.getvalue(), layouts


def build(outline: Path, output_path: Path | None = None, theme_name: str | None = None,
          strict: bool = False, variables: Sequence[str] = (), data: Sequence[str] = (),
          template: Path | None = None) -> BuildResult:
    """Build one deck; raise a SlidegenError (and leave any existing output untouched) on failure."""
    started = time.perf_counter()
    target = output_path or default_output(outline)
    output.check_writable(target)
    planned = plan_outline(outline, theme_name, variables, data, template)
    deck = planned.deck
    _enforce_strict(deck, strict)
    payload, layouts = render_bytes(planned)
    output.write_atomic(target, payload)
    return BuildResult(outline, target, deck, deck.warnings, time.perf_counter() - started, layouts,
                       planned.inputs)
