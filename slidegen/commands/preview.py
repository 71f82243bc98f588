"""``slidegen preview``."""

from __future__ import annotations

import tempfile
from pathlib import Path

import click

from .console import run_or_exit
from .options import allow_outside_option, positive_seconds, template_options


@click.command("preview", epilog="""\b
Examples:
  slidegen preview decks/awgipc.yaml            # → build/awgipc-preview/
  slidegen preview build/awgipc.pptx -o docs/preview""")
@click.argument("source", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Folder for the PDF, one PNG per slide and contact-sheet.png "
                   "[default: build/<name>-preview].")
@click.option("--theme", default=None, help="Theme for an outline (overrides the outline's).")
@click.option("--timeout", default=180.0, show_default=True, callback=positive_seconds,
              help="Seconds to allow LibreOffice.")
@template_options
@allow_outside_option
def preview_command(source: Path, out_dir: Path | None, theme: str | None, timeout: float,
                    variables: tuple[str, ...], data: tuple[str, ...], allow_outside: bool) -> None:
    """Render an OUTLINE or a .pptx to PNG pages and a contact sheet with LibreOffice."""
    from ..build import build
    from ..preview import preview_deck
    from ..project import outside_allowed

    target = out_dir or Path("build") / f"{source.stem}-preview"

    def work():
        if source.suffix.lower() == ".pptx":
            return preview_deck(source, target, timeout)
        with tempfile.TemporaryDirectory(prefix="slidegen-preview-") as folder:
            deck = Path(folder) / f"{source.stem}.pptx"
            build(source, deck, theme, variables=variables, data=data)
            return preview_deck(deck, target, timeout)

    with outside_allowed(allow_outside):
        result = run_or_exit(work)
    click.echo(f"{target}/  ({len(result.pages)} pages, contact sheet {result.sheet.name} "
               f"{result.sheet_size[0]}×{result.sheet_size[1]})")
