"""``slidegen export``: PDFs of decks that exist already (a deck edited by hand, say)."""

from __future__ import annotations

from pathlib import Path

import click

from .console import run_or_exit
from .options import positive_seconds


@click.command("export", epilog="""\b
Examples:
  slidegen export build/awgipc.pptx --pdf               # → build/awgipc.pdf
  slidegen export build/*.pptx --handout --pdf-a        # notes pages, archival""")
@click.argument("decks", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--pdf", is_flag=True, help="Write x.pdf beside each deck.")
@click.option("--handout", is_flag=True, help="Write x.handout.pdf: each slide with its speaker notes.")
@click.option("--pdf-a", "pdf_a", is_flag=True, help="Archival PDF/A-2b (implies --pdf unless --handout alone).")
@click.option("--timeout", default=300.0, show_default=True, callback=positive_seconds,
              help="Seconds to allow LibreOffice for each deck.")
def export_command(decks: tuple[Path, ...], pdf: bool, handout: bool, pdf_a: bool, timeout: float) -> None:
    """Write PDFs of DECK files with LibreOffice: the slides, and a handout with the notes."""
    import slidegen

    if not (pdf or handout or pdf_a):
        raise click.UsageError("say what to write: --pdf, --handout, or both")
    made = run_or_exit(lambda: slidegen.export(decks, pdf=pdf or (pdf_a and not handout), handout=handout,
                                               pdf_a=pdf_a, timeout=timeout))
    for path in made:
        click.echo(str(path))
