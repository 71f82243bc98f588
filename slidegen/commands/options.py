"""Options shared by commands that read outlines, parsed into Python values for the library."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def _variables(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict[str, str]:
    """``--var key=value`` options as a mapping."""
    variables: dict[str, str] = {}
    for option in values:
        key, sep, value = option.partition("=")
        if not sep or not key.strip().isidentifier():
            raise click.BadParameter(f"takes key=value with a simple name as key, not {option!r}")
        variables[key.strip()] = value
    return variables


def _data(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict[str, str]:
    """``--data [name=]path`` options: the name defaults to the file's stem."""
    found: dict[str, str] = {}
    for option in values:
        name, sep, path = option.partition("=")
        if not sep:
            name, path = Path(option).stem, option
        if not name.isidentifier():
            raise click.BadParameter(f"the name must be a simple name, not {name!r} (use name=path)")
        found[name] = path
    return found


def _layouts(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict[str, str]:
    found: dict[str, str] = {}
    for option in values:
        kind, sep, name = option.partition("=")
        if not sep or not kind.strip() or not name.strip():
            raise click.BadParameter(f"takes KIND=NAME, e.g. bullets=\"Nội dung chính\", not {option!r}")
        found[kind.strip()] = name.strip()
    return found


def template_options(command: F) -> F:
    """``--var key=value`` and ``--data [name=]file`` for outline templates."""
    command = click.option("--data", "data", multiple=True, metavar="[NAME=]FILE", callback=_data,
                           help="Data file (CSV, YAML, JSON) available to templates as NAME.")(command)
    command = click.option("--var", "variables", multiple=True, metavar="KEY=VALUE", callback=_variables,
                           help="Template variable (repeatable).")(command)
    return command


def theme_options(command: F) -> F:
    """``--theme`` and ``--template``: what the deck looks like."""
    command = click.option("--template", type=click.Path(path_type=Path, dir_okay=False), default=None,
                           help="House PowerPoint template (.pptx/.potx) whose masters and layouts to use.")(command)
    command = click.option("--theme", default=None, help="Theme name or folder (overrides the outline's).")(command)
    return command


layout_option = click.option("--layout", "layouts", multiple=True, metavar="KIND=NAME", callback=_layouts,
                             help="Use the layout NAME for slide KIND (as deck.layouts does in an outline).")


def allow_outside_option(command: F) -> F:
    """``--allow-outside``: read files the outline names from outside its project folder."""
    return click.option("--allow-outside", is_flag=True,
                        help="Read files the outline names (includes, data, pictures, logo, template) from "
                             "outside its project folder; only for outlines you trust.")(command)


def max_slides_option(command: F) -> F:
    """``--max-slides N``: allow a deck more slides than the default limit."""
    from ..plan.slide_limit import MAX_SLIDES, MAX_SLIDES_CEILING

    return click.option("--max-slides", type=click.IntRange(1, MAX_SLIDES_CEILING), default=None, metavar="N",
                        help=f"Refuse decks of more than N slides [default: {MAX_SLIDES:,}; at most "
                             f"{MAX_SLIDES_CEILING:,}].")(command)


def positive_seconds(_ctx: click.Context, _param: click.Parameter, value: float) -> float:
    """A timeout: a finite number of seconds above zero (``nan``, ``inf`` and 0 would never end
    or never start)."""
    if not math.isfinite(value) or value <= 0:
        raise click.BadParameter(f"{value} is not a number of seconds above 0")
    return value
