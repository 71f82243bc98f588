"""Writing a planned deck on a template, without python-pptx.

Slides and notes slides are named by counters seeded from the template (render/fastpath.py's
``next_partname``); the presentation relates to each slide with python-pptx's next relationship
id and gives it the next slide id from 256. A template without a notes master or core
properties gets python-pptx's defaults, at the moment python-pptx would add them. Everything is
built in memory first: a deck this writer cannot reproduce raises :class:`~.dom.Unsupported`
before anything is written, and the caller uses python-pptx instead.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from typing import IO

from ...plan.types import DeckInfo, PlannedDeck
from ...theme.model import Theme
from ..compose import deck_map, footer_roles, kept_footers, layout_choice, slide_elements
from ..template.mapping import map_template
from ..template.package import _notes_master, _pptx_template
from . import dom
from .archive import CONTENT_TYPES, PACKAGE_RELS, Relationship, build_timestamp, natural, rels_member, rels_xml, \
    write_zip
from .charts import Charts
from .dom import Unsupported
from .notes import NotesXml
from .package import from_package
from .pictures import Pictures
from .parts import DEFAULT_CORE, content_types_xml, core_xml, presentation_xml
from .shapes import TextBoxes, inches
from .slide import Clone, SlideXml, next_rid, skeleton
from .template import RT_NOTES_MASTER, RT_NOTES_SLIDE, RT_SLIDE, Template, compiled, mapping_info, placeholders
from .text import TextXml

_CT = "application/vnd.openxmlformats-officedocument.presentationml."
_CT_SLIDE, _CT_NOTES, _CT_NOTES_MASTER = _CT + "slide+xml", _CT + "notesSlide+xml", _CT + "notesMaster+xml"
_CT_THEME = "application/vnd.openxmlformats-officedocument.theme+xml"
_CT_CORE = "application/vnd.openxmlformats-package.core-properties+xml"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_RT_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_DEFAULT_NOTES_MASTER = "/ppt/notesMasters/notesMaster1.xml"
_DEFAULT_CORE = "/docProps/core.xml"

#: A part to write: name, bytes, content type, relationships.
Written = tuple[str, bytes, str, Sequence[Relationship]]


class _Names:
    """Part names as render/fastpath.py gives them: per template, one more than the highest
    number in use when first asked (a house template's numbering may have gaps)."""

    def __init__(self, existing: Sequence[str]) -> None:
        self.existing = set(existing)
        self.counters: dict[str, int] = {}

    def next(self, prefix: str, suffix: str) -> str:
        if prefix not in self.counters:
            numbers = [name[len(prefix):len(name) - len(suffix)] for name in self.existing
                       if name.startswith(prefix) and name.endswith(suffix)]
            self.counters[prefix] = max((int(n) for n in numbers if n.isdigit()), default=0)
        self.counters[prefix] += 1
        name = f"{prefix}{self.counters[prefix]}{suffix}"
        if name in self.existing:
            raise Unsupported(f"{name} exists already (python-pptx would write it twice)")
        self.existing.add(name)
        return name


def render(deck: PlannedDeck, theme: Theme, stream: IO[bytes], package: bytes | None = None,
           layout_overrides: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """Write ``deck`` as a .pptx into ``stream`` on ``package`` (a slide-less house template, as
    slidegen/render/template/byo.py makes it) or the theme's compiled template; return the
    layout name of each slide."""
    if package is None:     # slidegen's own template: mapped from the parts parsed here, without lxml
        template = compiled(theme)
        mapping = map_template(mapping_info(template), layout_overrides)
    else:
        template = from_package(package)
        mapping = deck_map(theme, package, layout_overrides)
    info = deck.info
    writer = TextXml(info.language, inches(theme.body.indent), theme.highlight, theme.muted, theme.fonts.mono)
    boxes = TextBoxes(theme)
    stamp = build_timestamp(info.date)
    names = _Names(list(template.parts))
    pictures = Pictures(template, names.existing)
    charts = Charts(names.next, stamp)
    pres = template.parts[template.presentation]
    pres_rels: list[Relationship] = list(pres.rels)
    written: list[Written] = []
    notes_master, notes_xml = template.notes_master, None
    skeletons: dict[tuple[str, tuple[int, ...]], tuple[Clone, ...]] = {}
    slide_ids: list[tuple[int, str]] = []
    used: list[str] = []

    pres_ids = _ids(pres_rels)

    def relate(reltype: str, target: str) -> str:
        rId = next_rid(pres_ids, len(pres_rels))
        pres_ids.add(rId)
        pres_rels.append((rId, reltype, target, False))
        return rId

    for planned in deck.slides:
        choice = layout_choice(planned, mapping)
        used.append(choice.name)
        layout = template.layouts[choice.part]
        footers = footer_roles(planned, info, choice.roles)
        cloned = skeletons.get((layout.partname, footers))
        if cloned is None:
            cloned = skeletons[(layout.partname, footers)] = skeleton(layout, footers)
        partname = names.next("/ppt/slides/slide", ".xml")
        slide_ids.append((256 + len(slide_ids), relate(RT_SLIDE, partname)))
        slide = SlideXml(cloned, layout.partname, writer, boxes, pictures, charts)
        keep = slide.write(slide_elements(planned, theme, choice, template.size)) | kept_footers(choice)
        slide.footers(planned, info, choice.roles)
        if planned.notes:
            if notes_master is None:       # python-pptx adds its default notes master and theme
                notes_master = _DEFAULT_NOTES_MASTER
                if notes_master in names.existing:
                    raise Unsupported(f"{notes_master} exists but is not the notes master")
                theme_part = names.next("/ppt/theme/theme", ".xml")
                written.append((notes_master, _notes_master(), _CT_NOTES_MASTER,
                                [("rId1", _RT + "theme", theme_part, False)]))
                written.append((theme_part, dom.canonical(_pptx_template("theme.xml")), _CT_THEME, ()))
                relate(RT_NOTES_MASTER, notes_master)
            if notes_xml is None:
                notes_xml = NotesXml(template.notes_placeholders if template.notes_master else
                                     placeholders(dom.parse(_notes_master())))
            notes_name = names.next("/ppt/notesSlides/notesSlide", ".xml")
            written.append((notes_name, notes_xml.xml(planned.notes, writer), _CT_NOTES,
                            [("rId1", RT_NOTES_MASTER, notes_master, False), ("rId2", RT_SLIDE, partname, False)]))
            slide.rels.append((slide.next_rid(), RT_NOTES_SLIDE, notes_name, False))
        written.append((partname, slide.xml(keep), _CT_SLIDE, slide.rels))

    written += [(name, blob, content_type, ()) for name, blob, content_type in pictures.added]
    written += charts.added
    package_rels = list(template.package_rels)
    core = template.core
    if core is None:                       # python-pptx adds its default core properties
        core = _DEFAULT_CORE
        if core in names.existing:
            raise Unsupported(f"{core} exists but is not the core properties")
        written.append((core, core_xml(DEFAULT_CORE, info, stamp), _CT_CORE, ()))
        package_rels.append((next_rid(_ids(package_rels), len(package_rels)), _RT_CORE, core, False))
    _write(stream, template, written, package_rels, presentation_xml(pres.blob, slide_ids), pres_rels, info, stamp)
    return tuple(used)


def _ids(rels: Sequence[Relationship]) -> set[str]:
    return {r[0] for r in rels}


def _write(stream: IO[bytes], template: Template, written: list[Written], package_rels: Sequence[Relationship],
           presentation: bytes, pres_rels: Sequence[Relationship], info: DeckInfo, stamp: _dt.datetime) -> None:
    """Every part in natural name order, each followed by its relationships."""
    parts: list[Written] = []
    for part in template.parts.values():
        if part.partname == template.presentation:
            parts.append((part.partname, presentation, part.content_type, pres_rels))
        elif part.partname == template.core:
            parts.append((part.partname, core_xml(part.blob, info, stamp), part.content_type, part.rels))
        else:
            parts.append((part.partname, part.blob, part.content_type, part.rels))
    parts += written
    parts.sort(key=lambda p: natural(p[0]))
    entries = [(CONTENT_TYPES, content_types_xml([(p[0], p[2]) for p in parts])),
               (PACKAGE_RELS, rels_xml(package_rels, "/"))]
    for partname, blob, _, rels in parts:
        entries.append((partname[1:], blob))
        if rels:
            entries.append((rels_member(partname), rels_xml(rels, partname.rpartition("/")[0] or "/")))
    write_zip(stream, entries, stamp)
