"""PDFs that go out with a deck: the deck itself, a handout with the speaker notes, PDF/A.

LibreOffice's PDF export does the work: one process converts every deck of one kind (so a
bilingual build pays LibreOffice's start-up once per kind, not once per file), with the filter
options that ask for notes pages (``ExportNotesPages``, ``ExportOnlyNotesPages``) or for PDF/A-2b
(``SelectPdfVersion`` 2). Each PDF is written beside its deck: ``x.pdf``, ``x.handout.pdf``; the
handout is made from a copy whose notes shrink to fit their page (:mod:`.handout`).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from .handout import notes_that_fit
from .libreoffice import DEFAULT_TIMEOUT, convert_many

PDF_A_VERSION = 2          # PDF/A-2b: archival, and keeps the deck's transparency


def _filter(options: dict[str, tuple[str, str]]) -> str:
    """A --convert-to argument for Impress's PDF export with ``options`` (name → type, value)."""
    if not options:
        return "pdf"
    encoded = json.dumps({k: {"type": t, "value": v} for k, (t, v) in options.items()})
    return f"pdf:impress_pdf_Export:{encoded}"


def export_pdfs(decks: list[Path], *, pdf: bool = True, handout: bool = False, pdf_a: bool = False,
                timeout: float = DEFAULT_TIMEOUT) -> list[Path]:
    archival = {"SelectPdfVersion": ("long", str(PDF_A_VERSION))} if pdf_a else {}
    made: list[Path] = []
    folders: dict[Path, list[Path]] = {}
    for deck in decks:
        folders.setdefault(deck.parent, []).append(deck)
    for folder, group in folders.items():
        if pdf:
            made += convert_many(group, folder, _filter(archival), timeout)
        if handout:
            notes = {"ExportNotesPages": ("boolean", "true"), "ExportOnlyNotesPages": ("boolean", "true"), **archival}
            with tempfile.TemporaryDirectory(prefix="slidegen-handout-") as scratch:
                # Copies named as the decks are (one folder's decks have different names), so
                # the PDFs are named as theirs would be; handout.py says why copies.
                copies = [notes_that_fit(deck, Path(scratch) / deck.name) for deck in group]
                made += convert_many(copies, folder, _filter(notes), timeout, suffix=".handout")
    return made
