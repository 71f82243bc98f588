"""Adding slides and notes: python-pptx's plain path, and a fast path that gives the same bytes.

python-pptx is the package model here, but its bookkeeping is linear in the deck, so n slides
cost O(n²): every notes slide's part name is found by walking the whole package, every slide id
by reading all ids, every slide relationship by scanning all the presentation's relationships;
and cloning a layout's placeholders re-runs XPath queries for every shape of every slide.

``FastSlides`` keeps counters instead (seeded once from the package) and prepares one skeleton
per layout — the slide exactly as the plain path builds it, placeholders and footers cloned —
then deep-copies it for each further slide; notes slides likewise. Everything else goes through
python-pptx's own constructors, so both paths produce the same parts, names, ids and
relationships; a test checks that they give byte-identical files.
"""

from __future__ import annotations

import copy
import types
from collections.abc import Callable
from typing import Any

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.parts.slide import NotesSlidePart, SlidePart


class PlainSlides:
    """Slides through python-pptx's public API."""

    def __init__(self, presentation: Any) -> None:
        self.presentation = presentation

    def add_slide(self, layout: Any, footers: tuple[int, ...] = ()) -> Any:
        slide = self.presentation.slides.add_slide(layout)
        _clone_footers(slide, layout, footers)
        return slide

    def notes_slide(self, slide: Any) -> Any:
        return slide.notes_slide


def _clone_footers(slide: Any, layout: Any, footers: tuple[int, ...]) -> None:
    """Copy the layout's date/footer/number placeholders named by ``footers`` onto the slide
    (python-pptx leaves them off new slides)."""
    for layout_ph in layout.placeholders:
        if layout_ph.placeholder_format.idx in footers:
            slide.shapes.clone_placeholder(layout_ph)


class FastSlides(PlainSlides):
    """The same slides and notes as :class:`PlainSlides`, in constant time each."""

    def __init__(self, presentation: Any) -> None:
        super().__init__(presentation)
        self.part = presentation.part
        self.package = self.part.package
        self.slide_ids = presentation.slides._sldIdLst
        self.next_id = max([255, *(int(s.id) for s in self.slide_ids)]) + 1
        self.counters: dict[str, int] = {}
        self.skeletons: dict[tuple[str, tuple[int, ...]], Any] = {}
        self.notes_skeleton: Any = None
        # Part names for notes slides, images, … come from package.next_partname: answer from
        # counters instead of walking the package for each new part.
        self.package.next_partname = types.MethodType(self._next_partname_function(), self.package)

    def _next_partname_function(self) -> Callable[[Any, str], PackURI]:
        counters = self.counters

        def next_partname(package: Any, tmpl: str) -> PackURI:
            if tmpl not in counters:
                # Seeded with the highest number in use, not the count of parts: a house
                # template's numbering may have gaps (theme1, theme2, theme5), and counting would
                # then hand out a name already taken.
                prefix, suffix = tmpl.split("%d")
                numbers = [int(name[len(prefix):len(name) - len(suffix)]) for name in (str(p.partname) for p in package.iter_parts())
                           if name.startswith(prefix) and name.endswith(suffix)
                           and name[len(prefix):len(name) - len(suffix)].isdigit()]
                counters[tmpl] = max(numbers, default=0)
            counters[tmpl] += 1
            return PackURI(tmpl % counters[tmpl])

        return next_partname

    def add_slide(self, layout: Any, footers: tuple[int, ...] = ()) -> Any:
        partname = self.package.next_partname("/ppt/slides/slide%d.xml")
        key = (str(layout.part.partname), footers)
        skeleton = self.skeletons.get(key)
        if skeleton is None:
            slide_part = SlidePart.new(partname, self.package, layout.part)
            slide_part.slide.shapes.clone_layout_placeholders(layout)
            _clone_footers(slide_part.slide, layout, footers)
            self.skeletons[key] = copy.deepcopy(slide_part._element)
        else:
            slide_part = SlidePart(partname, CT.PML_SLIDE, self.package, copy.deepcopy(skeleton))
            slide_part.relate_to(layout.part, RT.SLIDE_LAYOUT)
        rId = self.part._rels._add_relationship(RT.SLIDE, slide_part)
        self.slide_ids._add_sldId(id=self.next_id, rId=rId)
        self.next_id += 1
        return slide_part.slide

    def notes_slide(self, slide: Any) -> Any:
        slide_part = slide.part
        if self.notes_skeleton is None:
            notes = slide.notes_slide
            self.notes_skeleton = copy.deepcopy(notes.part._element)
            return notes
        partname = self.package.next_partname("/ppt/notesSlides/notesSlide%d.xml")
        notes_part = NotesSlidePart(partname, CT.PML_NOTES_SLIDE, self.package, copy.deepcopy(self.notes_skeleton))
        notes_part.relate_to(self.package.presentation_part.notes_master_part, RT.NOTES_MASTER)
        notes_part.relate_to(slide_part, RT.SLIDE)
        slide_part.relate_to(notes_part, RT.NOTES_SLIDE)
        return notes_part.notes_slide
