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
