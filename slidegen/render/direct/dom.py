"""A small element tree read with expat and written back exactly as lxml would.

A part python-pptx loads is parsed by lxml (blank text between elements dropped, python-pptx's
``remove_blank_text``) and written back by lxml; reading the parts of a template here gives the
same bytes without lxml. The tree keeps prefixed names as written (no namespace processing:
OOXML parts use fixed prefixes), attributes and namespace declarations in document order, text
and comments as children. Documents with a DOCTYPE are refused (:class:`Unsupported`): lxml
would keep their entity references, which this tree cannot reproduce.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import field
from typing import Any
from xml.parsers import expat

from ...records import record
from .xml import DECLARATION, attr, text


class Unsupported(Exception):
    """A document this tree cannot reproduce byte for byte (the caller falls back to lxml)."""


@record(frozen=False, eq=False)
class Comment:
    """An XML comment, kept so a part is written back as it was read."""

    data: str


@record(frozen=False, eq=False)
class Instruction:
    """An XML processing instruction, kept so a part is written back as it was read."""

    target: str
    data: str


@record(frozen=False, eq=False)
class Node:
    """An element: its prefixed tag, attributes (namespace declarations included) in document
    order, and children (elements, text, comments, processing instructions)."""

    tag: str
    attrs: list[tuple[str, str]] = field(default_factory=list)
    children: list["Node | str | Comment | Instruction"] = field(default_factory=list)

    def get(self, name: str, default: str | None = None) -> str | None:
        for key, value in self.attrs:
            if key == name:
                return value
        return default

    def set(self, name: str, value: str) -> None:
        """Set an attribute in place, or append it (as lxml does)."""
        for n, (key, _) in enumerate(self.attrs):
            if key == name:
                self.attrs[n] = (name, value)
                return
        self.attrs.append((name, value))

    def elements(self) -> Iterator["Node"]:
        return (c for c in self.children if isinstance(c, Node))

    def find(self, tag: str) -> "Node | None":
        return next((c for c in self.children if isinstance(c, Node) and c.tag == tag), None)

    @property
    def text(self) -> str:
        """The element's own leading text (lxml's ``.text``)."""
        first = self.children[0] if self.children else None
        return first if isinstance(first, str) else ""

    def set_text(self, value: str) -> None:
        """Replace the element's leading text, as lxml's ``element.text = value`` does."""
        if self.children and isinstance(self.children[0], str):
            self.children[0] = value
        else:
            self.children.insert(0, value)

    def remove(self, child: "Node") -> None:
        """Remove ``child`` with its tail (the text after it), as lxml does."""
        n = next(i for i, c in enumerate(self.children) if c is child)
        end = n + 2 if n + 1 < len(self.children) and isinstance(self.children[n + 1], str) else n + 1
        del self.children[n:end]

    def append(self, child: "Node") -> "Node":
        self.children.append(child)
        return child

    def insert_before(self, child: "Node", successors: tuple[str, ...]) -> "Node":
        """Insert ``child`` before the first child element named in ``successors`` (python-pptx's
        ``insert_element_before``), else append it."""
        for n, c in enumerate(self.children):
            if isinstance(c, Node) and c.tag in successors:
                self.children.insert(n, child)
                return child
        return self.append(child)

    def serialize(self) -> str:
        out: list[str] = []
        _write(self, out)
        return "".join(out)


def _write(node: Node, out: list[str]) -> None:
    # libxml2 writes namespace declarations before the other attributes.
    attrs = [a for a in node.attrs if a[0] == "xmlns" or a[0].startswith("xmlns:")]
    attrs += [a for a in node.attrs if not (a[0] == "xmlns" or a[0].startswith("xmlns:"))]
    head = "<" + node.tag + "".join(f' {k}="{attr(v)}"' for k, v in attrs)
    if not node.children:
        out.append(head + "/>")
        return
    out.append(head + ">")
    for child in node.children:
        if isinstance(child, str):
            out.append(text(child))
        elif isinstance(child, Node):
            _write(child, out)
        elif isinstance(child, Comment):
            out.append(f"<!--{child.data}-->")
        else:
            out.append(f"<?{child.target} {child.data}?>" if child.data else f"<?{child.target}?>")
    out.append(f"</{node.tag}>")


_BLANK = frozenset(" \t\n\r")


class _Builder:
    """expat callbacks building the tree; with ``drop_blanks`` whitespace-only text is dropped
    where libxml2's ``XML_PARSE_NOBLANKS`` heuristic (``areBlanks``) drops it.

    That heuristic depends on how libxml2 happens to cut text into chunks; it is reproduced for
    documents without mixed content (an element holding both text and elements), which OOXML
    parts never have. Anything else is :class:`Unsupported`."""

    def __init__(self, drop_blanks: bool) -> None:
        self.drop_blanks = drop_blanks
        self.stack: list[Node] = []
        self.preserve: list[bool] = [False]       # xml:space="preserve" in force
        self.mixed: list[bool] = [False]          # the open element holds text that is not blank
        self.root: Node | None = None
        self.pending: list[str] = []
        self.referenced = False                   # the pending text holds a character reference
        self.raw = b""
        self.parser: Any = None

    def flush(self, closing: bool) -> None:
        if not self.pending:
            return
        value = "".join(self.pending)
        self.pending.clear()
        referenced, self.referenced = self.referenced, False
        if not self.stack:
            return                          # outside the root element: not part of the tree
        parent = self.stack[-1]
        if self.drop_blanks and not self.preserve[-1]:
            if referenced or any(ch not in _BLANK for ch in value):
                if any(not isinstance(c, str) for c in parent.children):
                    raise Unsupported("mixed content")
                self.mixed[-1] = True
            elif not (closing and not parent.children):
                return
        if parent.children and isinstance(parent.children[-1], str):
            parent.children[-1] += value
        else:
            parent.children.append(value)

    def add(self, child: "Node | Comment | Instruction") -> None:
        if self.drop_blanks and not self.preserve[-1] and self.mixed[-1]:
            raise Unsupported("mixed content")
        self.stack[-1].children.append(child)

    def start(self, tag: str, attributes: list[str]) -> None:
        if self.pending:
            self.flush(False)
        names = attributes[::2]
        node = Node(tag, list(zip(names, attributes[1::2])) if attributes else [])
        if self.stack:
            self.add(node)
        elif self.root is None:
            self.root = node
        preserve = self.preserve[-1]
        if "xml:space" in names:
            preserve = node.get("xml:space") == "preserve"
        self.preserve.append(preserve)
        self.mixed.append(False)
        self.stack.append(node)

    def end(self, tag: str) -> None:
        if self.pending:
            self.flush(True)
        self.stack.pop()
        self.preserve.pop()
        self.mixed.pop()

    def characters(self, data: str) -> None:
        if self.drop_blanks and self.stack:
            # expat reports each character reference and each line end on its own: whitespace
            # written as a reference is text to libxml2, never blank, and a carriage return
            # splits libxml2's text into chunks its heuristic judges one by one.
            at = self.parser.CurrentByteIndex
            if self.raw[at:at + 2] == b"&#":
                self.referenced = True
            elif self.raw[at:at + 1] == b"\r":
                raise Unsupported("a carriage return in text")
        self.pending.append(data)

    def comment(self, data: str) -> None:
        self.flush(False)
        if self.stack:
            self.add(Comment(data))

    def instruction(self, target: str, data: str) -> None:
        self.flush(False)
        if self.stack:
            self.add(Instruction(target, data))

    def doctype(self, *args: object) -> None:
        raise Unsupported("a document type declaration")


def parse(data: bytes | str, *, drop_blanks: bool = True) -> Node:
    """The root element of an XML document (``drop_blanks``: as python-pptx's parser reads it)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    builder = _Builder(drop_blanks)
    parser = expat.ParserCreate()
    builder.raw, builder.parser = raw, parser
    parser.ordered_attributes = True
    parser.buffer_text = not drop_blanks
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.characters
    parser.CommentHandler = builder.comment
    parser.ProcessingInstructionHandler = builder.instruction
    parser.StartDoctypeDeclHandler = builder.doctype
    try:
        parser.Parse(raw, True)
    except expat.ExpatError as exc:
        raise Unsupported(f"not well-formed XML ({exc})") from None
    if builder.root is None:
        raise Unsupported("no root element")
    return builder.root


def part_xml(root: Node) -> bytes:
    """A part as python-pptx writes it (``serialize_part_xml``)."""
    return (DECLARATION + root.serialize()).encode("utf-8")


def canonical(data: bytes) -> bytes:
    """The bytes python-pptx writes for a part it loaded from ``data``."""
    return part_xml(parse(data))
