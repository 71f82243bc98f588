"""Terminal output for reports and batches: rich tables on a terminal, plain text otherwise."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from rich.console import Console

    from ..batch import Outcome


def _console() -> "Console":
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def _literal(text: object) -> str:
    """Text shown as written: a title or path holding ``[bold]`` or ``[/]`` is not rich markup."""
    from rich.markup import escape

    return escape(str(text))


def print_report(report: dict[str, Any]) -> None:
    from rich.table import Table

    table = Table(title=_literal(report["output"]), show_lines=False)
    for column in ("#", "kind", "title", "layout", "scale", "continues", "warnings"):
        table.add_column(column, overflow="fold")
    for slide in report["slides"]:
        table.add_row(str(slide["number"]), _literal(slide["kind"]), _literal(slide["title"]),
                      _literal(slide["layout"]), f"{slide['font_scale']:.0%}", str(slide["continuation_of"] or ""),
                      _literal("; ".join(slide["warnings"])))
    console = _console()
    console.print(table)
    summary = report["summary"]
    console.print(f"{summary['slides']} slides, {summary['continuations']} continuations, "
                  f"{summary['warnings']} warnings, {summary['seconds']:.2f} s")


@contextlib.contextmanager
def progress_printer(total: int) -> Iterator[Callable[["Outcome"], None]]:
    """A rich progress bar on a terminal; one plain line per finished deck otherwise."""
    if sys.stderr.isatty():
        from rich.progress import Progress

        with Progress(transient=True) as progress:
            task = progress.add_task("building", total=total)
            yield lambda outcome: progress.advance(task)
        return

    def plain(outcome: "Outcome") -> None:
        state = "ok" if outcome.ok else "FAILED"
        click.echo(f"{state}: {outcome.outline}", err=True)

    yield plain


def print_batch_summary(outcomes: Sequence["Outcome"]) -> None:
    from rich.table import Table

    table = Table(title="build summary")
    for column in ("outline", "result", "slides", "seconds"):
        table.add_column(column, overflow="fold")
    for o in outcomes:
        table.add_row(_literal(o.outline), _literal(o.output) if o.ok else "FAILED", str(o.slides),
                      f"{o.seconds:.2f}")
    _console().print(table)
    for o in outcomes:
        for line in ([] if o.ok else str(o.error).splitlines()):
            click.echo(f"error: {line}", err=True)
    failed = sum(1 for o in outcomes if not o.ok)
    click.echo(f"{len(outcomes) - failed} built, {failed} failed")
