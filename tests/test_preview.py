"""Preview: LibreOffice → PDF → one PNG per slide and a contact sheet; a clear message without it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from conftest import DECKS, requires_libreoffice
from slidegen.__main__ import cli
from slidegen.preview import images, libreoffice


@requires_libreoffice
def test_preview_of_awgipc_gives_a_png_per_slide_and_a_contact_sheet(tmp_path: Path) -> None:
    from slidegen import build

    deck = tmp_path / "awgipc.pptx"
    slides = build(DECKS / "awgipc.yaml", deck).slide_count
    out = tmp_path / "preview"
    result = CliRunner().invoke(cli, ["preview", str(deck), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert images.pdf_page_count(out / "awgipc.pdf") == slides
    pages = sorted(out.glob("slide-*.png"))
    assert len(pages) == slides
    with Image.open(pages[0]) as first:
        assert first.width == 1280 and abs(first.width / first.height - 16 / 9) < 0.01
        thumb_height = round(first.height * images.THUMB_WIDTH / first.width)
    with Image.open(out / "contact-sheet.png") as sheet:
        assert sheet.size == images.sheet_size(slides, images.THUMB_WIDTH, thumb_height)


def test_missing_libreoffice_names_the_install_command(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(libreoffice.shutil, "which", lambda name: None)
    deck = tmp_path / "x.pptx"
    deck.write_bytes(b"")
    result = CliRunner().invoke(cli, ["preview", str(deck), "-o", str(tmp_path / "p")])
    assert result.exit_code == 1
    assert result.output.strip() == ("error: LibreOffice is not installed; install it with: apt-get install -y "
                                     "libreoffice-impress fonts-liberation2 fonts-crosextra-carlito")


def test_two_previews_use_separate_profiles(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen = []

    class Done:
        returncode, stdout, stderr = 1, "", "boom"

    def fake_run(command, **kwargs):
        seen.append(next(a for a in command if a.startswith("-env:UserInstallation=")))
        return Done()

    monkeypatch.setattr(libreoffice, "find_soffice", lambda: "soffice")
    monkeypatch.setattr(libreoffice.subprocess, "run", fake_run)
    for _ in range(2):
        with pytest.raises(libreoffice.PreviewError, match="could not convert x.pptx: boom"):
            libreoffice.convert_to_pdf(tmp_path / "x.pptx", tmp_path)
    assert len(set(seen)) == 2


def test_the_handout_copy_changes_only_the_notes_and_stays_valid(tmp_path: Path) -> None:
    """The handout is made from a copy whose notes shrink to their page: every other part is the
    same bytes, the notes placeholders say normAutofit, the copy is schema-valid, the deck itself
    is untouched; a file that is no package is handed over as it is."""
    import zipfile

    from conftest import assert_valid_pptx
    from slidegen import build
    from slidegen.preview.handout import notes_that_fit

    deck = tmp_path / "awgipc.pptx"
    build(DECKS / "awgipc.yaml", deck)
    before = deck.read_bytes()
    (tmp_path / "copy").mkdir()
    copy = notes_that_fit(deck, tmp_path / "copy" / "awgipc.pptx")
    assert copy == tmp_path / "copy" / "awgipc.pptx" and deck.read_bytes() == before
    assert_valid_pptx(copy)
    with zipfile.ZipFile(deck) as old, zipfile.ZipFile(copy) as new:
        assert old.namelist() == new.namelist()
        changed = [n for n in old.namelist() if old.read(n) != new.read(n)]
        notes = [n for n in old.namelist() if n.startswith("ppt/notesSlides/") and n.endswith(".xml")]
        assert changed == notes and len(notes) >= 15      # the slides that have notes
        assert all(new.read(n).count(b"<a:normAutofit/>") == 1 for n in notes)
    junk = tmp_path / "junk.pptx"
    junk.write_bytes(b"not a zip")
    assert notes_that_fit(junk, tmp_path / "copy" / "junk.pptx") == junk
