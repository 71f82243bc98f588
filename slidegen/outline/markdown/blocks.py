"""markdown-it's flat token stream as a tree of typed blocks, each with its line and column.

Text is kept as the Markdown the author wrote (``**bold**``, ``[link](url)`` and ``code`` stay
in the string): slidegen's inline parser turns it into styled runs later, exactly as it does
for YAML outlines. Only line joins are resolved here: a soft line break is a space (CommonMark),
or a line break in Marp files (Marp renders them as breaks); a hard break is a line break.
"""

from __future__ import annotations

import re
from dataclasses import field

from markdown_it.token import Token

from ...records import record
from ...source import SourceLocation


@record(frozen=False)
class Block:
    """A block of a Markdown document, with where it starts."""

    where: SourceLocation


@record(frozen=False)
class Heading(Block):
    """A Markdown heading."""

    level: int
    text: str


@record(frozen=False)
class Image:
    """A Markdown image: its file, caption and title."""

    src: str
    caption: str          # the bracketed text, as written
    title: str | None
    where: SourceLocation


@record(frozen=False)
class Paragraph(Block):
    """A Markdown paragraph, and the images it holds."""

    text: str
    raw: str = ""         # the source, lines as written
    images: list[Image] = field(default_factory=list)
    only_images: bool = False


@record(frozen=False)
class ListItem(Block):
    """One item of a Markdown list."""

    blocks: list[Block] = field(default_factory=list)


@record(frozen=False)
class ListBlock(Block):
    """A bullet or ordered Markdown list."""

    ordered: bool
    start: int
    items: list[ListItem] = field(default_factory=list)


@record(frozen=False)
class Cell:
    """One cell of a Markdown pipe table."""

    text: str
    where: SourceLocation


@record(frozen=False)
class Table(Block):
    """A Markdown pipe table."""

    header: list[Cell]
    rows: list[list[Cell]]


@record(frozen=False)
class Code(Block):
    """A fenced code block and its info string."""

    info: str
    text: str
    first_line: int       # where the code itself starts (1-based)
    indent: int


@record(frozen=False)
class Div(Block):
    """A fenced ``:::`` div (notes, columns, a language) and its blocks."""

    info: str
    blocks: list[Block] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        """``::: notes`` → ["notes"]; ``::: {.column width="40%"}`` → ["column"]."""
        info = self.info.strip()
        if info.startswith("{"):
            return re.findall(r"\.([\w-]+)", info)
        return info.split()[:1]


@record(frozen=False)
class Quote(Block):
    """A Markdown blockquote."""

    blocks: list[Block] = field(default_factory=list)


@record(frozen=False)
class Html(Block):
    """Raw HTML in Markdown (a Marp comment holds notes)."""

    text: str


@record(frozen=False)
class Rule(Block):
    """A thematic break (``---``): a slide break."""

    pass


@record(frozen=False)
class FrontMatter(Block):
    """The YAML front matter of a Markdown outline."""

    text: str
    first_line: int


_ATTRIBUTES = re.compile(r"^\s*\{[^{}]*\}\s*$")   # pandoc's {width=50%} after an image
_ESCAPED_MARKER = re.compile(r"^\\+(?=[-+*#>|:=`~_<]|\d+[.)])")


def unescape_line_start(line: str) -> str:
    """Remove the one backslash a writer puts before a line that would otherwise start a list,
    heading or quote: ``\\- text``, ``\\# text``, ``\\1. text`` (see markdown_writer)."""
    return line[1:] if _ESCAPED_MARKER.match(line) else line


def join_lines(raw: str, breaks: bool) -> str:
    lines = raw.split("\n")
    out: list[str] = []
    for n, line in enumerate(lines):
        last = n == len(lines) - 1
        line = unescape_line_start(line)
        if last:
            out.append(line)
        elif line.endswith("\\") and not line.endswith("\\\\"):
            out.append(line[:-1] + "\n")
        elif line.endswith("  "):
            out.append(line.rstrip() + "\n")
        else:
            out.append(line + ("\n" if breaks else " "))
    return "".join(out)


class BlockReader:
    def __init__(self, source: str, file: str, breaks: bool) -> None:
        self.lines = source.split("\n")
        self.file = file
        self.breaks = breaks

    def where(self, line: int, text: str = "") -> SourceLocation:
        """1-based location of ``text`` on the 0-based ``line`` (its start if not found)."""
        source = self.lines[line] if 0 <= line < len(self.lines) else ""
        probe = text.split("\n")[0][:24]
        column = source.find(probe) if probe else -1
        if column < 0:
            column = len(source) - len(source.lstrip())
        return SourceLocation(self.file, line + 1, column + 1)

    def read(self, tokens: list[Token]) -> list[Block]:
        blocks, _ = self._blocks(tokens, 0, None)
        return blocks

    def _blocks(self, tokens: list[Token], i: int, closing: str | None) -> tuple[list[Block], int]:
        blocks: list[Block] = []
        while i < len(tokens):
            token = tokens[i]
            if closing is not None and token.type == closing:
                return blocks, i + 1
            block, i = self._block(tokens, i)
            if block is not None:
                blocks.append(block)
        return blocks, i

    def _block(self, tokens: list[Token], i: int) -> tuple[Block | None, int]:
        token = tokens[i]
        line = token.map[0] if token.map else 0
        kind = token.type
        if kind == "front_matter":
            return FrontMatter(self.where(line), token.content, line + 2), i + 1
        if kind == "heading_open":
            inline = tokens[i + 1]
            return Heading(self.where(line, inline.content), int(token.tag[1]), inline.content.strip()), i + 3
        if kind == "paragraph_open":
            return self._paragraph(tokens[i + 1], line), i + 3
        if kind in ("bullet_list_open", "ordered_list_open"):
            return self._list(tokens, i)
        if kind == "table_open":
            return self._table(tokens, i)
        if kind in ("fence", "code_block"):
            indent = len(self.lines[line]) - len(self.lines[line].lstrip()) if line < len(self.lines) else 0
            first = line + (2 if kind == "fence" else 1)
            return Code(self.where(line), token.info.strip(), token.content, first, indent), i + 1
        if kind == "div_open":
            inner, end = self._blocks(tokens, i + 1, "div_close")
            return Div(self.where(line), token.info, inner), end
        if kind == "blockquote_open":
            inner, end = self._blocks(tokens, i + 1, "blockquote_close")
            return Quote(self.where(line), inner), end
        if kind == "html_block":
            return Html(self.where(line), token.content), i + 1
        if kind == "hr":
            return Rule(self.where(line)), i + 1
        return None, i + 1  # closing tokens of structures handled by their opener

    def _paragraph(self, inline: Token, line: int) -> Paragraph:
        children = inline.children or []
        images: list[Image] = []
        others = False
        search_line = line
        for n, child in enumerate(children):
            if child.type == "image":
                src = str(child.attrs.get("src", ""))
                title = child.attrs.get("title")
                search_line = self._find(f"]({src}" if src else "![", search_line)
                images.append(Image(src, child.content, str(title) if title else None,
                                    self.where(search_line, "![")))
            elif child.type in ("softbreak", "hardbreak"):
                continue
            elif child.type == "text" and (not child.content.strip() or (
                    _ATTRIBUTES.match(child.content) and n and children[n - 1].type == "image")):
                continue
            else:
                others = True
        text = join_lines(inline.content, self.breaks)
        return Paragraph(self.where(line, inline.content), text, inline.content, images,
                         bool(images) and not others)

    def _find(self, needle: str, start: int) -> int:
        for n in range(start, min(start + 50, len(self.lines))):
            if needle in self.lines[n]:
                return n
        return start

    def _list(self, tokens: list[Token], i: int) -> tuple[ListBlock, int]:
        opener = tokens[i]
        closing = opener.type.replace("_open", "_close")
        start = int(opener.attrs.get("start", 1) or 1) if opener.type.startswith("ordered") else 1
        block = ListBlock(self.where(opener.map[0] if opener.map else 0), opener.type.startswith("ordered"), start)
        i += 1
        while i < len(tokens) and tokens[i].type != closing:
            if tokens[i].type == "list_item_open":
                item_map = tokens[i].map
                item_line = item_map[0] if item_map else 0
                inner, i = self._blocks(tokens, i + 1, "list_item_close")
                first = inner[0].where if inner else self.where(item_line)
                block.items.append(ListItem(first, inner))
            else:
                i += 1
        return block, i + 1

    def _table(self, tokens: list[Token], i: int) -> tuple[Table, int]:
        table_map = tokens[i].map
        table = Table(self.where(table_map[0] if table_map else 0), [], [])
        row: list[Cell] | None = None
        in_head = False
        row_line = 0
        i += 1
        while i < len(tokens) and tokens[i].type != "table_close":
            token = tokens[i]
            if token.type == "thead_open":
                in_head = True
            elif token.type == "thead_close":
                in_head = False
            elif token.type == "tr_open":
                row, row_line = [], (token.map[0] if token.map else row_line)
            elif token.type == "inline" and row is not None:
                row.append(Cell(join_lines(token.content, False).strip(), self.where(row_line, token.content)))
            elif token.type == "tr_close" and row is not None:
                if in_head:
                    table.header = row
                else:
                    table.rows.append(row)
                row = None
            i += 1
        return table, i + 1
