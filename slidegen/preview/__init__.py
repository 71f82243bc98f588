"""Seeing a deck without PowerPoint: LibreOffice → PDF → PNG pages and a contact sheet."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from .images import contact_sheet, pdf_page_count, render_pages
from .libreoffice import PreviewError, convert_to_pdf
from ..records import record


@record
class Preview:
    """A rendered preview: the PDF, its page count, and the contact sheet image."""

    pdf: Path
    pages: tuple[Path, ...]
    sheet: Path
    sheet_size: tuple[int, int]


def preview_deck(deck: Path, out_dir: Path, timeout: float = 180) -> Preview:
    pdf = convert_to_pdf(deck, out_dir, timeout)
    for old in out_dir.glob("slide-*.png"):
        old.unlink()
    pages = render_pages(pdf, out_dir)
    sheet = out_dir / "contact-sheet.png"
    size = contact_sheet(pages, sheet)
    return Preview(pdf, tuple(pages), sheet, size)


def preview_source(source: Path, out_dir: Path, timeout: float = 180, **build_options: Any) -> Preview:
    """Preview a .pptx as it is, or an outline built (into a temporary deck) with
    ``build_options`` (theme, template, variables, data)."""
    if source.suffix.lower() in (".pptx", ".potx", ".ppsx"):
        return preview_deck(source, out_dir, timeout)
    from ..api import build

    with tempfile.TemporaryDirectory(prefix="slidegen-preview-") as folder:
        deck = Path(folder) / f"{source.stem}.pptx"
        build(source, deck, **build_options)
        return preview_deck(deck, out_dir, timeout)


__all__ = ["Preview", "PreviewError", "convert_to_pdf", "pdf_page_count", "preview_deck", "preview_source"]
