"""The public API: build a deck from an outline file, a mapping, or model objects.

Everything the command line does goes through these functions::

    import slidegen

    deck = slidegen.plan({"deck": {"title": "Báo cáo"}, "sections": [...]}, theme="formal")
    for slide in deck.slides:
        print(slide.number, slide.kind, slide.title, slide.font_scale)
    deck.save("build/report.pptx")            # atomic; the folder is created

Errors are :class:`~slidegen.errors.SlidegenError`: for a file they name file:line:col, for data
from Python the path inside it (``sections[1].items[3].slides[0].bullets[2]``).
"""

from __future__ import annotations

import io
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from . import output
from .errors import Diagnostic, OutputError, StrictModeError, ThemeError, display_path
from .model.outline import Outline
from .project import outside_allowed
from .source import DataLocator, Locator

if TYPE_CHECKING:
    from .plan.types import PlannedDeck, PlannedSlide
    from .render.template.byo import HouseTemplate
    from .theme.model import Theme

#: What a deck can be made from: an outline file, outline data, or an Outline built in Python.
Source = Union[str, "os.PathLike[str]", Mapping[str, Any], Outline]
PathLike = Union[str, "os.PathLike[str]"]


@dataclass(frozen=True)
class Loaded:
    """A validated outline and what later stages need: where its values were written, where
    its files are, and what the reader noticed."""

    outline: Outline
    locator: Locator
    base_dir: Path
    project_dir: Path
    path: Path | None = None                  # the outline file, when it came from one
    warnings: tuple[Diagnostic, ...] = ()
    inputs: tuple[Path, ...] = ()             # every file read


def load(source: Source, *, variables: Mapping[str, Any] | None = None, data: Mapping[str, Any] | None = None,
         base_dir: PathLike | None = None, allow_outside: bool = False) -> Loaded:
    """Read and validate an outline. ``variables`` are template variables; ``data`` maps names
    to data files (paths) or to data itself (lists of records, mappings). ``base_dir`` is where
    relative paths of in-memory outlines resolve (default: the current directory). Files the
    outline names must lie in its project folder unless ``allow_outside``."""
    with outside_allowed(allow_outside):
        return _load(source, variables, data, base_dir)


def _load(source: Source, variables: Mapping[str, Any] | None, data: Mapping[str, Any] | None,
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


@dataclass(frozen=True)
class Deck:
    """A planned deck: every slide decided, ready to render."""

    planned: "PlannedDeck"
    theme: "Theme"
    loaded: Loaded
    template: bytes | None = None              # a house template, slide-less, when one is used
    layout_overrides: Mapping[str, str] = field(default_factory=dict)
    inputs: tuple[Path, ...] = ()

    @property
    def slides(self) -> tuple["PlannedSlide", ...]:
        return self.planned.slides

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return self.planned.warnings

    def render(self) -> tuple[bytes, tuple[str, ...]]:
        """The .pptx bytes and the layout name each slide was placed on."""
        from .render.deck import render_deck  # python-pptx loads only when a deck is rendered

        buffer = io.BytesIO()
        layouts = render_deck(self.planned, self.theme, buffer, self.template, self.layout_overrides or None)
        return buffer.getvalue(), layouts

    def to_bytes(self) -> bytes:
        return self.render()[0]

    def save(self, path: PathLike) -> Path:
        """Write the deck atomically (an existing file is replaced only once the new one is
        complete); refuse to overwrite one of the deck's own inputs."""
        target = Path(path)
        output.check_writable(target)
        output.check_not_input(target, self.inputs)
        output.write_atomic(target, self.to_bytes())
        return target


def plan(source: Source, *, theme: "str | Theme | None" = None, template: PathLike | bytes | None = None,
         variables: Mapping[str, Any] | None = None, data: Mapping[str, Any] | None = None, strict: bool = False,
         base_dir: PathLike | None = None, allow_outside: bool = False) -> Deck:
    """Load and plan without rendering. ``theme`` is a built-in name, a theme folder or a Theme;
    with a house ``template`` (or the outline's ``deck.template``) its layouts, colours and fonts
    replace the theme's. With ``strict`` any warning is an error. Every file the outline, theme
    or template names must lie in the project folder unless ``allow_outside``."""
    with outside_allowed(allow_outside):
        return _plan(source, theme, template, variables, data, strict, base_dir)


def _plan(source: Source, theme: "str | Theme | None", template: PathLike | bytes | None,
          variables: Mapping[str, Any] | None, data: Mapping[str, Any] | None, strict: bool,
          base_dir: PathLike | None) -> Deck:
    from .plan.deck import plan_deck
    from .theme.model import Theme as ThemeModel
    from .theme.registry import load_theme

    loaded = _load(source, variables, data, base_dir)
    meta = loaded.outline.deck
    theme_files: list[Path] = []
    if isinstance(theme, ThemeModel):
        chosen = theme
    else:
        chosen = load_theme(theme or meta.theme, loaded.base_dir, theme_files)
    house, template_file = _template(template, meta.template, loaded)
    overrides = dict(meta.layouts)
    package: bytes | None = None
    template_warnings: list[Diagnostic] = []
    if house is not None:
        from .render.template.byo import theme_from_template

        derived = theme_from_template(house, chosen, overrides, loaded.locator)
        chosen, package = derived.theme, derived.package
        # What the deck loses or gets drawn because of the template: at deck.template if it is named there.
        where = loaded.locator.at(("deck", "template")) if template is None else None
        template_warnings = [Diagnostic(message, where) for message in derived.warnings]
        if template_file is not None:
            theme_files.append(template_file)
    elif overrides:
        _check_overrides(chosen, overrides, loaded.locator)
    planned = plan_deck(loaded.outline, chosen, loaded.locator, loaded.base_dir, loaded.project_dir,
                        (*loaded.warnings, *template_warnings))
    if strict and planned.warnings:
        raise StrictModeError.many([Diagnostic(f"warning (--strict): {w.message}", w.location)
                                    for w in planned.warnings])
    pictures = [Path(p.path) for s in planned.slides for p in getattr(s.content, "pictures", ()) if p.path]
    inputs = tuple(dict.fromkeys([*loaded.inputs, *theme_files, *pictures]))
    return Deck(planned, chosen, loaded, package, overrides, inputs)


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
    from .render.deck import _template_bytes
    from .render.template.byo import mapping_problems

    problems = mapping_problems(_template_bytes(theme), overrides, locator)
    if problems:
        raise ThemeError.many(problems)


@dataclass(frozen=True)
class BuildResult:
    deck: Deck
    output: Path
    seconds: float
    layouts: tuple[str, ...] = ()     # the template layout each slide was placed on

    @property
    def outline(self) -> Path | None:
        return self.deck.loaded.path

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return self.deck.warnings

    @property
    def slide_count(self) -> int:
        return len(self.deck.slides)

    @property
    def inputs(self) -> tuple[Path, ...]:
        return self.deck.inputs


def default_output(outline: PathLike) -> Path:
    return Path("build") / f"{Path(outline).stem}.pptx"


def build(source: Source, output_path: PathLike | None = None, *, theme: "str | Theme | None" = None,
          template: PathLike | bytes | None = None, variables: Mapping[str, Any] | None = None,
          data: Mapping[str, Any] | None = None, strict: bool = False, base_dir: PathLike | None = None,
          report: PathLike | None = None, manifest: PathLike | None = None, allow_outside: bool = False) -> BuildResult:
    """Build one deck and write it (default ``build/<outline name>.pptx``), with a JSON
    ``report`` and ``manifest`` if asked. Every output is checked before any work and written
    atomically; on failure a SlidegenError is raised and existing files are left untouched."""
    started = time.perf_counter()
    if output_path is None:
        if not isinstance(source, (str, os.PathLike)):
            raise OutputError("give an output path for a deck built from data")
        output_path = default_output(source)
    target = Path(output_path)
    extras = [Path(p) for p in (report, manifest) if p is not None]
    output.check_outputs([target, *extras], [Path(source)] if isinstance(source, (str, os.PathLike)) else [])
    deck = plan(source, theme=theme, template=template, variables=variables, data=data, strict=strict,
                base_dir=base_dir, allow_outside=allow_outside)
    for path in (target, *extras):
        output.check_not_input(path, deck.inputs)
    payload, layouts = deck.render()
    output.write_atomic(target, payload)
    result = BuildResult(deck, target, time.perf_counter() - started, layouts)
    if report is not None:
        from .report import report_json

        output.write_atomic(Path(report), report_json(result))
    if manifest is not None:
        from .manifest import manifest_json

        output.write_atomic(Path(manifest), manifest_json(result))
    return result


def check(source: Source, **options: Any) -> Deck:
    """Validate and plan; with ``strict=True`` any warning is an error. Writes nothing."""
    return plan(source, **options)
