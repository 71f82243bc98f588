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

import contextlib
import os
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import output
from .errors import OutputError
from .preparation import Prepared, Source, load_source, plan_language, prepare
from .project import outside_allowed
from .results import BuildResult, Deck, Loaded, PathLike

if TYPE_CHECKING:
    from .theme.model import Theme

__all__ = ["BuildResult", "Deck", "Loaded", "Source", "build", "build_all", "check", "default_output", "export",
           "language_output", "load", "plan", "plan_all"]


@contextlib.contextmanager
def _files_from_anywhere(allowed: bool) -> Iterator[None]:
    """With ``allowed``, files an outline names may lie outside its project folder."""
    if allowed:
        with outside_allowed():
            yield
    else:
        yield


def load(source: Source, *, variables: Mapping[str, Any] | None = None, data: Mapping[str, Any] | None = None,
         base_dir: PathLike | None = None, allow_outside: bool = False) -> Loaded:
    """Read and validate an outline. ``variables`` are template variables; ``data`` maps names
    to data files (paths) or to data itself (lists of records, mappings). ``base_dir`` is where
    relative paths of in-memory outlines resolve (default: the current directory). Files the
    outline names must lie in its project folder unless ``allow_outside``."""
    with _files_from_anywhere(allow_outside):
        return load_source(source, variables, data, base_dir)


def _prepare(source: Source, theme: "str | Theme | None", template: PathLike | bytes | None,
             variables: Mapping[str, Any] | None, data: Mapping[str, Any] | None,
             base_dir: PathLike | None, max_slides: int | None = None) -> Prepared:
    return prepare(load_source(source, variables, data, base_dir), theme, template, max_slides)


def plan(source: Source, *, theme: "str | Theme | None" = None, template: PathLike | bytes | None = None,
         variables: Mapping[str, Any] | None = None, data: Mapping[str, Any] | None = None, strict: bool = False,
         base_dir: PathLike | None = None, allow_outside: bool = False, language: str | None = None,
         max_slides: int | None = None) -> Deck:
    """Load and plan without rendering. ``theme`` is a built-in name, a theme folder or a Theme;
    with a house ``template`` (or the outline's ``deck.template``) its layouts, colours and fonts
    replace the theme's. ``language`` picks one of the deck's languages (default: its first).
    With ``strict`` any warning is an error. Every file the outline, theme or template names
    must lie in the project folder unless ``allow_outside``. A deck of more than ``max_slides``
    slides (default 5,000, at most 15,000) is an error."""
    with _files_from_anywhere(allow_outside):
        return plan_language(_prepare(source, theme, template, variables, data, base_dir, max_slides), language,
                             strict)


def plan_all(source: Source, *, theme: "str | Theme | None" = None, template: PathLike | bytes | None = None,
             variables: Mapping[str, Any] | None = None, data: Mapping[str, Any] | None = None,
             strict: bool = False, base_dir: PathLike | None = None, allow_outside: bool = False,
             languages: Sequence[str] | None = None, max_slides: int | None = None) -> list[Deck]:
    """The deck planned in every language it is written in (or ``languages``), default first;
    the outline is read once."""
    return _plan_languages(source, theme, template, variables, data, strict, base_dir, allow_outside, languages,
                           max_slides=max_slides)


def _plan_languages(source: Source, theme: "str | Theme | None", template: PathLike | bytes | None,
                    variables: Mapping[str, Any] | None, data: Mapping[str, Any] | None, strict: bool,
                    base_dir: PathLike | None, allow_outside: bool, languages: Sequence[str] | None,
                    first_only: bool = False, max_slides: int | None = None) -> list[Deck]:
    with _files_from_anywhere(allow_outside):
        prepared = _prepare(source, theme, template, variables, data, base_dir, max_slides)
        chosen = list(languages) if languages else list(prepared.loaded.languages)
        return [plan_language(prepared, language, strict) for language in chosen[:1 if first_only else None]]


def check(source: Source, **options: Any) -> Deck:
    """Validate and plan; with ``strict=True`` any warning is an error. Writes nothing."""
    return plan(source, **options)


def default_output(outline: PathLike) -> Path:
    return Path("build") / f"{Path(outline).stem}.pptx"


def language_output(path: PathLike, language: str, default: str) -> Path:
    """Where the deck in ``language`` goes: ``path`` for the default language, ``x.en-US.pptx``
    beside it for another (reports and manifests likewise)."""
    target = Path(path)
    return target if language == default else target.with_name(f"{target.stem}.{language}{target.suffix}")


def build(source: Source, output_path: PathLike | None = None, *, theme: "str | Theme | None" = None,
          template: PathLike | bytes | None = None, variables: Mapping[str, Any] | None = None,
          data: Mapping[str, Any] | None = None, strict: bool = False, base_dir: PathLike | None = None,
          report: PathLike | None = None, manifest: PathLike | None = None, allow_outside: bool = False,
          language: str | None = None, pdf: bool = False, handout: bool = False, pdf_a: bool = False,
          max_slides: int | None = None) -> BuildResult:
    """Build one deck — in ``language``, default the outline's first — and write it (default
    ``build/<outline name>.pptx``), with a JSON ``report`` and ``manifest`` if asked, and a PDF
    (``pdf``, ``pdf_a`` for PDF/A) and a notes-pages ``handout`` beside it. Every output is
    checked before any work and written atomically; on failure a SlidegenError is raised and
    existing files are left untouched."""
    results = build_all(source, output_path, theme=theme, template=template, variables=variables, data=data,
                        strict=strict, base_dir=base_dir, report=report, manifest=manifest,
                        allow_outside=allow_outside, languages=None if language is None else [language],
                        pdf=pdf, handout=handout, pdf_a=pdf_a, named_by_language=False, max_slides=max_slides)
    return results[0]


def build_all(source: Source, output_path: PathLike | None = None, *, theme: "str | Theme | None" = None,
              template: PathLike | bytes | None = None, variables: Mapping[str, Any] | None = None,
              data: Mapping[str, Any] | None = None, strict: bool = False, base_dir: PathLike | None = None,
              report: PathLike | None = None, manifest: PathLike | None = None, allow_outside: bool = False,
              languages: Sequence[str] | None = None, pdf: bool = False, handout: bool = False,
              pdf_a: bool = False, named_by_language: bool = True, max_slides: int | None = None
              ) -> list[BuildResult]:
    """Build the deck in every language it is written in (or ``languages``): the default
    language at ``output_path``, the others beside it as ``<name>.<language>.pptx``."""
    started = time.perf_counter()
    if output_path is None:
        if not isinstance(source, (str, os.PathLike)):
            raise OutputError("give an output path for a deck built from data")
        output_path = default_output(source)
    inputs = [Path(source)] if isinstance(source, (str, os.PathLike)) else []
    output.check_outputs([Path(output_path), *(Path(p) for p in (report, manifest) if p is not None)], inputs)
    # Not named by language (build()): one file, so one language — the one asked for, or the default.
    decks = _plan_languages(source, theme, template, variables, data, strict, base_dir, allow_outside, languages,
                            first_only=not named_by_language, max_slides=max_slides)
    default = decks[0].loaded.languages[0]
    results = []
    for deck in decks:
        def named(path: PathLike) -> Path:
            return language_output(path, deck.language, default) if named_by_language else Path(path)

        target = named(output_path)
        report_to = named(report) if report is not None else None
        manifest_to = named(manifest) if manifest is not None else None
        for path in (target, report_to, manifest_to):
            if path is not None:
                output.check_not_input(path, deck.inputs)
        payload, layouts = deck.render()
        output.write_atomic(target, payload)
        results.append(BuildResult(deck, target, time.perf_counter() - started, layouts))
        started = time.perf_counter()
        if report_to is not None:
            from .report import report_json

            output.write_atomic(report_to, report_json(results[-1]))
        if manifest_to is not None:
            from .manifest import manifest_json

            output.write_atomic(manifest_to, manifest_json(results[-1]))
    if pdf or handout or pdf_a:
        exported = export([r.output for r in results], pdf=pdf or pdf_a, handout=handout, pdf_a=pdf_a)
        results = [_with_exports(r, exported) for r in results]
    return results


def _with_exports(result: BuildResult, exported: Sequence[Path]) -> BuildResult:
    from .records import replace

    stem = result.output.stem
    return replace(result, exports=tuple(p for p in exported if p.stem in (stem, f"{stem}.handout")))


def export(decks: Sequence[PathLike], *, pdf: bool = True, handout: bool = False, pdf_a: bool = False,
           timeout: float = 300.0) -> list[Path]:
    """PDFs of existing decks, written beside each: ``x.pdf`` (PDF/A-2b with ``pdf_a``) and,
    with ``handout``, ``x.handout.pdf`` — one page per slide with its speaker notes. One
    LibreOffice process converts all the decks of one kind of PDF."""
    from .preview.export import export_pdfs

    return export_pdfs([Path(d) for d in decks], pdf=pdf, handout=handout, pdf_a=pdf_a, timeout=timeout)
