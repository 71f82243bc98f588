"""``slidegen new``, ``slidegen check`` and ``slidegen schema``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .console import print_warnings, run_or_exit
from .options import allow_outside_option, max_slides_option, template_options, theme_options


@click.command("new", epilog="""\b
Examples:
  slidegen new demo && slidegen build decks/demo.yaml
  slidegen new demo --format md                  # decks/demo.md
  slidegen new awgipc-2 --from noi-dung.txt      # every part and item of a pasted outline""")
@click.argument("name")
@click.option("--folder", type=click.Path(path_type=Path, file_okay=False), default=Path("decks"),
              show_default=True, help="Where to write the outline.")
@click.option("--from", "source", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help='A text file holding a pasted "Nội dung" outline (I. part, 1. item, …).')
@click.option("--format", "fmt", type=click.Choice(["yaml", "md"]), default="yaml", show_default=True,
              help="Write YAML (NAME.yaml) or Markdown (NAME.md).")
def new_command(name: str, folder: Path, source: Path | None, fmt: str) -> None:
    """Write a starter outline, decks/NAME.yaml (or .md): every slide kind commented, or every
    part and item of a pasted outline with a todo on each. Never overwrites a file."""
    from ..outline.starter import create_from_pasted, create_starter

    if source is None:
        path = run_or_exit(lambda: create_starter(name, folder, fmt))
    else:
        path, warnings = run_or_exit(lambda: create_from_pasted(name, source, folder, fmt))
        print_warnings(warnings)
    click.echo(f"{path}  (build it with: slidegen build {path})")


@click.command("check", epilog="""\b
Example:
  slidegen check decks/awgipc.yaml --strict""")
@click.argument("outline", type=click.Path(path_type=Path))
@theme_options
@click.option("--strict", is_flag=True, help="Fail (exit 1) when there are warnings.")
@click.option("--lang", "languages", multiple=True, metavar="TAG",
              help="Check only this language (repeatable): how much of the text it has, and what is missing.")
@template_options
@allow_outside_option
@max_slides_option
def check_command(outline: Path, theme: str | None, template: Path | None, strict: bool, languages: tuple[str, ...],
                  variables: dict[str, str], data: dict[str, str], allow_outside: bool,
                  max_slides: int | None) -> None:
    """Validate and plan OUTLINE without writing a deck; report errors and warnings, and for a
    deck in several languages how much of each is translated."""
    import slidegen

    decks = run_or_exit(lambda: slidegen.plan_all(outline, theme=theme, template=template, strict=strict,
                                                  variables=variables, data=data, allow_outside=allow_outside,
                                                  languages=languages or None, max_slides=max_slides))
    shown: set[str] = set()
    for deck in decks:
        print_warnings(tuple(w for w in deck.warnings if str(w) not in shown))
        shown |= {str(w) for w in deck.warnings}
    for deck in decks:
        continued = sum(1 for s in deck.slides if s.continuation_of)
        named = f"{outline} ({deck.language})" if len(deck.loaded.languages) > 1 else str(outline)
        click.echo(f"{named}: ok ({len(deck.slides)} slides, {continued} continuation, {len(deck.warnings)} warnings)")
        coverage = deck.coverage
        if coverage is not None:
            done = sum(coverage.translated.values())
            click.echo(f"  {deck.language}: {done} of {len(coverage.translated)} texts given by language are "
                       f"translated ({coverage.share:.0%})")
            for where, text in coverage.missing:
                click.echo(f"  missing: {where}: '{text[:60]}'")


@click.command("schema", epilog="""\b
Example:
  slidegen schema > outline.schema.json""")
def schema_command() -> None:
    """Print the outline's JSON Schema (draft 2020-12) for editor completion."""
    from ..outline.schema import outline_json_schema

    click.echo(json.dumps(outline_json_schema(), ensure_ascii=False, indent=2))
