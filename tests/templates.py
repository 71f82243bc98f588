"""Helpers for template tests: PowerPoint's default template, changed part by part at the zip level."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

Edit = Callable[[bytes], bytes | None] | bytes | None


def office_bytes(sample_slide: bool = True) -> bytes:
    """python-pptx's default template (PowerPoint's), with a sample slide to be dropped."""
    from pptx import Presentation

    presentation = Presentation()
    if sample_slide:
        slide = presentation.slides.add_slide(presentation.slide_layouts[1])
        slide.shapes.title.text = "Mẫu"
        slide.notes_slide.notes_text_frame.text = "sample notes"
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


def variant(path: Path, edits: dict[str, Edit], base: bytes | None = None) -> Path:
    """``base`` (the Office template) rewritten: each edited entry replaced by the bytes given, by
    what the function returns for its old bytes (None drops it); new names are added."""
    source = zipfile.ZipFile(io.BytesIO(base if base is not None else office_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data: bytes | None = source.read(info.filename)
            edit = edits.get(info.filename, data)
            data = edit(data) if callable(edit) else edit  # type: ignore[arg-type]
            if data is not None:
                target.writestr(info.filename, data)
        for name, edit in edits.items():
            if name not in source.namelist() and isinstance(edit, bytes):
                target.writestr(name, edit)
    return path


def sub(pattern: str, replacement: str, count: int = 0) -> Callable[[bytes], bytes]:
    """An edit replacing a regular expression in a part's text."""
    def edit(data: bytes) -> bytes:
        text, n = re.subn(pattern, replacement, data.decode("utf-8"), count=count)
        assert n, f"pattern {pattern!r} not found"
        return text.encode("utf-8")
    return edit


_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_LAYOUT_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml"
_MASTER_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml"


def two_masters(path: Path, first_keeps: tuple[int, ...] = (1, 7), base: bytes | None = None,
                second_theme: bytes | None = None, second_keeps: tuple[int, ...] = tuple(range(1, 12))) -> Path:
    """The Office template with a second master, a copy of the first holding copies of its eleven
    layouts (slideLayout12–22); each master keeps only the layouts numbered ``first_keeps`` and
    ``second_keeps`` (1: Title Slide, 4: Two Content, 7: Blank). ``second_theme`` replaces the
    second master's theme (default: the same)."""
    source = zipfile.ZipFile(io.BytesIO(base if base is not None else office_bytes(sample_slide=False)))
    entries = {name: source.read(name) for name in source.namelist()}
    master = entries["ppt/slideMasters/slideMaster1.xml"].decode()
    rels = entries["ppt/slideMasters/_rels/slideMaster1.xml.rels"].decode()
    copy_rels = rels.replace("../theme/theme1.xml", "../theme/theme2.xml" if second_theme else "../theme/theme1.xml")
    for n in range(1, 12):
        copy_rels = copy_rels.replace(f"slideLayout{n}.xml\"", f"slideLayout{n + 11}.xml\"")
        layout = entries[f"ppt/slideLayouts/slideLayout{n}.xml"]
        entries[f"ppt/slideLayouts/slideLayout{n + 11}.xml"] = layout
        entries[f"ppt/slideLayouts/_rels/slideLayout{n + 11}.xml.rels"] = entries[
            f"ppt/slideLayouts/_rels/slideLayout{n}.xml.rels"].replace(b"slideMaster1.xml", b"slideMaster2.xml")
    copy = re.sub(r'<p:sldLayoutId id="(\d+)"', lambda m: f'<p:sldLayoutId id="{int(m.group(1)) + 100}"', master)
    for rid, n in re.findall(r'<Relationship Id="(rId\d+)"[^>]*slideLayout(\d+)\.xml"', rels):
        if int(n) not in second_keeps:
            copy = re.sub(rf'<p:sldLayoutId id="\d+" r:id="{rid}"/>', "", copy)
    entries["ppt/slideMasters/slideMaster2.xml"] = copy.encode()
    entries["ppt/slideMasters/_rels/slideMaster2.xml.rels"] = copy_rels.encode()
    if second_theme:
        entries["ppt/theme/theme2.xml"] = second_theme
    # The first master keeps a few of its layouts.
    kept = re.findall(r'<Relationship Id="(rId\d+)"[^>]*slideLayout(\d+)\.xml"', rels)
    dropped = [rid for rid, n in kept if int(n) not in first_keeps]
    for rid in dropped:
        master = re.sub(rf'<p:sldLayoutId id="\d+" r:id="{rid}"/>', "", master)
    entries["ppt/slideMasters/slideMaster1.xml"] = master.encode()
    presentation = entries["ppt/presentation.xml"].decode().replace(
        "</p:sldMasterIdLst>", '<p:sldMasterId id="2147483700" r:id="rId90"/></p:sldMasterIdLst>')
    entries["ppt/presentation.xml"] = presentation.encode()
    entries["ppt/_rels/presentation.xml.rels"] = entries["ppt/_rels/presentation.xml.rels"].replace(
        b"</Relationships>", f'<Relationship Id="rId90" Type="{_R}/slideMaster" '
                             'Target="slideMasters/slideMaster2.xml"/></Relationships>'.encode())
    overrides = "".join(f'<Override PartName="/ppt/slideLayouts/slideLayout{n}.xml" ContentType="{_LAYOUT_TYPE}"/>'
                        for n in range(12, 23))
    overrides += f'<Override PartName="/ppt/slideMasters/slideMaster2.xml" ContentType="{_MASTER_TYPE}"/>'
    if second_theme:
        overrides += ('<Override PartName="/ppt/theme/theme2.xml" '
                      'ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>')
    entries["[Content_Types].xml"] = entries["[Content_Types].xml"].replace(b"</Types>", overrides.encode() + b"</Types>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries.items():
            target.writestr(name, data)
    return path
