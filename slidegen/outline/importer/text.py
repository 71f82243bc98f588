"""Imported text as outline text: runs back to inline Markdown, paragraphs back to nested bullets.

Bold, italic and web links become ``**…**``, ``*…*`` and ``[…](…)``, the outline's inline markup;
a character that would read as markup is escaped. The result is checked with slidegen's own
inline parser: if it would not give back the same styled runs (emphasis against punctuation, say),
the paragraph is kept as escaped plain text, so the words are never changed.
"""

from __future__ import annotations

import re
from typing import Any

from ...plan.inline import parse_inline
from .shapes import Para, Run

_SPECIAL = re.compile(r"([\\*_\[\]`<])")
_SAFE_LINK = ("http://", "https://", "mailto:")


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def _plain_ok(text: str) -> bool:
    """Whether ``text`` reads as itself (no character would start markup)."""
    return "".join(r.text for r in parse_inline(text)) == text and all(
        not (r.bold or r.italic or r.link) for r in parse_inline(text))


def _marked(run: Run) -> str:
    text = run.text
    if run.text == "\n":
        return "\n"
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()):]
    core = _escape(text.strip())
    if not core:
        return text
    if run.link and run.link.lower().startswith(_SAFE_LINK) and not re.search(r"[\s()<>]", run.link):
        core = f"[{core}]({run.link})"
    if run.bold and run.italic:
        core = f"***{core}***"
    elif run.bold:
        core = f"**{core}**"
    elif run.italic:
        core = f"*{core}*"
    return lead + core + trail


def _styles(runs: tuple[Run, ...]) -> list[tuple[str, bool, bool, str | None]]:
    """Runs as (text, bold, italic, link) with neighbours of one style joined, as the inline
    parser gives them."""
    out: list[tuple[str, bool, bool, str | None]] = []
    for run in runs:
        if not run.text:
            continue
        link = run.link if run.link and run.link.lower().startswith(_SAFE_LINK) else None
        style = (run.bold, run.italic, link) if run.text.strip() else (False, False, None)
        if run.text == "\n":
            out.append(("\n", False, False, None))
        elif out and out[-1][0] != "\n" and out[-1][1:] == style:
            out[-1] = (out[-1][0] + run.text, *style)
        else:
            out.append((run.text, *style))
    return out


_EDGE_START = re.compile(r"^[^\S\n]+")
_EDGE_END = re.compile(r"[^\S\n]+$")


def _lines(text: str) -> str:
    """Tabs as spaces, and no spaces around a line break inside the text."""
    text = text.replace("\t", " ")
    return re.sub(r"[^\S\n]*\n[^\S\n]*", "\n", text) if "\n" in text else text


def _trimmed(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """The runs without blank space or line breaks at either end (they show as nothing, and an
    outline cannot keep them), tabs as spaces."""
    out = [Run(_lines(r.text) if r.text != "\n" else r.text, r.bold, r.italic, r.link) for r in runs if r.text]
    while out and not out[0].text.strip():
        out.pop(0)
    while out and not out[-1].text.strip():
        out.pop()
    for n, run in enumerate(out):   # nor around line breaks (a Markdown line keeps no edge spaces)
        text = run.text
        if n == 0 or out[n - 1].text.endswith("\n"):
            text = _EDGE_START.sub("", text)
        if n == len(out) - 1 or out[n + 1].text.startswith("\n"):
            text = _EDGE_END.sub("", text)
        out[n] = Run(text, run.bold, run.italic, run.link)
    return tuple(r for r in out if r.text)


def run_text(runs: tuple[Run, ...], markup: bool = True) -> str:
    """The runs as outline text: inline Markdown when ``markup``, else plain (escaped if needed)."""
    runs = _trimmed(runs)
    plain = "".join(r.text for r in runs)
    if not markup or not any(r.bold or r.italic or r.link for r in runs if r.text.strip()):
        return plain if _plain_ok(plain) else _escape(plain)
    text = "".join(_marked(r) for r in runs)
    expected = _styles(runs)
    got = [(r.text, r.bold, r.italic, r.link) for r in parse_inline(text)]
    if _merge_blank(got) == _merge_blank(expected):
        return text
    return plain if _plain_ok(plain) else _escape(plain)


def _merge_blank(runs: list[tuple[str, bool, bool, str | None]]) -> list[tuple[str, bool, bool, str | None]]:
    """Compare styled runs the way they look: spaces carry no style."""
    out: list[tuple[str, bool, bool, str | None]] = []
    for text, bold, italic, link in runs:
        style = (bold, italic, link) if text.strip() else (False, False, None)
        if out and text != "\n" and out[-1][0] != "\n" and (out[-1][1:] == style or not text.strip()):
            out[-1] = (out[-1][0] + text, *out[-1][1:])
        else:
            out.append((text, *style))
    return out


def para_text(paras: list[Para], markup: bool = True) -> str:
    """Paragraphs as one text, a line break between them."""
    return "\n".join(run_text(p.runs, markup) for p in paras if p.text.strip()).strip()


def bullet_tree(paras: list[Para]) -> list[Any]:
    """Paragraphs with levels as nested bullets: a paragraph is a child of the nearest one above
    it with a lower level (a jump of several levels becomes one)."""
    root: list[Any] = []
    stack: list[tuple[int, list[Any], dict[str, Any] | None]] = [(-1, root, None)]
    for para in paras:
        if not para.text.strip():
            continue
        while stack[-1][0] >= para.level:
            stack.pop()
        parent_list = stack[-1][1]
        node: dict[str, Any] = {"text": run_text(para.runs), "children": []}
        parent_list.append(node)
        stack.append((para.level, node["children"], node))
    return [_simplify(n) for n in root]


def _simplify(node: dict[str, Any]) -> Any:
    if not node["children"]:
        return node["text"]
    return {"text": node["text"], "children": [_simplify(c) for c in node["children"]]}
