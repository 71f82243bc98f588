"""Notes that fit their page: a copy of a deck whose speaker notes shrink to the notes page.

A notes page holds the slide's image and, below it, the notes placeholder, a fixed box; notes
longer than the box (a slide citing nine sources with their addresses) run off the page, and a
handout printed from them loses the end of the notes. For the handout, slidegen converts a copy
of the deck whose notes placeholders say "shrink text on overflow" (``<a:normAutofit/>``, which
LibreOffice honours when it lays out the page), so every line of the notes is on the page. The
deck itself is not touched; nothing else in the copy changes.
"""

from __future__ import annotations

import re
import shutil
import zipfile
import zlib
from pathlib import Path

from lxml import etree

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_NOTES = re.compile(r"^ppt/notesSlides/notesSlide\d+\.xml$")
_AUTOFIT = (f"{{{_A}}}noAutofit", f"{{{_A}}}normAutofit", f"{{{_A}}}spAutoFit")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


#: A notes slide larger than this is copied as it is (it is not slidegen's, nor any editor's).
MAX_NOTES_PART = 4 * 1024 * 1024


def notes_that_fit(deck: Path, copy: Path) -> Path:
    """Write ``copy``: ``deck`` with every notes placeholder set to shrink on overflow. A file
    that cannot be read so is handed over as it is (LibreOffice then says what is wrong)."""
    try:
        with zipfile.ZipFile(deck) as source, zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                if _NOTES.match(info.filename) and info.file_size <= MAX_NOTES_PART:
                    target.writestr(info, _shrinking(source.read(info)))
                else:
                    with source.open(info) as read, target.open(info, "w") as write:
                        shutil.copyfileobj(read, write)   # pictures and the rest, streamed
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, etree.XMLSyntaxError, NotImplementedError):
        return deck
    return copy


def _shrinking(xml: bytes) -> bytes:
    root = etree.fromstring(xml, _PARSER)
    changed = False
    for shape in root.iter(f"{{{_P}}}sp"):
        ph = shape.find(f"{{{_P}}}nvSpPr/{{{_P}}}nvPr/{{{_P}}}ph")
        body = shape.find(f"{{{_P}}}txBody/{{{_A}}}bodyPr")
        if ph is None or ph.get("type") != "body" or body is None:
            continue
        for old in [c for c in body if c.tag in _AUTOFIT]:
            body.remove(old)
        warp = body.find(f"{{{_A}}}prstTxWarp")      # the schema's order: a warp, then the autofit
        body.insert(0 if warp is None else list(body).index(warp) + 1, etree.Element(f"{{{_A}}}normAutofit"))
        changed = True
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True) if changed else xml
