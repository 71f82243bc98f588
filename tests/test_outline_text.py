"""Text as the author wrote it: numbers, YAML 1.1 look-alikes, byte-order marks and NFC."""

from __future__ import annotations

from pathlib import Path

from slidegen.outline import load_outline

HEAD = "deck:\n  title: Thử\nsections:\n  - title: Một\n    items:\n      - title: A\n        slides:\n"

def test_numbers_are_accepted_as_text(workdir: Path) -> None:
    (workdir / "o.yaml").write_text(HEAD + "          - table: {header: [Năm], rows: [[2020], [2021.5]]}\n",
                                    encoding="utf-8")
    table = load_outline(Path("o.yaml")).outline.sections[0].items[0].slides[0].table
    assert table.rows == (("2020",), ("2021.5",))


def test_bom_is_accepted_and_text_is_nfc(workdir: Path) -> None:
    decomposed = "Vie\u0302\u0323t Nam"  # "Việt" written with combining marks
    (workdir / "o.yaml").write_bytes(b"\xef\xbb\xbf" + f"deck:\n  title: {decomposed}\nsections:\n"
                                     "  - title: A\n    items: [{title: x}]\n".encode())
    assert load_outline(Path("o.yaml")).outline.deck.title == "Việt Nam"


def test_yaml_words_and_dates_in_text_fields_keep_the_authors_characters(workdir: Path) -> None:
    """YAML 1.1 reads NO/yes as booleans, 1.50 as 1.5 and 2019-11-11 as a date; a text field
    gets the characters the author typed."""
    (workdir / "o.yaml").write_text(
        HEAD + "          - bullets: [Norway, NO, yes, 1.50, 2019-11-11]\n"
        "          - table: {header: [Ngày, Có], rows: [[2019-11-11, NO], [1e3, off]]}\n", encoding="utf-8")
    slides = load_outline(Path("o.yaml")).outline.sections[0].items[0].slides
    assert slides[0].bullets == ("Norway", "NO", "yes", "1.50", "2019-11-11")
    assert slides[1].table.rows == (("2019-11-11", "NO"), ("1e3", "off"))
