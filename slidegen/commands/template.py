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
  slidegen template check house.pptx --layout bullets="Nội dung chính"
  slidegen template check --theme formal      # the template compiled from a theme""")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False), required=False)
@click.option("--theme", default=None, help="Check the template compiled from this theme instead of a FILE.")
@click.option("--layout", "layouts", multiple=True, metavar="KIND=NAME",
              help="Use the layout NAME for slide KIND (as deck.layouts does in an outline).")
def template_check_command(file: Path | None, theme: str | None, layouts: tuple[str, ...]) -> None:
    """Show which layout of FILE serves each slide kind; exit 1 if a required kind has none."""
    from ..render.template.check import check_package, check_template

    if (file is None) == (theme is None):
        raise click.UsageError("give a template FILE or --theme NAME")
    overrides = dict(item.split("=", 1) for item in layouts if "=" in item)

    def run():
        if file is not None:
            return check_template(file, overrides)
        from ..render.template import compile_template
        from ..theme.registry import load_theme

        return check_package(f"theme {theme}", compile_template(load_theme(theme)), overrides)

    report = run_or_exit(run)
    for line in report.lines:
        click.echo(line)
    if not report.ok:
        sys.exit(1)
