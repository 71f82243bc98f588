"""Checks and repairs inside a template's masters and layouts (plain lxml, before python-pptx).

Checked, because slidegen computes with them: every offset and extent is a number and no extent
is negative; every placeholder has a known type and a numeric idx. A template that fails is
damaged, and refused with the part named.

Repaired, because other producers write them so and a deck built on them would lose something:

- placeholder idx as PowerPoint identifies placeholders: a title (title, ctrTitle) has idx 0;
  every other placeholder of a layout its own idx. LibreOffice writes ``<p:ph type="body"/>``
  (idx 0 by the spec's default, the title's), ONLYOFFICE writes idx 4294967295 on several; a
  slide's placeholders are matched to the layout's by idx (PowerPoint, python-pptx), so
  without this the title and the body of a slide would be one placeholder;
- slide-number placeholders whose field shows no text: LibreOffice then draws no number;
- text filled with a one-colour gradient: PowerPoint draws the colour, LibreOffice black;
- ``pitchFamily`` values outside the schema's enumeration (PowerPoint ignores them; a validator
  does not).
"""

from __future__ import annotations

import copy

from lxml import etree

from ..direct.text import FIELD_IDS
from .opc import Findings, Part, fail

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
TITLES = frozenset({"title", "ctrTitle"})
PLACEHOLDER_TYPES = frozenset({"title", "body", "ctrTitle", "subTitle", "dt", "sldNum", "ftr", "hdr", "obj",
                               "chart", "tbl", "clipArt", "dgm", "media", "sldImg", "pic"})
UNLINKED = 4294967295          # ONLYOFFICE's and PowerPoint's "no idx": inherits nothing
_PITCH_FAMILIES = frozenset({0, 1, 2, 16, 17, 18, 32, 33, 34, 48, 49, 50, 64, 65, 66, 80, 81, 82})
_MAX_COORDINATE = 27273042316900           # ST_Coordinate's bound
_FONTS = (f"{A}latin", f"{A}ea", f"{A}cs", f"{A}sym", f"{A}font")
_TEXT_PROPERTIES = (f"{A}defRPr", f"{A}rPr", f"{A}endParaRPr")
_MASTER_TYPES = ("presentationml.slideMaster+xml", "presentationml.slideLayout+xml")
SLIDE_NUMBER_TEXT = "\u2039#\u203a"        # "‹#›", what PowerPoint writes in a master's number field


def _where(part: Part) -> str:
    return part.name.lstrip("/")


_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_PRESERVE = (f"{_MC}PreserveAttributes", f"{_MC}PreserveElements")


def repair_shared(part: Part, findings: Findings) -> None:
    """Repairs any XML part of the package may need."""
    assert part.xml is not None
    # Markup-compatibility hints to editors (which ignorable content to keep when saving): they
    # change nothing a reader shows, and the schemas PowerPoint validates by do not allow them here.
    for element in part.xml.iter():
        for name in _PRESERVE:
            if name in element.attrib:
                del element.attrib[name]
    for element in part.xml.iter(*_FONTS):
        value = element.get("pitchFamily")
        if value is not None and not (value.lstrip("-").isdigit() and int(value) in _PITCH_FAMILIES):
            del element.attrib["pitchFamily"]
            findings.add("font pitchFamily values outside the schema's list are dropped", _where(part))
    if part.content_type.endswith(_MASTER_TYPES):
        _solid_gradients(part, findings)
        _slide_number_text(part, findings)


def check_geometry(part: Part, shown: str) -> None:
    """Offsets and extents are numbers in range, extents not negative."""
    assert part.xml is not None
    for element in part.xml.iter(f"{A}off", f"{A}ext", f"{A}chOff", f"{A}chExt"):
        parent = element.getparent()
        if element.tag == f"{A}ext" and (parent is None or parent.tag not in (f"{A}xfrm", f"{P}xfrm")):
            continue                   # a:ext also names an extension in a:extLst
        names = ("x", "y") if element.tag in (f"{A}off", f"{A}chOff") else ("cx", "cy")
        for name in names:
            raw = element.get(name)
            value = int(raw) if raw is not None and raw.lstrip("-").isdigit() else None
            if value is None or abs(value) > _MAX_COORDINATE or (name.startswith("c") and value < 0):
                raise fail(shown, f"is damaged: {_where(part)} has a shape with {name}=\"{raw}\", not a valid "
                                  "position or size; fix the shape in PowerPoint or save the template again")


def _check_placeholders(part: Part, shown: str) -> list[etree._Element]:
    assert part.xml is not None
    found = []
    for ph in part.xml.iter(f"{P}ph"):
        kind, idx = ph.get("type", "obj"), ph.get("idx")
        if kind not in PLACEHOLDER_TYPES:
            raise fail(shown, f"is damaged: {_where(part)} has a placeholder of unknown type '{kind}'")
        if idx is not None and not idx.isdigit():
            raise fail(shown, f"is damaged: {_where(part)} has a placeholder whose idx '{idx}' is not a number")
        found.append(ph)
    return found


def check_and_repair_master(part: Part, shown: str, findings: Findings) -> None:
    check_geometry(part, shown)
    _check_placeholders(part, shown)


def check_and_repair_layout(part: Part, shown: str, findings: Findings) -> None:
    check_geometry(part, shown)
    if _give_idx(_check_placeholders(part, shown)):
        findings.add("placeholders that shared an idx (or had none) are numbered, so a slide's title and body "
                     "stay apart", _where(part))


def _give_idx(placeholders: list[etree._Element]) -> bool:
    """The first title keeps idx 0 (written by omission); every other placeholder whose idx is
    missing, unlinked or already used gets the next free number."""
    changed = False
    seen: set[int] = {0}
    title_seen = False
    pending = []
    for ph in placeholders:
        raw = ph.get("idx")
        idx = int(raw) if raw is not None else 0
        if ph.get("type", "obj") in TITLES and not title_seen:
            title_seen = True
            if raw is not None and idx != 0:
                del ph.attrib["idx"]
                changed = True
            continue
        if idx >= UNLINKED or idx in seen:
            pending.append(ph)
        else:
            seen.add(idx)
    free = max(seen) + 1
    for ph in pending:
        while free in seen:
            free += 1
        ph.set("idx", str(free))
        seen.add(free)
        changed = True
    return changed


def _solid_gradients(part: Part, findings: Findings) -> None:
    """A text gradient whose stops all hold one colour is that colour: write it as a solid fill."""
    assert part.xml is not None
    for gradient in list(part.xml.iter(f"{A}gradFill")):
        parent = gradient.getparent()
        if parent is None or parent.tag not in _TEXT_PROPERTIES:
            continue
        stops = gradient.findall(f"{A}gsLst/{A}gs")
        colours = {etree.tostring(stop[0]) for stop in stops if len(stop)}
        if not stops or len(colours) != 1 or any(not len(stop) for stop in stops):
            continue
        solid = etree.Element(f"{A}solidFill")
        solid.append(copy.deepcopy(stops[0][0]))
        parent.replace(gradient, solid)
        findings.add("text filled with a one-colour gradient (drawn black by LibreOffice) is written as that "
                     "colour", _where(part))


def _slide_number_text(part: Part, findings: Findings) -> None:
    """A slide-number placeholder of a master or layout shows ‹#› in its field, as PowerPoint's
    do: LibreOffice draws the number from the layout's field and draws nothing for an empty one."""
    assert part.xml is not None
    for ph in part.xml.iter(f"{P}ph"):
        if ph.get("type") != "sldNum":
            continue
        shape = ph.getparent().getparent().getparent()  # type: ignore[union-attr]   # p:ph ← p:nvPr ← p:nvSpPr ← p:sp
        if shape is None or shape.tag != f"{P}sp":
            continue
        fields = [f for f in shape.iter(f"{A}fld") if f.get("type") == "slidenum"]
        if fields:
            for field in fields:
                text = field.find(f"{A}t")
                if text is None or not (text.text or "").strip():
                    if text is None:
                        text = etree.SubElement(field, f"{A}t")
                    text.text = SLIDE_NUMBER_TEXT
                    findings.add("slide-number fields without text (LibreOffice shows no number) show ‹#›",
                                 _where(part))
            continue
        body = shape.find(f"{P}txBody")
        texts = [t.text for t in shape.iter(f"{A}t") if (t.text or "").strip()]
        if body is None or texts:
            continue
        paragraphs = body.findall(f"{A}p")
        paragraph = paragraphs[0] if paragraphs else etree.SubElement(body, f"{A}p")
        for extra in paragraphs[1:]:
            body.remove(extra)
        for child in list(paragraph):
            if child.tag != f"{A}pPr":       # keep its alignment, drop empty runs and the end mark
                paragraph.remove(child)
        add_field(paragraph, "slidenum", SLIDE_NUMBER_TEXT, "en-US")
        findings.add("empty slide-number placeholders get a slide-number field, so LibreOffice shows the number",
                     _where(part))


def add_field(paragraph: etree._Element, kind: str, text: str, language: str) -> None:
    field = etree.SubElement(paragraph, f"{A}fld", id=FIELD_IDS[kind], type=kind)
    etree.SubElement(field, f"{A}rPr", lang=language)
    etree.SubElement(field, f"{A}t").text = text
    etree.SubElement(paragraph, f"{A}endParaRPr", lang=language)
