"""Options shared by commands that read outlines."""

from __future__ import annotations

import click


def template_options(command):
    """``--var key=value`` and ``--data [name=]file`` for outline templates."""
    command = click.option("--data", "data", multiple=True, metavar="[NAME=]FILE",
                           help="Data file (CSV, YAML, JSON) available to templates as NAME.")(command)
    command = click.option("--var", "variables", multiple=True, metavar="KEY=VALUE",
                           help="Template variable (repeatable).")(command)
    return command
