"""LibreOffice renders the decks: page counts match, and every line of text stays inside its box.

Run for the stress deck and the AWGIPC deck in every built-in theme and on a house template
(the template python-pptx ships, as a user's Office template): slidegen's own measurement
decides the sizes and splits, LibreOffice's rendering judges them (tests/geometry.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DECKS, requires_libreoffice
from geometry import assert_text_inside
from slidegen import build
from slidegen.preview import convert_to_pdf, pdf_page_count
from slidegen.theme.registry import builtin_names

STRESS = Path(__file__).resolve().parent / "decks" / "stress.yaml"
LOOKS = [*builtin_names(), "house template"]


@pytest.fixture(scope="module")
def house_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pptx import Presentation

    path = tmp_path_factory.mktemp("tpl") / "house.pptx"
    Presentation().save(str(path))
    return path


@requires_libreoffice
@pytest.mark.parametrize("look", LOOKS)
@pytest.mark.parametrize("outline, language", [(STRESS, None), (DECKS / "awgipc.yaml", None),
                                               (DECKS / "awgipc.yaml", "en-US")],
                         ids=["stress", "awgipc", "awgipc.en-US"])
def test_every_text_line_lies_inside_its_shape(tmp_path: Path, outline: Path, language: str | None, look: str,
                                               house_template: Path) -> None:
    """The English deck too: its text is longer or shorter than the Vietnamese, measured in its own
    words, so its sizes and splits are its own."""
    deck = tmp_path / f"{outline.stem}.pptx"
    if look == "house template":
        result = build(outline, deck, template=house_template, allow_outside=True, language=language)
    else:
        result = build(outline, deck, theme=look, language=language)
    pdf = convert_to_pdf(deck, tmp_path)
    assert pdf_page_count(pdf) == result.slide_count
    assert_text_inside(deck, pdf, minimum_lines=50)
