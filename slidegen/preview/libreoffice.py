"""Converting a deck to PDF with LibreOffice Impress, headless, in a private profile.

Each conversion gets its own user profile directory, so two previews (or a preview and a running
LibreOffice) never fight over the profile lock, and a timeout so a stuck conversion cannot hang.
LibreOffice exits 0 even when it cannot load a file, so the PDF is written into a fresh folder
and only a PDF found there counts: one left in the output folder by an earlier run never
passes for this run's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import SlidegenError

INSTALL_HINT = "apt-get install -y libreoffice-impress fonts-liberation2 fonts-crosextra-carlito"
DEFAULT_TIMEOUT = 180


class PreviewError(SlidegenError):
    """LibreOffice is missing or could not render the deck."""


def find_soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise PreviewError(f"LibreOffice is not installed; install it with: {INSTALL_HINT}")
    return found


def convert_to_pdf(deck: Path, out_dir: Path, timeout: float = DEFAULT_TIMEOUT) -> Path:
    """Render ``deck`` (.pptx) to ``out_dir/<stem>.pdf`` and return that path."""
    made = convert_many([deck], out_dir, "pdf", timeout)[0]
    return made


def convert_many(decks: list[Path], out_dir: Path, target: str, timeout: float = DEFAULT_TIMEOUT,
                 suffix: str = "") -> list[Path]:
    """Convert every deck with one LibreOffice process (``target`` is a --convert-to argument,
    filter options included) to ``out_dir/<stem><suffix>.pdf``; the paths, in order."""
    soffice = find_soffice()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="slidegen-lo-") as profile, \
            tempfile.TemporaryDirectory(prefix=".slidegen-pdf-", dir=out_dir) as fresh:
        command = [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
                   "--convert-to", target, "--outdir", fresh, *(str(d) for d in decks)]
        try:
            proc = subprocess.run(command, capture_output=True, text=True, timeout=timeout * len(decks))
        except subprocess.TimeoutExpired:
            names = ", ".join(d.name for d in decks)
            raise PreviewError(f"LibreOffice did not finish converting {names} within {timeout:g} s a deck") from None
        out = []
        for deck in decks:
            made = Path(fresh) / f"{deck.stem}.pdf"
            if proc.returncode != 0 or not made.is_file() or made.stat().st_size == 0:
                detail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no PDF written"]
                raise PreviewError(f"LibreOffice could not convert {deck.name}: {detail[0]}")
            out.append((made, out_dir / f"{deck.stem}{suffix}.pdf"))
        for made, pdf in out:
            os.replace(made, pdf)
    return [pdf for _, pdf in out]
