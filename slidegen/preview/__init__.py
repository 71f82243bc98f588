"""Seeing a deck without PowerPoint: LibreOffice → PDF → PNG pages and a contact sheet."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .images import contact_sheet, pdf_page_count, render_pages
from .libreoffice import PreviewError, convert_to_pdf


@dataclass(frozen=True)
class Preview:
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


__all__ = ["Preview", "PreviewError", "preview_deck", "pdf_page_count", "convert_to_pdf"]
