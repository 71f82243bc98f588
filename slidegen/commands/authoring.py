"""``slidegen new``, ``slidegen check`` and ``slidegen schema``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .console import print_warnings, run_or_exit
from .options import allow_outside_option, template_options, theme_options


@click.command("new", epilog="""\b
Example:
  slidegen new demo && slidegen build decks/demo.yaml""")
@click.argument("name")
@click.option("--folder", type=click.Path(path_type=Path, file_okay=False), default=Path("decks"),
              show_default=True, help="Where to write NAME.yaml.")
def new_command(name: str, folder: Path) -> None:
    """Write a commented starter outline, decks/NAME.yaml, showing every slide kind."""
    from ..outline.starter import create_starter

    path = run_or_exit(lambda: create_starter(name, folder))
    click.echo(f"{path}  (build it with: slidegen build {path})")


@click.command("check", epilog="""\b
Example:
  slidegen check decks/awgipc.yaml --strict""")
@click.argument("outline", type=click.Path(path_type=Path))
@theme_options
@click.option("--strict", is_flag=True, help="Fail (exit 1) when there are warnings.")
@template_options
@allow_outside_option
def check_command(outline: Path, theme: str | None, template: Path | None, strict: bool,
                  variables: dict[str, str], data: dict[str, str], allow_outside: bool) -> None:
    """Validate and plan OUTLINE without writing a deck; report errors and warnings."""
    import slidegen

    deck = run_or_exit(lambda: slidegen.check(outline, theme=theme, template=template, strict=strict,
                                              variables=variables, data=data, allow_outside=allow_outside))
    print_warnings(deck.warnings)
    continued = sum(1 for s in deck.slides if s.continuation_of)
    click.echo(f"{outline}: ok ({len(deck.slides)} slides, {continued} continuation, "
               f"{len(deck.warnings)} warnings)")


@click.command("schema", epilog="""\b
Example:
  slidegen schema > outline.schema.json""")
def schema_command() -> None:
    """Print the outline's JSON Schema (draft 2020-12) for editor completion."""
    from ..outline.schema import outline_json_schema

    click.echo(json.dumps(outline_json_schema(), ensure_ascii=False, indent=2))
