"""Inline formatting in author text: **bold**, *italic*, [links](url), `code` and line breaks.

A small, fixed Markdown subset parsed with markdown-it-py (CommonMark rules, so authors get
what any Markdown editor shows) into styled runs. Block syntax (headings, lists) is not
interpreted: a bullet's text is always one paragraph.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .types import Run

_SAFE_SCHEMES = ("http://", "https://", "mailto:")


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt  # lazily: most text has no markup at all

    md = MarkdownIt("zero").enable(["emphasis", "link", "newline", "escape", "backticks", "autolink"])
    setattr(md, "validateLink", lambda url: url.lower().startswith(_SAFE_SCHEMES))  # no javascript: links
    return md


def parse_inline(text: str) -> tuple[Run, ...]:
    """Styled runs for one paragraph of text; "\\n" inside the text becomes a line break."""
    if not any(c in text for c in "*_[`\\<"):
        return _plain(text)
    tokens = _parser().parseInline(text)
    runs: list[Run] = []
    bold = italic = 0
    link: str | None = None
    for token in tokens[0].children or [] if tokens else []:
        kind = token.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            link = str(token.attrs.get("href", "")) or None
        elif kind == "link_close":
            link = None
        elif kind in ("softbreak", "hardbreak"):
            runs.append(Run("\n"))
        elif kind == "text":
            runs.append(Run(token.content, bold > 0, italic > 0, link))
        elif kind == "code_inline":
            runs.append(Run(token.content, bold > 0, italic > 0, link, code=True))
    return _merge(runs) or (Run(""),)


def _plain(text: str) -> tuple[Run, ...]:
    runs: list[Run] = []
    for i, line in enumerate(text.split("\n")):
        if i:
            runs.append(Run("\n"))
        if line:
            runs.append(Run(line))
    return tuple(runs) or (Run(""),)


def _merge(runs: list[Run]) -> tuple[Run, ...]:
    """Join neighbouring runs of the same style (markdown-it splits text at every delimiter)."""
    merged: list[Run] = []
    for run in runs:
        last = merged[-1] if merged else None
        if (last and not run.is_break and not last.is_break and
                (last.bold, last.italic, last.link, last.code) == (run.bold, run.italic, run.link, run.code)):
            merged[-1] = Run(last.text + run.text, run.bold, run.italic, run.link, run.code)
        elif run.text:
            merged.append(run)
    return tuple(merged)
