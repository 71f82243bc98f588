"""``slidegen template check``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .console import run_or_exit
from .options import layout_option


@click.group("template", epilog="Example:\n\n  slidegen template check house.potx")
def template_group() -> None:
    """Inspect house PowerPoint templates (.pptx, .potx)."""


@template_group.command("check", epilog="""\b
Examples:
  slidegen template check house.potx
  slidegen template check house.pptx --layout bullets="Nội dung chính"
  slidegen template check --theme formal      # the template compiled from a theme""")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False), required=False)
@click.option("--theme", default=None, help="Check the template compiled from this theme instead of a FILE.")
@layout_option
def template_check_command(file: Path | None, theme: str | None, layouts: dict[str, str]) -> None:
    """Show which layout of FILE serves each slide kind; exit 1 if a required kind has none."""
    from ..render.template.check import check_template, check_theme

    if (file is None) == (theme is None):
        raise click.UsageError("give a template FILE or --theme NAME")
    overrides = layouts
    report = run_or_exit(lambda: check_template(file, overrides) if file is not None
                         else check_theme(str(theme), overrides))
    for line in report.lines:
        click.echo(line)
    if not report.ok:
        sys.exit(1)
