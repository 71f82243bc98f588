"""Reading facts out of a built .pptx for assertions (titles, layouts, runs, fields, notes)."""

from __future__ import annotations

import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}


@dataclass
class SlideFacts:
    layout: str
    title: str
    texts: list[str]
    notes: str
    fields: list[str]


def slides(path: Path) -> list[SlideFacts]:
    from pptx import Presentation

    result = []
    for slide in Presentation(str(path)).slides:
        title_shape = slide.shapes.title
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        fields = [f.get("type") for f in slide._element.iter(f"{{{NS['a']}}}fld")]
        result.append(SlideFacts(slide.slide_layout.name, title_shape.text_frame.text if title_shape else "",
                                 texts, notes, fields))
    return result


def xml_parts(path: Path, prefix: str = "ppt/"):
    with zipfile.ZipFile(path) as archive:
        for name in sorted(archive.namelist()):
            if name.startswith(prefix) and name.endswith(".xml"):
                yield name, etree.fromstring(archive.read(name))


def text_runs(path: Path):
    """(part name, element) for every run, break, field and end-of-paragraph on slides and notes."""
    tags = [f"{{{NS['a']}}}{t}" for t in ("r", "br", "fld")]
    for name, root in xml_parts(path):
        if not (name.startswith("ppt/slides/slide") or name.startswith("ppt/notesSlides/")):
            continue
        for element in root.iter(*tags):
            yield name, element.find("a:rPr", NS), element
        for end in root.iter(f"{{{NS['a']}}}endParaRPr"):
            yield name, end, end


def all_text(path: Path) -> list[str]:
    texts = []
    for name, root in xml_parts(path):
        texts.extend(t.text or "" for t in root.iter(f"{{{NS['a']}}}t"))
    return texts


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)
