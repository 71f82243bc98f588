"""Options shared by commands that read outlines."""

from __future__ import annotations

import math

import click


def template_options(command):
    """``--var key=value`` and ``--data [name=]file`` for outline templates."""
    command = click.option("--data", "data", multiple=True, metavar="[NAME=]FILE",
                           help="Data file (CSV, YAML, JSON) available to templates as NAME.")(command)
    command = click.option("--var", "variables", multiple=True, metavar="KEY=VALUE",
                           help="Template variable (repeatable).")(command)
    return command


def allow_outside_option(command):
    """``--allow-outside``: read files the outline names from outside its project folder."""
    return click.option("--allow-outside", is_flag=True,
                        help="Read files the outline names (includes, data, pictures, logo, template) from "
                             "outside its project folder; only for outlines you trust.")(command)


def positive_seconds(_ctx: click.Context, _param: click.Parameter, value: float) -> float:
    """A timeout: a finite number of seconds above zero (``nan``, ``inf`` and 0 would never end
    or never start)."""
    if not math.isfinite(value) or value <= 0:
        raise click.BadParameter(f"{value} is not a number of seconds above 0")
    return value
