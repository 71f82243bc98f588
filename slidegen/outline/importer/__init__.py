"""``slidegen import deck.pptx -o decks/NAME.yaml|.md``: an existing deck as an outline.

Read with zipfile and lxml only (python-pptx stays in ``render/``), defensively (see
``package``). Titles, bullets with their levels, notes, tables, pictures (written next to the
outline), sections and the closest slide kind for each slide come across; what cannot is listed
as warnings with the slide number. A deck slidegen built is recognised — its title slide,
agenda, dividers, closing, "(tiếp)" continuations, numbered titles, sources in the notes and
drawn timelines and figures — so that building the import gives the deck back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...errors import Diagnostic, OutlineError, OutputError, display_path
from ...records import record
from ...source import SourceLocation
from ..located import Located
from ..source import has_vietnamese
from ...source import SourceMap
from .content import Classifier, SlideFacts
from .deck import DeckRead, read_deck
from .furniture import closing_slide, is_title_layout, title_slide
from .outline import OutlineWriter
from .package import Package
from .pictures import Pictures
from .structure import Structure

DECK_SUFFIXES = (".pptx", ".pptm", ".potx", ".potm", ".ppsx", ".ppsm")


@record
class Imported:
    """An outline read back from a .pptx: its data, where each value came from, warnings, and the pictures written."""

    data: dict[str, Any]
    source_map: SourceMap
    warnings: tuple[Diagnostic, ...]
    pictures: tuple[Path, ...]


def read_pptx(source: Path, outline: Path, warnings: list[Diagnostic]) -> Imported:
    """The outline data of the deck ``source``; its pictures are written next to ``outline``."""
    if source.suffix.lower() not in DECK_SUFFIXES:
        raise OutlineError(f"{display_path(source)}: import reads PowerPoint decks ({', '.join(DECK_SUFFIXES)})")
    if not source.is_file():
        raise OutlineError(f"file not found: {display_path(source)}")
    package = Package(source)
    try:
        deck = read_deck(package, warnings)
        if not deck.slides:
            raise OutlineError("has no slides to import (a template without sample "
                               "slides? use it with --template instead)", SourceLocation(package.shown))
        pictures = Pictures(package, outline, warnings)
        data, located = _outline(deck, package.shown, source, pictures, warnings)
    finally:
        package.close()
    return Imported(data, located.source_map(package.shown), tuple(warnings), tuple(pictures.written))


def _outline(deck: DeckRead, shown: str, source: Path, pictures: Pictures,
             warnings: list[Diagnostic]) -> tuple[dict[str, Any], Located]:
    classifier = Classifier(shown, warnings)
    facts = [classifier.facts(s) for s in deck.slides]
    text = " ".join(f.title for f in facts) + " ".join(p.text for f in facts for p in f.body_paras)
    language = deck.language or ("vi-VN" if has_vietnamese(text) else "en-US")
    meta: dict[str, Any] = {"title": deck.title or source.stem, "language": language}
    # A title slide first and a closing slide last are slidegen's own; with nothing between them
    # (a one-slide deck) they are content too, since an outline needs an item.
    if facts and is_title_layout(facts[0]):
        title_slide(facts[0], meta)
        if len(facts) > 1:
            facts = facts[1:]
    closing: dict[str, Any] = {"enabled": False}
    if len(facts) > 1 and (facts[-1].read.layout == "Closing" or is_title_layout(facts[-1])):
        closing = closing_slide(facts[-1], meta)
        facts = facts[:-1]
    if deck.author and deck.author != meta.get("organisation"):
        meta["author"] = deck.author
    from ...theme.registry import builtin_names

    if deck.theme in builtin_names():
        meta["theme"] = deck.theme
    structure = Structure(classifier, deck.by_slidegen, meta["title"], shown, warnings,
                          language.lower().startswith("vi"))
    drafts = structure.sections(facts, deck.sections)
    if not drafts:
        raise OutlineError("has no content slides to import (only a title or closing slide)",
                           SourceLocation(shown))
    writer = OutlineWriter(pictures, shown, language, warnings)
    sections = writer.sections(drafts)
    _footers(meta, facts)
    meta["agenda"] = _agenda(structure, language)
    if closing:
        meta["closing"] = closing
    if writer.sources:
        meta["sources"] = dict(sorted(writer.sources.items(), key=lambda kv: (isinstance(kv[0], str), kv[0])))
    from ..markdown.frontmatter import DECK_KEYS

    deck_data = {k: meta[k] for k in DECK_KEYS if meta.get(k) not in (None, {}, "")}
    return {"deck": deck_data, "sections": sections}, writer.located


def _footers(meta: dict[str, Any], facts: list[SlideFacts]) -> None:
    footer = next((f.footer for f in facts if f.footer), None)
    if footer:
        meta["footer"] = footer
    if facts and not any(f.has_number for f in facts):
        meta["slide_numbers"] = False
    if "date" in meta and facts and not any(f.date_text for f in facts):
        meta["show_date"] = False


def _agenda(structure: Structure, language: str) -> dict[str, Any]:
    agenda = structure.agenda
    if agenda is None:
        return {"enabled": False}
    default = "Nội dung" if language.lower().startswith("vi") else "Contents"
    out: dict[str, Any] = {}
    if agenda.title and agenda.title != default:
        out["title"] = agenda.title
    if agenda.count > 1:
        out["repeat"] = True
    if not agenda.items:
        out["items"] = False
    return out


def import_deck(source: Path, target: Path) -> Imported:
    """Write the outline of deck ``source`` to ``target`` (.yaml or .md), never overwriting."""
    from ...convert import outline_format, render_outline
    from ...output import write_new_file

    fmt = outline_format(target)
    if target.exists():
        raise OutputError(f"{display_path(target)} already exists; import never overwrites a file")
    warnings: list[Diagnostic] = []
    imported = read_pptx(source, target, warnings)
    header = (f"Imported from {source.name} by slidegen import. Build it with: "
              f"slidegen build {display_path(target)}")
    write_new_file(target, render_outline(imported.data, fmt, header))
    return imported
