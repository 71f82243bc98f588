"""``slidegen preview``."""

from __future__ import annotations

from pathlib import Path

import click

from .console import run_or_exit
from .options import allow_outside_option, positive_seconds, template_options, theme_options


@click.command("preview", epilog="""\b
Examples:
  slidegen preview decks/awgipc.yaml            # → build/awgipc-preview/
  slidegen preview build/awgipc.pptx -o docs/preview""")
@click.argument("source", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Folder for the PDF, one PNG per slide and contact-sheet.png "
                   "[default: build/<name>-preview].")
@theme_options
@click.option("--timeout", default=180.0, show_default=True, callback=positive_seconds,
              help="Seconds to allow LibreOffice.")
@template_options
@allow_outside_option
def preview_command(source: Path, out_dir: Path | None, theme: str | None, template: Path | None, timeout: float,
                    variables: dict[str, str], data: dict[str, str], allow_outside: bool) -> None:
    """Render an OUTLINE or a .pptx to PNG pages and a contact sheet with LibreOffice."""
    from ..preview import preview_source

    target = out_dir or Path("build") / f"{source.stem}-preview"
    result = run_or_exit(lambda: preview_source(source, target, timeout, theme=theme, template=template,
                                                variables=variables, data=data, allow_outside=allow_outside))
    click.echo(f"{target}/  ({len(result.pages)} pages, contact sheet {result.sheet.name} "
               f"{result.sheet_size[0]}×{result.sheet_size[1]})")
