"""Finding a slide's placeholders and putting text or pictures into them."""

from __future__ import annotations

import io
import os
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any


from pptx.oxml.ns import qn
from pptx.util import Emu

from ..plan.types import Picture, TextBlock
from .text import TextWriter


_NV_PR = qn("p:nvPr")
_PH = qn("p:ph")


def placeholder_shapes(sp_tree: Any) -> Iterator[tuple[Any, Any]]:
    """(``p:ph``, shape element) for every placeholder of a shape tree (slide, layout, notes),
    in document order.

    Read with plain child lookups: python-pptx's ``placeholders`` runs XPath queries per shape
    and per property, which dominated the time of large decks."""
    for element in sp_tree.iterchildren():
        non_visual = element[0] if len(element) else None
        nv_pr = non_visual.find(_NV_PR) if non_visual is not None else None
        ph = nv_pr.find(_PH) if nv_pr is not None else None
        if ph is not None:
            yield ph, element


def _placeholder_elements(slide: Any) -> Iterator[tuple[int, Any]]:
    """(idx, element) for every placeholder on the slide."""
    for ph, element in placeholder_shapes(slide.shapes._spTree):
        idx = ph.get("idx", "0")
        if idx.isdigit():
            yield int(idx), element


_INDEX: "weakref.WeakKeyDictionary[Any, dict[int, Any]]" = weakref.WeakKeyDictionary()


def placeholder_element(slide: Any, idx: int) -> Any:
    """The ``p:sp`` (or other shape element) of the slide's placeholder ``idx``, or None.

    The slide's placeholders are indexed once; an entry whose element has since been replaced
    (a picture inserted) or removed is looked up afresh."""
    index = _INDEX.get(slide.part)
    element = index.get(idx) if index is not None else None
    if element is None or element.getparent() is None:
        index = _INDEX[slide.part] = dict(_placeholder_elements(slide))
        element = index.get(idx)
    return element


def placeholder(slide: Any, idx: int) -> Any:
    """The slide's placeholder with ``idx`` as a python-pptx shape, or None when it has none."""
    element = placeholder_element(slide, idx)
    return slide.shapes._shape_factory(element) if element is not None else None


def text_body(slide: Any, idx: int) -> Any:
    """The text body (``p:txBody``) of placeholder ``idx``, created if missing; None if no such
    placeholder. Works on the XML directly: building python-pptx shape objects costs XPath."""
    element = placeholder_element(slide, idx)
    if element is None or element.tag != qn("p:sp"):
        return None
    return element.get_or_add_txBody()


def remove_unused(slide: Any, keep: set[int]) -> None:
    """Delete placeholders python-pptx cloned from the layout that this slide does not fill.

    Empty placeholders show "Click to add text" in editing views, which looks unfinished.
    (Empty picture placeholders that the slide does use stay: they invite the presenter to add
    a photo.)
    """
    for idx, element in list(_placeholder_elements(slide)):
        if idx not in keep:
            element.getparent().remove(element)


def set_text(slide: Any, idx: int, writer: TextWriter, block: TextBlock | None, *, bullets: bool = False) -> bool:
    """Fill placeholder ``idx``; False when the layout has no such placeholder."""
    txBody = text_body(slide, idx)
    if txBody is None:
        return False
    writer.fill(txBody, block, bullets=bullets)
    return True


def set_picture(slide: Any, idx: int, picture: Picture) -> None:
    """Put a picture into a picture placeholder, scaled to fit inside it without distortion
    (python-pptx would crop it to fill the box); an absent file leaves the placeholder empty."""
    shape = placeholder(slide, idx)
    if shape is None:
        return
    if picture.path is None:
        if picture.alt:
            shape.element.find(qn("p:nvSpPr")).find(qn("p:cNvPr")).set("descr", picture.alt)
        return
    box = (shape.left, shape.top, shape.width, shape.height)
    graphic = shape.insert_picture(_image_source(picture.path))
    crop = graphic._element.blipFill.find(qn("a:srcRect"))
    if crop is not None:
        for side in ("l", "t", "r", "b"):
            crop.attrib.pop(side, None)
    _fit_inside(graphic, box, picture.alt)


def add_picture(slide: Any, picture: Picture, box: tuple[int, int, int, int]) -> None:
    """A picture drawn (not in a placeholder) inside ``box``, scaled to fit without distortion."""
    graphic = slide.shapes.add_picture(_image_source(picture.path), Emu(box[0]), Emu(box[1]))
    _fit_inside(graphic, box, picture.alt)


def _image_source(path: str | None) -> Any:
    """The file to give python-pptx: its path, or its bytes when the name holds a character XML
    must escape (python-pptx writes the name into its XML unescaped and fails on ``&``); the
    name is replaced by the alt text either way."""
    assert path is not None
    name = os.path.basename(path)
    if any(ch in name for ch in '&<>"') or any(ord(ch) < 32 for ch in name):
        return io.BytesIO(Path(path).read_bytes())
    return path


def _fit_inside(graphic: Any, box: tuple[int, int, int, int], alt: str) -> None:
    left, top, width, height = box
    image_w, image_h = graphic.image.size
    scale = min(width / image_w, height / image_h)
    fitted_w, fitted_h = int(image_w * scale), int(image_h * scale)
    graphic.left = Emu(left + (width - fitted_w) // 2)
    graphic.top = Emu(top + (height - fitted_h) // 2)
    graphic.width, graphic.height = Emu(fitted_w), Emu(fitted_h)
    graphic._element.nvPicPr.cNvPr.set("descr", alt)
