"""Speaker notes slides: python-pptx's notes slide with the notes master's placeholders cloned.

python-pptx starts a notes slide from its own notes.xml and clones the notes master's slide
image, body and slide number placeholders onto it (``clone_master_placeholders``); the notes go
into the body placeholder, one paragraph per line, as render/furniture.py writes them.
"""

from __future__ import annotations

from ...plan.types import Para, Run, TextBlock
from ..template.package import _pptx_template
from . import dom
from .slide import NOTES_NAMES, clones
from .template import Placeholder
from .text import TextXml

_CLONED = ("sldImg", "body", "sldNum")


class NotesXml:
    def __init__(self, master: tuple[Placeholder, ...]) -> None:
        """``master``: the notes master's placeholders."""
        base = dom.canonical(_pptx_template("notes.xml")).decode("utf-8")
        self.head, tree_end, self.tail = base.partition("</p:spTree>")
        self.tail = tree_end + self.tail
        cloned = clones([p for p in master if p.type in _CLONED], NOTES_NAMES)
        self.shapes: list[tuple[str, str | None]] = []
        self.body_at: int | None = None
        for n, c in enumerate(cloned):
            text_body = c.spec.type in ("title", "ctrTitle", "subTitle", "body", "obj")
            if c.spec.type == "body" and self.body_at is None:
                self.body_at = n
            self.shapes.append((f'<p:sp><p:nvSpPr><p:cNvPr id="{c.id}" name="{c.name}"/><p:cNvSpPr>'
                                f'<a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>{c.ph}</p:nvPr></p:nvSpPr><p:spPr/>',
                                "<p:txBody><a:bodyPr/><a:lstStyle/>" if text_body else None))
        if self.body_at is None:
            raise dom.Unsupported("a notes master without a body placeholder")

    def xml(self, notes: str, writer: TextXml) -> bytes:
        paras = tuple(Para((Run(line),) if line else (), bullet=False) for line in notes.split("\n"))
        out = [self.head]
        for n, (start, body) in enumerate(self.shapes):
            if body is None:
                out.append(start + "</p:sp>")
            elif n == self.body_at:
                out.append(f"{start}{body}{writer.body(TextBlock(paras), bullets=False)}</p:txBody></p:sp>")
            else:
                out.append(f"{start}{body}<a:p/></p:txBody></p:sp>")
        out.append(self.tail)
        return "".join(out).encode("utf-8")
