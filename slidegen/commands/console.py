"""Printing results and errors: one line per problem on stderr, exit 1 for user errors."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TypeVar

import click

from ..errors import Diagnostic, SlidegenError

T = TypeVar("T")

# Coloured on a terminal; click.echo drops the colour codes when output is a file or a pipe.
ERROR = click.style("error:", fg="red", bold=True)
WARNING = click.style("warning:", fg="yellow", bold=True)


def run_or_exit(action: Callable[[], T]) -> T:
    """Run ``action``; a SlidegenError is printed (no traceback) and exits with status 1."""
    try:
        return action()
    except SlidegenError as error:
        for diagnostic in error.diagnostics:
            click.echo(f"{ERROR} {diagnostic}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)


def print_warnings(warnings: tuple[Diagnostic, ...]) -> None:
    for warning in warnings:
        click.echo(f"{WARNING} {warning}", err=True)
