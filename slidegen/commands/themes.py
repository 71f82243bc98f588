"""``slidegen themes``."""

from __future__ import annotations

import click

from .console import run_or_exit


@click.command("themes", epilog="Example:\n\n  slidegen themes")
def themes_command() -> None:
    """List the built-in themes."""
    from ..theme.registry import list_themes

    for info in run_or_exit(list_themes):
        click.echo(f"{info.name:<10} {info.description}")
