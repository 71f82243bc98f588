"""The AWGIPC deck in English: one outline, two decks, the English one wholly in English."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DECKS, assert_golden, assert_valid_pptx, requires_libreoffice
from pptx_facts import SlideFacts, all_text, slides, text_runs
from slidegen import build
from slidegen.__main__ import cli
from slidegen.render.dump import dump_pptx
from test_awgipc_deck import SECTION_I, SECTION_II

SECTION_I_EN = ["Cooperation mechanism", "The AWGIPC", "The AWGIPC Chair", "Viet Nam's participation in the AWGIPC"]
SECTION_II_EN = ["Preparation", "Tasks of the Chair's assistant team",
                 "Viet Nam officially takes on the AWGIPC chairmanship",
                 "Meetings and events chaired or co-chaired by the Chair during the term", "Results achieved",
                 "Factors that contributed to success", "Viet Nam hands over the chairmanship", "Photos"]
#: Words slidegen itself writes into a Vietnamese deck (agenda, dividers, continuations, closing,
#: the sources heading in the notes, the marker of a prompt, dates).
VIETNAMESE_GENERATED = ("Nội dung", "PHẦN", "Phần", "(tiếp)", "Xin trân trọng cảm ơn", "Nguồn", "CẦN BỔ SUNG", "tháng")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``slidegen build decks/awgipc.yaml`` in a copy of the decks folder: both languages."""
    root = tmp_path_factory.mktemp("awgipc-en")
    shutil.copytree(DECKS, root / "decks")
    (root / "pyproject.toml").write_text("")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        result = CliRunner().invoke(cli, ["build", "decks/awgipc.yaml"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("build/awgipc.pptx  (vi-VN, ") and lines[1].startswith("build/awgipc.en-US.pptx  (en-US, ")
    assert all(", 0 warnings," in line for line in lines)
    for deck in ("awgipc.pptx", "awgipc.en-US.pptx"):   # module-scoped: validated here, not per test
        assert_valid_pptx(root / "build" / deck)
    return root / "build"


def items(deck: list[SlideFacts]) -> list[list[tuple[int, str]]]:
    """Per section, (number, title) of each item's first slide, in order."""
    sections: list[list[tuple[int, str]]] = []
    for s in deck:
        if s.layout == "Section Header":
            sections.append([])
            continue
        match = re.match(r"^(\d+)\. (.+?)( \((tiếp|continued)\))?$", s.title)
        if sections and match and s.layout not in ("Agenda", "Closing"):
            number = int(match.group(1))
            if not sections[-1] or sections[-1][-1][0] != number:
                sections[-1].append((number, match.group(2)))
    return sections


def test_both_languages_are_built_with_the_same_items_in_order(built: Path) -> None:
    vi, en = slides(built / "awgipc.pptx"), slides(built / "awgipc.en-US.pptx")
    assert items(vi) == [list(enumerate(SECTION_I, 1)), list(enumerate(SECTION_II, 1))]
    assert items(en) == [list(enumerate(SECTION_I_EN, 1)), list(enumerate(SECTION_II_EN, 1))]
    assert [s.layout for s in en] == [s.layout for s in vi]
    assert en[0].title == "Looking back on Viet Nam's term as Chair of the AWGIPC, 2019-2021"
    assert "4 March 2022" in " ".join(en[0].texts) and "04/03/2022" in " ".join(vi[0].texts)
    assert en[1].title == "Contents" and en[-1].title == "Thank you!"
    assert [s.title for s in en if s.layout == "Section Header"] == [
        "ASEAN cooperation on intellectual property", "Viet Nam as AWGIPC Chair for the 2019-2021 term"]


def test_the_english_deck_is_english_throughout(built: Path) -> None:
    deck = built / "awgipc.en-US.pptx"
    tags = {(rPr.get("lang") if rPr is not None else None) for _, rPr, _ in text_runs(deck)}
    assert tags == {"en-US"}
    facts = slides(deck)
    shown = "\n".join(t for s in facts for t in [*s.texts, s.notes])
    assert not [w for w in VIETNAMESE_GENERATED if w in shown]
    assert not [w for w in VIETNAMESE_GENERATED if w in "\n".join(all_text(deck))]
    assert "PART I" in shown and "PART II" in shown and "Sources:\n[1] aseanip.org" in shown
    todo = [s for s in facts if s.title in ("1. Preparation", "2. Tasks of the Chair's assistant team")]
    assert len(todo) == 2 and all(s.notes.startswith("[TO COMPLETE] No public source") for s in todo)
    # Every content slide still cites its sources by number, as the Vietnamese one does.
    vi = slides(built / "awgipc.pptx")
    cited = lambda s: re.findall(r"^\[(\d+)\] ", s.notes, re.M)  # noqa: E731
    assert [cited(s) for s in facts] == [cited(s) for s in vi]
    assert sum(1 for s in facts if cited(s)) >= 10


def test_the_meetings_come_from_the_data_file_in_each_language(built: Path) -> None:
    from pptx import Presentation

    def table(path: Path) -> list[list[str]]:
        shapes = [sh for s in Presentation(str(path)).slides for sh in s.shapes if sh.has_table]
        assert len(shapes) == 1
        return [[c.text_frame.text for c in row.cells] for row in shapes[0].table.rows]

    vi, en = table(built / "awgipc.pptx"), table(built / "awgipc.en-US.pptx")
    assert en[0] == ["Date", "Meeting", "Notes"] and vi[0] == ["Thời gian", "Cuộc họp", "Ghi chú"]
    assert len(en) == len(vi) == 8
    assert en[1][0] == "2 Sept 2019" and vi[1][0] == "2/9/2019"


def test_build_api_writes_the_default_language_at_the_path_given(tmp_path: Path) -> None:
    """``slidegen.build`` writes one deck: the default language, or the one asked for."""
    vi = build(DECKS / "awgipc.yaml", tmp_path / "a.pptx")
    assert vi.deck.language == "vi-VN" and slides(tmp_path / "a.pptx")[1].title == "Nội dung"
    en = build(DECKS / "awgipc.yaml", tmp_path / "b.pptx", language="en-US")
    assert en.deck.language == "en-US" and slides(tmp_path / "b.pptx")[1].title == "Contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pptx", "b.pptx"]


def test_a_missing_english_title_is_a_located_warning_and_strict_fails(workdir: Path) -> None:
    shutil.copytree(DECKS, workdir / "decks")
    outline = workdir / "decks" / "awgipc.yaml"
    text = outline.read_text(encoding="utf-8")
    original = "title: {vi-VN: Nhóm AWGIPC, en-US: The AWGIPC}"
    assert text.count(original) == 1
    outline.write_text(text.replace(original, "title: {vi-VN: Nhóm AWGIPC}"), encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if original in row)
    column = text.splitlines()[line - 1].index("{") + 1
    result = CliRunner().invoke(cli, ["build", "decks/awgipc.yaml"])
    assert result.exit_code == 0, result.output
    warning = f"warning: decks/awgipc.yaml:{line}:{column}: no en-US text; shown in vi-VN: 'Nhóm AWGIPC'"
    assert warning in result.output.splitlines()
    assert "2. Nhóm AWGIPC" in [s.title for s in slides(workdir / "build" / "awgipc.en-US.pptx")]
    strict = CliRunner().invoke(cli, ["build", "decks/awgipc.yaml", "--strict"])
    assert strict.exit_code == 1
    assert f"error: decks/awgipc.yaml:{line}:{column}: warning (--strict): no en-US text" in strict.output
    coverage = CliRunner().invoke(cli, ["check", "decks/awgipc.yaml", "--lang", "en-US"])
    assert f"  missing: decks/awgipc.yaml:{line}:{column}: 'Nhóm AWGIPC'" in coverage.output.splitlines()


def test_the_whole_outline_is_translated(workdir: Path) -> None:
    result = CliRunner().invoke(cli, ["check", str(DECKS / "awgipc.yaml"), "--lang", "en-US", "--strict"])
    assert result.exit_code == 0, result.output
    share = re.search(r"en-US: (\d+) of (\d+) texts given by language are translated", result.output)
    assert share and share.group(1) == share.group(2) and int(share.group(2)) > 100, result.output
    assert "missing:" not in result.output


def test_golden_dump_in_english(built: Path, update_golden: bool) -> None:
    assert_golden(dump_pptx(built / "awgipc.en-US.pptx"), "awgipc.en-US.txt", update_golden)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``slidegen build decks/awgipc.yaml --pdf --handout``: both languages, with their PDFs."""
    root = tmp_path_factory.mktemp("awgipc-pdf")
    shutil.copytree(DECKS, root / "decks")
    (root / "pyproject.toml").write_text("")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        result = CliRunner().invoke(cli, ["build", "decks/awgipc.yaml", "--pdf", "--handout"])
    assert result.exit_code == 0, result.output
    for deck in ("awgipc.pptx", "awgipc.en-US.pptx"):
        assert_valid_pptx(root / "build" / deck)
    assert [line for line in result.output.splitlines() if line.endswith(".pdf")] == [
        "build/awgipc.pdf", "build/awgipc.handout.pdf", "build/awgipc.en-US.pdf", "build/awgipc.en-US.handout.pdf"]
    return root / "build"


def _pages(pdf: Path) -> list[str]:
    """The text of each page (poppler's pdftotext; -layout keeps the hyphen where an address wraps),
    whitespace taken out."""
    import subprocess

    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [re.sub(r"\s+", "", page) for page in text.split("\f")[:-1]]


@requires_libreoffice
@pytest.mark.parametrize("stem", ["awgipc", "awgipc.en-US"])
def test_the_pdf_has_a_page_per_slide(exported: Path, stem: str) -> None:
    from slidegen.preview import pdf_page_count

    count = len(slides(exported / f"{stem}.pptx"))
    assert count == 21
    assert pdf_page_count(exported / f"{stem}.pdf") == count
    pages = _pages(exported / f"{stem}.pdf")
    assert [re.sub(r"\s+", "", s.title)[:20] in page for s, page in zip(slides(exported / f"{stem}.pptx"), pages)] == [True] * count


@requires_libreoffice
@pytest.mark.parametrize("stem", ["awgipc", "awgipc.en-US"])
def test_the_handout_holds_every_slides_notes_in_full(exported: Path, stem: str) -> None:
    """Each page of the handout is its slide's notes page, and every character of the notes is
    on it — nine cited sources with their addresses included (the notes shrink to the page)."""
    facts = slides(exported / f"{stem}.pptx")
    pages = _pages(exported / f"{stem}.handout.pdf")
    assert len(pages) == len(facts)
    noted = [(n, re.sub(r"\s+", "", s.notes)) for n, s in enumerate(facts) if s.notes.strip()]
    assert len(noted) >= 15
    missing = [n + 1 for n, notes in noted if notes not in pages[n]]
    assert missing == [], f"slides whose notes are not whole on their handout page: {missing}"
    longest = max(noted, key=lambda pair: len(pair[1]))
    assert len(longest[1]) > 1200     # the slide citing nine sources: more than a notes box holds at 12 pt


@requires_libreoffice
def test_pdf_a_says_so_in_its_metadata(exported: Path) -> None:
    """``slidegen export --pdf-a`` of a deck that exists: the PDF identifies itself as PDF/A-2b in
    its XMP metadata, as archives check."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    deck = exported / "awgipc.en-US.pptx"
    result = CliRunner().invoke(cli, ["export", str(deck), "--pdf-a"])
    assert result.exit_code == 0, result.output
    pdf = exported / "awgipc.en-US.pdf"
    assert result.output.splitlines() == [str(pdf)]
    with pdf.open("rb") as handle:
        document = PDFDocument(PDFParser(handle))
        xmp = resolve1(document.catalog["Metadata"]).get_data().decode("utf-8")
    assert re.search(r"<pdfaid:part>2</pdfaid:part>", xmp) and re.search(r"<pdfaid:conformance>B</pdfaid:conformance>", xmp)
    assert "Looking back on Viet Nam" in xmp        # the deck's English title, as the PDF's title
