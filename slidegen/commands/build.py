"""``slidegen build`` (one outline, or several with -j) and ``slidegen watch``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .console import print_warnings, run_or_exit
from .options import template_options
from .reporting import print_batch_summary, print_report, progress_printer


@click.command("build", epilog="""\b
Examples:
  slidegen build decks/awgipc.yaml                 # → build/awgipc.pptx
  slidegen build talk.md                           # Markdown, pandoc or Marp style
  slidegen build decks/awgipc.yaml -o awgipc.pptx  # choose the output file
  slidegen build decks/awgipc.yaml --report        # a table of what was decided per slide
  slidegen build decks/*.yaml -j 2                 # several decks, two at a time
  slidegen build decks/awgipc.yaml --template house.potx""")
@click.argument("outlines", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Output .pptx file [default: build/<outline name>.pptx]; one outline only.")
@click.option("--theme", "theme", default=None, help="Theme name or folder (overrides the outline's).")
@click.option("--template", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="House PowerPoint template (.pptx/.potx) whose masters and layouts to use.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--report", is_flag=True, help="Print a table of every slide: kind, layout, font scale, …")
@click.option("--report-json", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write the report as JSON (shape in docs/report.md).")
@click.option("--manifest", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write a JSON manifest: input files with their SHA-256, and the output's.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Build several outlines in parallel.")
@template_options
def build_command(outlines: tuple[Path, ...], output: Path | None, theme: str | None, template: Path | None,
                  strict: bool,
                  report: bool, report_json: Path | None, manifest: Path | None, jobs: int,
                  variables: tuple[str, ...], data: tuple[str, ...]) -> None:
    """Build .pptx decks from OUTLINE files."""
    if len(outlines) > 1:
        if output or report or report_json or manifest:
            raise click.UsageError("-o/--output, --report, --report-json and --manifest take a single outline")
        _build_batch(outlines, jobs, theme, strict, variables, data)
        return
    from ..build import build

    result = run_or_exit(lambda: build(outlines[0], output, theme, strict, variables, data, template))
    print_warnings(result.warnings)
    if report or report_json:
        from ..report import report_dict

        shaped = report_dict(result)
        if report:
            print_report(shaped)
        if report_json:
            report_json.parent.mkdir(parents=True, exist_ok=True)
            report_json.write_text(json.dumps(shaped, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if manifest:
        from ..manifest import manifest_dict

        manifest.parent.mkdir(parents=True, exist_ok=True)
        manifest.write_text(json.dumps(manifest_dict(result), ensure_ascii=False, indent=2) + "\n",
                            encoding="utf-8")
    click.echo(f"{result.output}  ({result.slide_count} slides, {len(result.warnings)} warnings, "
               f"{result.seconds:.2f} s)")


def _build_batch(outlines, jobs, theme, strict, variables, data) -> None:
    from ..batch import BatchOptions, build_many

    options = BatchOptions(theme, strict, tuple(variables), tuple(data))
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
@click.option("--theme", default=None, help="Theme name or folder (overrides the outline's).")
@click.option("--preview", is_flag=True, help="Also refresh PNG previews (needs LibreOffice).")
@template_options
def watch_command(outline: Path, output: Path | None, theme: str | None, preview: bool,
                  variables: tuple[str, ...], data: tuple[str, ...]) -> None:
    """Rebuild OUTLINE whenever it, its includes, data, theme or pictures change (Ctrl+C stops)."""
    from ..build import build, default_output
    from ..watch import watch

    target = output or default_output(outline)

    def rebuild() -> str:
        result = build(outline, target, theme, False, variables, data)
        message = f"{result.output}  ({result.slide_count} slides, {result.seconds:.2f} s)"
        if preview:
            from ..preview import preview_deck

            shown = preview_deck(result.output, target.with_name(f"{target.stem}-preview"))
            message += f"; preview {len(shown.pages)} pages"
        return message

    def report(event) -> None:
        prefix = "rebuilt" if event.ok else "error (keeping the last good deck)"
        click.echo(f"{prefix}: {event.message}", err=not event.ok)

    run_or_exit(lambda: watch(outline, target, rebuild, report))
