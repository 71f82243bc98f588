"""Text blocks (paragraphs, lists, headings inside a slide, quotes) as nested bullets.

A list item is a bullet, its sub-list its children; a paragraph is a bullet of its own; a
heading inside a slide is a bold bullet whose children are what follows it, up to the next
such heading. An ordered list keeps its numbers in the text ("1. …"), as pandoc shows them.
"""

from __future__ import annotations

import re
from typing import Any

from ...errors import Diagnostic
from ..located import Located
from .blocks import Block, Code, Div, Heading, ListBlock, ListItem, Paragraph, Quote, Table

_INLINE_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")

Bullet = Any   # str | {"text": str, "children": [Bullet]}


class TextBuilder:
    def __init__(self, warnings: list[Diagnostic]) -> None:
        self.warnings = warnings

    def bullets(self, blocks: list[Block]) -> tuple[list[Bullet], Located]:
        """Bullets of a run of text blocks, with locations relative to the bullet list."""
        out: list[tuple[Bullet, Located]] = []
        heading: tuple[str, Located, list[tuple[Bullet, Located]]] | None = None
        for block in blocks:
            if isinstance(block, Heading):
                if heading is not None:
                    out.append(_with_children(*heading))
                here = Located()
                here.value((), block.where)
                here.value(("text",), block.where)
                heading = (f"**{block.text}**" if block.text else "", here, [])
                continue
            entries = self.block(block)
            (heading[2] if heading is not None else out).extend(entries)
        if heading is not None:
            out.append(_with_children(*heading))
        located = Located()
        data = []
        for n, (bullet, where) in enumerate(out):
            data.append(bullet)
            located.graft((n,), where)
        return data, located

    def block(self, block: Block) -> list[tuple[Bullet, Located]]:
        if isinstance(block, Paragraph):
            text = self._paragraph_text(block)
            return [_leaf(text, block)] if text.strip() else []
        if isinstance(block, ListBlock):
            return [b for n, item in enumerate(block.items) for b in self._item(block, n, item)]
        if isinstance(block, Quote):
            return [b for inner in block.blocks for b in self.block(inner)]
        if isinstance(block, Div):
            return [b for inner in block.blocks for b in self.block(inner)]
        if isinstance(block, (Table, Code)):
            what = "a table" if isinstance(block, Table) else "a code block"
            self.warnings.append(Diagnostic(f"{what} inside a list or column cannot be shown there; "
                                            "give it a slide of its own", block.where))
        return []

    def _paragraph_text(self, block: Paragraph) -> str:
        if not block.images:
            return block.text
        self.warnings.append(Diagnostic("a picture inside text cannot be placed; put it in a paragraph "
                                        "of its own (its caption is kept in the text)", block.images[0].where))
        return _INLINE_IMAGE.sub(lambda m: m.group(1), block.text).strip()

    def _item(self, parent: ListBlock, n: int, item: ListItem) -> list[tuple[Bullet, Located]]:
        texts: list[str] = []
        children: list[tuple[Bullet, Located]] = []
        for inner in item.blocks:
            if isinstance(inner, Paragraph) and not children:
                texts.append(self._paragraph_text(inner))
            else:
                children.extend(self.block(inner))
        text = "\n".join(t for t in texts if t)
        if parent.ordered and text:
            text = f"{parent.start + n}. {text}"
        if not text and not children:
            return []  # an empty "- " line
        here = Located()
        here.value((), item.where)
        here.value(("text",), item.where)
        if not text:  # a sub-list without text of its own: its bullets move up a level
            return children
        return [_with_children(text, here, children)]


def _leaf(text: str, block: Block) -> tuple[Bullet, Located]:
    here = Located()
    here.value((), block.where)
    return text, here


def _with_children(text: str, here: Located, children: list[tuple[Bullet, Located]]) -> tuple[Bullet, Located]:
    if not children:
        return text, Located(values={(): here.values[()]})
    located = Located()
    located.graft((), here)
    located.key(("children",), children[0][1].values.get((), here.values[()]))
    kids: list[Bullet] = []
    data: dict[str, Any] = {"text": text, "children": kids}
    for n, (child, where) in enumerate(children):
        kids.append(child)
        located.graft(("children", n), where)
    return data, located
