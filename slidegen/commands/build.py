"""``slidegen build`` (one outline, or several with -j) and ``slidegen watch``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .console import print_warnings, run_or_exit
from .options import allow_outside_option, max_slides_option, template_options, theme_options
from .reporting import print_batch_summary, print_report, progress_printer

if TYPE_CHECKING:
    from ..batch import BatchOptions


@click.command("build", epilog="""\b
Examples:
  slidegen build decks/awgipc.yaml                 # → build/awgipc.pptx
  slidegen build talk.md                           # Markdown, pandoc or Marp style
  slidegen build decks/awgipc.yaml -o awgipc.pptx  # choose the output file
  slidegen build decks/awgipc.yaml --report        # a table of what was decided per slide
  slidegen build decks/*.yaml -j 2                 # several decks, two at a time
  slidegen build decks/awgipc.yaml --template house.potx
  slidegen build decks/awgipc.yaml --lang en-US --pdf    # one language, and its PDF""")
@click.argument("outlines", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Output .pptx file [default: build/<outline name>.pptx]; one outline only.")
@theme_options
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--report", is_flag=True, help="Print a table of every slide: kind, layout, font scale, …")
@click.option("--report-json", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write the report as JSON (shape in docs/report.md).")
@click.option("--manifest", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write a JSON manifest: input files with their SHA-256, and the output's.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Build several outlines in parallel.")
@click.option("--lang", "languages", multiple=True, metavar="TAG",
              help="Build only this language of the deck (repeatable) [default: every language it declares].")
@click.option("--pdf", is_flag=True, help="Also write a PDF beside each deck (LibreOffice).")
@click.option("--handout", is_flag=True, help="Also write x.handout.pdf: each slide with its speaker notes.")
@click.option("--pdf-a", "pdf_a", is_flag=True, help="Write the PDFs as archival PDF/A-2b (implies --pdf).")
@template_options
@allow_outside_option
@max_slides_option
def build_command(outlines: tuple[Path, ...], output: Path | None, theme: str | None, template: Path | None,
                  strict: bool, report: bool, report_json: Path | None, manifest: Path | None, jobs: int,
                  languages: tuple[str, ...], pdf: bool, handout: bool, pdf_a: bool,
                  variables: dict[str, str], data: dict[str, str], allow_outside: bool,
                  max_slides: int | None) -> None:
    """Build .pptx decks from OUTLINE files, one per language the outline is written in."""
    import slidegen

    if len(outlines) > 1:
        if output or report or report_json or manifest or languages or pdf or handout or pdf_a:
            raise click.UsageError("-o/--output, --report, --report-json, --manifest, --lang and the PDF options "
                                   "take a single outline")
        from ..batch import BatchOptions  # process pools load only for a batch

        _build_batch(outlines, jobs, BatchOptions(theme, template, strict, tuple(variables.items()),
                                                  tuple(data.items()), allow_outside, max_slides))
        return
    results = run_or_exit(lambda: slidegen.build_all(
        outlines[0], output, theme=theme, template=template, variables=variables, data=data, strict=strict,
        report=report_json, manifest=manifest, allow_outside=allow_outside, languages=languages or None,
        pdf=pdf, handout=handout, pdf_a=pdf_a, max_slides=max_slides))
    shown: set[str] = set()
    for result in results:
        print_warnings(tuple(w for w in result.warnings if str(w) not in shown))
        shown |= {str(w) for w in result.warnings}
    for result in results:
        if report:
            from ..report import report_dict

            print_report(report_dict(result))
        language = f"{result.language}, " if len(result.deck.loaded.languages) > 1 else ""
        click.echo(f"{result.output}  ({language}{result.slide_count} slides, {len(result.warnings)} warnings, "
                   f"{result.seconds:.2f} s)")
        for made in result.exports:
            click.echo(f"{made}")


def _build_batch(outlines: tuple[Path, ...], jobs: int, options: "BatchOptions") -> None:
    from ..batch import build_many, shared_outputs

    # Two outlines named alike (a/deck.yaml, b/deck.yaml) would overwrite one build/deck.pptx
    # and both be reported built. Refused rather than renamed: build/<name>.pptx stays what the
    # documentation and scripts expect, whatever order the outlines are given in.
    for output, sharing in shared_outputs(outlines).items():
        raise click.UsageError(f"{' and '.join(map(str, sharing))} would all be built to {output}; "
                               "build them one at a time with -o")
    with progress_printer(len(outlines)) as on_done:
        outcomes = build_many(list(outlines), jobs, options, on_done)
    print_batch_summary(outcomes)
    if not all(o.ok for o in outcomes):
        sys.exit(1)


@click.command("watch", epilog="""\b
Example:
  slidegen watch decks/awgipc.yaml --preview""")
@click.argument("outline", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Output .pptx file [default: build/<outline name>.pptx].")
@theme_options
@click.option("--preview", is_flag=True, help="Also refresh PNG previews (needs LibreOffice).")
@template_options
@allow_outside_option
def watch_command(outline: Path, output: Path | None, theme: str | None, template: Path | None, preview: bool,
                  variables: dict[str, str], data: dict[str, str], allow_outside: bool) -> None:
    """Rebuild OUTLINE whenever it, its includes, data, theme or pictures change (Ctrl+C stops)."""
    from ..watch import WatchEvent, watch_outline

    def report(event: WatchEvent) -> None:
        prefix = "rebuilt" if event.ok else "error (keeping the last good deck)"
        click.echo(f"{prefix}: {event.message}", err=not event.ok)

    run_or_exit(lambda: watch_outline(outline, output, report, theme=theme, template=template,
                                      variables=variables, data=data, preview=preview,
                                      allow_outside=allow_outside))
