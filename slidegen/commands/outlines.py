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
