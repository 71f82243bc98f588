"""Markdown decks written by other people for pandoc and Marp (../shared/markdown-wild/) build
into valid decks: slide titles are their headings, notes where they have notes, tables as real
tables, missing pictures as located warnings and empty placeholders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO
from slidegen import build
from slidegen.outline.load import parse_outline
from slidegen.outline.numbering import split_number
from slidegen.outline.source import read_text

WILD = REPO.parent / "shared" / "markdown-wild"
WILD_FILES = sorted(WILD.glob("*.md")) if WILD.is_dir() else []
_FURNITURE = ("Title Slide", "Agenda", "Closing")


def _source(path: Path) -> tuple[list[str], list[str], list[list[str]]]:
    """Headings (typed numbers off), speaker-note first lines and pipe-table headers of a
    Markdown file, read with plain line matching (independently of slidegen's reader)."""
    headings, notes, tables = [], [], []
    lines = path.read_text(encoding="utf-8").splitlines()
    in_code = False
    for n, line in enumerate(lines):
        if line.startswith("```"):
            in_code = not in_code
            continue
        if in_code:
            continue
        heading = re.match(r"^#{1,6}\s+(.*?)\s*$", line)
        if heading:
            headings.append(split_number(heading.group(1)).title)
        if re.match(r"^:::+\s*\{?\.?notes\}?\s*$", line) or line.strip() == "<!--":
            following = next(t.strip() for t in lines[n + 1:] if t.strip())
            notes.append(following)
        if re.match(r"^\|(\s*-{3,}\s*\|)+\s*$", line):
            tables.append([c.strip() for c in lines[n - 1].strip().strip("|").split("|")])
    return headings, notes, tables


def _plain_title(title: str) -> str:
    title = re.sub(r" \((tiếp|continued)\)$", "", title)
    return re.sub(r"^\d+\. ", "", title)


@pytest.mark.skipif(not WILD_FILES, reason="../shared/markdown-wild/ is not there")
@pytest.mark.parametrize("source", WILD_FILES, ids=lambda p: p.name)
def test_wild_markdown_builds_with_its_headings_notes_and_tables(source: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from pptx import Presentation

    monkeypatch.chdir(WILD)   # messages name files as a user in that folder would see them
    data, _ = parse_outline(source, read_text(source), source.name, [])
    out = tmp_path / f"{source.stem}.pptx"
    result = build(source, out)   # validated against the ECMA-376 schemas by conftest
    headings, notes, tables = _source(source)
    deck = Presentation(str(out))
    titles, all_text, all_notes = [], [], []
    for slide in deck.slides:
        title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
        all_text.extend(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        all_text.extend(c.text_frame.text for s in slide.shapes if s.has_table for r in s.table.rows for c in r.cells)
        all_notes.append(slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else "")
        if slide.slide_layout.name not in _FURNITURE:
            titles.append(_plain_title(title))
    deck_title = data["deck"]["title"]
    assert titles and all(t in headings or t == deck_title for t in titles), \
        f"slide titles that are not headings of {source.name}: {[t for t in titles if t not in headings]}"
    text = "\n".join(all_text)
    missing = [h for h in headings if h not in text]
    assert not missing, f"headings of {source.name} not shown in the deck: {missing}"
    note_text = "\n".join(all_notes)
    assert all(n in note_text for n in notes), f"notes of {source.name} missing from the deck"
    found_tables = [[c.text_frame.text for c in s.table.rows[0].cells]
                    for slide in deck.slides for s in slide.shapes if s.has_table]
    assert found_tables == tables
    for warning in result.warnings:
        assert re.match(rf"^{re.escape(source.name)}:\d+:\d+$", str(warning.location)), warning


@pytest.mark.skipif(not (WILD / "putnam-slides.md").exists(), reason="../shared/markdown-wild/ is not there")
def test_missing_picture_of_a_wild_deck_is_a_located_warning_and_an_empty_placeholder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pptx import Presentation
    from pptx.enum.shapes import PP_PLACEHOLDER

    monkeypatch.chdir(WILD)
    result = build(WILD / "putnam-slides.md", tmp_path / "putnam.pptx")
    [warning] = [w for w in result.warnings if "spaghetti.jpg" in w.message]
    assert str(warning.location) == "putnam-slides.md:26:1" and "not found" in warning.message
    slide = [s for s in Presentation(str(tmp_path / "putnam.pptx")).slides
             if any("picture of spaghetti" in sh.text_frame.text for sh in s.shapes if sh.has_text_frame)][0]
    pictures = [p for p in slide.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.PICTURE]
    assert len(pictures) == 1 and not pictures[0]._element.xpath(".//a:blip")
    assert slide.shapes.title.text_frame.text == "1. Dinner"
