"""Writing a planned deck on a compiled template, without python-pptx.

Slides are numbered in order (slide1.xml, …), notes slides likewise; the presentation relates to
each slide with the next relationship id and gives it the next slide id from 256, as python-pptx
does. Everything is built in memory first: a deck this writer cannot reproduce raises
:class:`~.dom.Unsupported` before anything is written, and the caller uses python-pptx instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO

from ...plan.types import PlannedDeck
from ...theme.model import Theme
from ..compose import footer_roles, kept_footers, layout_choice, slide_elements
from ..template.mapping import map_layouts
from .archive import CONTENT_TYPES, PACKAGE_RELS, Relationship, build_timestamp, natural, rels_member, rels_xml, \
    write_zip
from .notes import NotesXml
from .parts import content_types_xml, core_xml, presentation_xml
from .shapes import TextBoxes, inches
from .slide import Clone, SlideXml, next_rid, skeleton
from .template import RT_NOTES_MASTER, RT_NOTES_SLIDE, RT_SLIDE, compiled
from .text import TextXml

_CT = "application/vnd.openxmlformats-officedocument.presentationml."
_CT_SLIDE, _CT_NOTES = _CT + "slide+xml", _CT + "notesSlide+xml"


def render(deck: PlannedDeck, theme: Theme, stream: IO[bytes],
           layout_overrides: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """Write ``deck`` as a .pptx into ``stream`` on the theme's compiled template; return the
    layout name of each slide."""
    template = compiled(theme)
    mapping = map_layouts([layout.info for layout in template.layouts], layout_overrides)
    info = deck.info
    writer = TextXml(info.language, inches(theme.body.indent), theme.highlight, theme.muted, theme.fonts.mono)
    boxes = TextBoxes(theme)
    stamp = build_timestamp(info.date)
    notes_xml: NotesXml | None = None
    skeletons: dict[tuple[str, tuple[int, ...]], tuple[Clone, ...]] = {}

    pres = template.parts[template.presentation]
    pres_rels: list[Relationship] = list(pres.rels)
    used_rids = {r[0] for r in pres_rels}
    written: list[tuple[str, bytes, str, list[Relationship]]] = []     # part name, blob, type, rels
    slide_ids: list[tuple[int, str]] = []
    used: list[str] = []
    notes_count = 0
    for number, planned in enumerate(deck.slides, start=1):
        choice = layout_choice(planned, mapping)
        used.append(choice.name)
        layout = template.layouts[choice.index]
        footers = footer_roles(planned, info, choice.roles)
        key = (layout.partname, footers)
        cloned = skeletons.get(key)
        if cloned is None:
            cloned = skeletons[key] = skeleton(layout, footers)
        partname = f"/ppt/slides/slide{number}.xml"
        slide = SlideXml(cloned, layout.partname, writer, boxes)
        keep = slide.write(slide_elements(planned, theme, choice)) | kept_footers(choice)
        slide.footers(planned, info, choice.roles)
        if planned.notes:
            if notes_xml is None:
                notes_xml = NotesXml(template)
            notes_count += 1
            notes_name = f"/ppt/notesSlides/notesSlide{notes_count}.xml"
            written.append((notes_name, notes_xml.xml(planned.notes, writer), _CT_NOTES,
                            [("rId1", RT_NOTES_MASTER, template.notes_master, False),
                             ("rId2", RT_SLIDE, partname, False)]))
            slide.rels.append((slide.next_rid(), RT_NOTES_SLIDE, notes_name, False))
        written.append((partname, slide.xml(keep), _CT_SLIDE, slide.rels))
        rId = next_rid(used_rids, len(pres_rels))
        used_rids.add(rId)
        pres_rels.append((rId, RT_SLIDE, partname, False))
        slide_ids.append((255 + number, rId))

    parts: list[tuple[str, bytes, str, list[Relationship] | tuple[Relationship, ...]]] = []
    for part in template.parts.values():
        if part.partname == template.presentation:
            parts.append((part.partname, presentation_xml(part.blob, slide_ids), part.content_type, pres_rels))
        elif part.partname == template.core:
            parts.append((part.partname, core_xml(part.blob, info, stamp), part.content_type, part.rels))
        else:
            parts.append((part.partname, part.blob, part.content_type, part.rels))
    parts += written
    parts.sort(key=lambda p: natural(p[0]))

    entries = [(CONTENT_TYPES, content_types_xml([(p[0], p[2]) for p in parts])),
               (PACKAGE_RELS, rels_xml(template.package_rels, "/"))]
    for partname, blob, _, rels in parts:
        entries.append((partname[1:], blob))
        if rels:
            entries.append((rels_member(partname), rels_xml(rels, partname.rpartition("/")[0] or "/")))
    write_zip(stream, entries, stamp)
    return tuple(used)
