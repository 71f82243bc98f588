"""The CommonMark parser slidegen reads Markdown outlines with, and pandoc's fenced divs.

markdown-it-py (CommonMark) with GFM pipe tables, YAML front matter (mdit-py-plugins) and a
fenced-div rule. mdit-py-plugins' ``container`` closes a container at the first bare ``:::``, so
pandoc's usual nesting of two same-length fences

    ::: {.columns}
    ::: {.column}
    …
    :::
    :::

would close the outer div too early. The rule here counts openings (a fence with attributes or a
name) and closings (a bare fence) the way pandoc does, and emits ``div_open``/``div_close``
tokens whose ``info`` holds the attributes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

_FENCE = re.compile(r"^(:{3,})\s*(.*?)\s*:*\s*$")
_CODE_FENCE = re.compile(r"^(`{3,}|~{3,})")


def _line(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line]:state.eMarks[line]]


def _fenced_div(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False  # an indented code block
    opening = _FENCE.match(_line(state, start_line))
    if not opening or not opening.group(2):
        return False
    if silent:
        return True
    depth, line, closed = 1, start_line, False
    in_code: str | None = None
    while True:
        line += 1
        if line >= end_line:
            break
        if state.sCount[line] < state.blkIndent and state.bMarks[line] + state.tShift[line] < state.eMarks[line]:
            break  # the text has left the container this div sits in (a list item, say)
        text = _line(state, line)
        code = _CODE_FENCE.match(text)
        if code:  # fences inside code blocks are code, not divs
            if in_code is None:
                in_code = code.group(1)
            elif code.group(1)[0] == in_code[0] and len(code.group(1)) >= len(in_code):
                in_code = None
            continue
        fence = _FENCE.match(text) if in_code is None else None
        if fence is None:
            continue
        depth += 1 if fence.group(2) else -1
        if depth == 0:
            closed = True
            break
    old_parent, old_max = state.parentType, state.lineMax
    state.parentType = "container"
    state.lineMax = line
    token = state.push("div_open", "div", 1)
    token.block, token.info, token.markup, token.map = True, opening.group(2), opening.group(1), [start_line, line]
    state.md.block.tokenize(state, start_line + 1, line)
    token = state.push("div_close", "div", -1)
    token.block = True
    state.parentType, state.lineMax = old_parent, old_max
    state.line = line + (1 if closed else 0)
    return True


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark", {"html": True}).enable("table").use(front_matter_plugin)
    md.block.ruler.before("fence", "fenced_div", _fenced_div,
                          {"alt": ["paragraph", "reference", "blockquote", "list"]})
    return md


def parse(text: str) -> list[Token]:
    return parser().parse(text)


# A pandoc title block: up to three lines starting with "%" (title, authors, date) at the very top;
# a line starting with a space continues the field above.
_TITLE_LINE = re.compile(r"^%(.*)$")


def split_title_block(text: str) -> tuple[list[tuple[str, int]], str]:
    """The pandoc ``%`` title block's fields (text, 1-based line) and the text with those lines
    blanked, so that line numbers of the rest stay as written."""
    lines = text.split("\n")
    fields: list[tuple[str, int]] = []
    end = 0
    for number, line in enumerate(lines):
        match = _TITLE_LINE.match(line)
        if match and len(fields) < 3:
            fields.append((match.group(1).strip(), number + 1))
        elif fields and line.startswith((" ", "\t")) and line.strip():
            value, where = fields[-1]
            fields[-1] = ((value + " " + line.strip()).strip(), where)
        else:
            break
        end = number + 1
    if not fields:
        return [], text
    return fields, "\n" * end + "\n".join(lines[end:])
