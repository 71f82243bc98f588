"""``slidegen template check``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .console import run_or_exit


@click.group("template", epilog="Example:\n\n  slidegen template check house.potx")
def template_group() -> None:
    """Inspect house PowerPoint templates (.pptx, .potx)."""


@template_group.command("check", epilog="""\b
Examples:
  slidegen template check house.potx
  slidegen template check house.pptx --layout bullets="Nội dung chính\"""")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--layout", "layouts", multiple=True, metavar="KIND=NAME",
              help="Use the layout NAME for slide KIND (as deck.layouts does in an outline).")
def template_check_command(file: Path, layouts: tuple[str, ...]) -> None:
    """Show which layout of FILE serves each slide kind; exit 1 if a required kind has none."""
    from ..render.template.check import check_template

    overrides = dict(item.split("=", 1) for item in layouts if "=" in item)
    report = run_or_exit(lambda: check_template(file, overrides))
    for line in report.lines:
        click.echo(line)
    if not report.ok:
        sys.exit(1)
