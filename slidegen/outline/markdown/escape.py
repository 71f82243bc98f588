"""Writing outline text into Markdown so that the Markdown reader gives the same text back.

Inline Markdown inside text (``**bold**``, links) is the outline's own markup and is written as
it is. What needs care is a line that Markdown would read as structure — a list marker, a
heading, a quote, a fence — at the start of a line: it gets one backslash, which the reader
removes again (:func:`blocks.unescape_line_start`).
"""

from __future__ import annotations

import re

# Lines that would start a block inside a paragraph or list item.
_BLOCK_START = re.compile(
    r"^(?:[-+*](?:\s|$)|#{1,6}(?:\s|$)|>|\d{1,9}[.)](?:\s|$)|`{3,}|~{3,}|:{3,}|<|\|"
    r"|(?:[-*_]\s*){3,}$|=+\s*$|\\+(?=[-+*#>|:=`~_<]|\d+[.)]))")


def escape_line(line: str) -> str:
    return "\\" + line if _BLOCK_START.match(line) else line


def text_lines(text: str) -> list[str]:
    """The lines of one piece of outline text as Markdown paragraph lines: escaped, each but the
    last ending in a hard line break (a backslash), so the reader joins them with "\\n"."""
    lines = [escape_line(line.strip()) for line in text.strip().split("\n")]
    return [line + "\\" for line in lines[:-1]] + lines[-1:]


def table_cell(text: str) -> str:
    return text.replace("|", "\\|").strip()


def link_destination(path: str) -> str:
    """A path as a link destination: in angle brackets when it holds spaces or parentheses."""
    if re.search(r"[\s()<>]", path):
        return "<" + path.replace("<", "%3C").replace(">", "%3E") + ">"
    return path


def link_title(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def bracket_text(text: str) -> str:
    return text.replace("[", "\\[").replace("]", "\\]")


def fence_for(text: str, char: str = "`") -> str:
    """A code fence longer than any run of the fence character inside ``text``."""
    longest = max((len(m) for m in re.findall(re.escape(char) + "+", text)), default=0)
    return char * max(3, longest + 1)


_CLOSING_SEQUENCE = re.compile(r"(?:^|\s)#+$")


def heading_text(text: str) -> str:
    """A title as heading text, on one line (a heading cannot hold a line break). A title that
    ends in "#"s after a space ("C #", "#") gets a closing sequence of its own, which Markdown
    takes off instead of the title's."""
    text = text.replace("\r", " ").replace("\n", " ").strip()
    return text + " #" if _CLOSING_SEQUENCE.search(text) else text


def inline_ok(text: object) -> bool:
    """Whether ``text`` can be written as Markdown paragraph or list text and read back as it
    is: no blank or edge-spaced lines, no line ending in a backslash (it would mark a break)."""
    if not isinstance(text, str) or not text or "\r" in text:
        return False
    return all(line and line == line.strip() and not line.endswith("\\") for line in text.split("\n"))


def heading_ok(text: object) -> bool:
    """Whether ``text`` reads back unchanged as a heading's text."""
    return isinstance(text, str) and "\n" not in text and "\r" not in text and text == text.strip() and not (
        text.endswith("#") and (len(text) == 1 or text.rstrip("#")[-1:].isspace()))


_FENCE_LINE = re.compile(r"^\s*(?::{3,}|`{3,}|~{3,})")


def block_ok(text: object) -> bool:
    """Whether ``text`` (notes, a todo) reads back unchanged from between ``:::`` fences: no
    fence-like line, no edge spaces on lines, no leading blank line, at most one final newline."""
    if not isinstance(text, str) or not text.strip() or "\r" in text or text.startswith("\n"):
        return False
    if text.endswith("\n\n") or text[:1].isspace():
        return False
    return all(line == line.rstrip() and not _FENCE_LINE.match(line) for line in text.split("\n"))
