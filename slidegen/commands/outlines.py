"""``slidegen convert`` and ``slidegen import``: outlines from other outlines and from decks."""

from __future__ import annotations

from pathlib import Path

import click

from .console import print_warnings, run_or_exit


@click.command("convert", epilog="""\\b
Examples:
  slidegen convert decks/awgipc.yaml decks/awgipc-copy.md
  slidegen convert talk.md decks/talk.yaml""")
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("target", type=click.Path(path_type=Path, dir_okay=False))
def convert_command(source: Path, target: Path) -> None:
    """Write outline SOURCE as TARGET: YAML to Markdown or Markdown to YAML, by suffix.
    TARGET must not exist."""
    from ..convert import convert

    result = run_or_exit(lambda: convert(source, target))
    print_warnings(result.warnings)
    click.echo(f"{result.target}  (from {result.source}; build it with: slidegen build {result.target})")


@click.command("import", epilog="""\b
Examples:
  slidegen import build/awgipc.pptx -o decks/awgipc-imported.yaml
  slidegen import old-talk.pptx -o decks/old-talk.md    # pictures go to decks/old-talk-images/""")
@click.argument("deck", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="The outline to write (.yaml or .md); it must not exist.")
def import_command(deck: Path, output: Path) -> None:
    """Turn an existing PowerPoint DECK into an outline: titles, bullets, notes, tables,
    pictures and sections; what cannot come is listed as warnings with its slide number."""
    from ..outline.importer import import_deck

    result = run_or_exit(lambda: import_deck(deck, output))
    print_warnings(result.warnings)
    pictures = f", {len(result.pictures)} pictures" if result.pictures else ""
    click.echo(f"{output}  ({len(result.warnings)} warnings{pictures}; build it with: slidegen build {output})")
