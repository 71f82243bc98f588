"""Markdown outlines: pandoc's slide conventions (and Marp files) read into the same plain outline
data and SourceMap the YAML reader gives, so nothing downstream knows which reader ran.

The dialect, in short (the README has the full table):

* deck metadata in YAML front matter (any ``deck:`` key) or a pandoc ``%`` title block;
* ``#`` sections, ``##`` items, ``###`` or ``---`` another slide of the item (a document without
  ``##`` headings: ``#`` are the items of one unnamed section); typed numbers are taken off;
* lists → bullets, pipe tables, ``![caption](path)`` pictures, a lone blockquote, fenced code,
  ``::: columns``, ``::: notes``, ``::: sources``, ``::: todo``, and ``slidegen <kind>`` fenced
  blocks holding the YAML of any other kind;
* ``::: {lang=en-US}`` after a part (a heading and what follows it): that part in another
  language, read into the same ``{vi-VN: …, en-US: …}`` texts a YAML outline writes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...errors import Diagnostic, OutlineError
from ...source import SourceLocation, SourceMap
from ..source import has_vietnamese
from .assemble import Assembler
from .blocks import BlockReader, FrontMatter
from .frontmatter import DECK_KEYS, read_metadata
from .headings import HeadingWalker
from .languages import declared, outline_languages
from .marp import MarpWalker
from .parser import parse, split_title_block
from .slides import SlideReader


def read_markdown(text: str, file: str, base_dir: Path | None,
                  warnings: list[Diagnostic]) -> tuple[dict[str, Any], SourceMap]:
    """Outline data and its source map from Markdown ``text`` (shown as ``file`` in messages).

    Pictures are checked against ``base_dir``: a missing or remote one is a warning and an
    empty placeholder. With ``base_dir=None`` paths are kept as written (for ``convert``).
    """
    title_block, body = split_title_block(text)
    tokens = parse(body)
    front = tokens[0] if tokens and tokens[0].type == "front_matter" else None
    front_block = FrontMatter(SourceLocation(file, 1, 1), front.content, 2) if front is not None else None
    meta = read_metadata(front_block, title_block, file, warnings)
    blocks = BlockReader(body, file, breaks=meta.marp).read(tokens)
    lines = body.split("\n")
    deck = dict(meta.deck)
    seen: dict[str, SourceLocation] = {}    # the languages of '::: {lang=…}' blocks, each at its first
    if meta.marp:
        drafts, title_slide = MarpWalker(lines, file, warnings).walk(blocks, "title" in deck)
        for key, value in title_slide.deck.items():
            deck.setdefault(key, value)
            meta.located.key(("deck", key), title_slide.where[key])
        lines_under_title = str(title_slide.deck.get("organisation", "")).split("\n")
        if len(lines_under_title) > 1 and "closing" not in deck:
            # The closing slide repeats the organisation; of the lines under a Marp title (name,
            # class, date) it shows the first, the presenter, rather than all of them.
            deck["closing"] = {"subtitle": lines_under_title[0]}
            meta.located.key(("deck", "closing"), title_slide.where["organisation"])
    else:
        if "language" not in deck and (front is None or meta.marp) and not has_vietnamese(text):
            deck["language"] = "en-US"  # a pandoc or Marp deck in English gets English furniture
        walker = HeadingWalker(lines, file, warnings, declared(deck)[0])
        drafts = walker.walk(blocks)
        seen = walker.languages
    if not drafts:
        raise OutlineError("the Markdown outline has no headings; write '# Section' and '## Item' "
                           "headings (see the README's Markdown section)", SourceLocation(file, 1, 1))
    if "title" not in deck:
        deck["title"] = _fallback_title(file)
        warnings.append(Diagnostic(f"no deck title (front matter 'title:' or a '% Title' line); using "
                                   f"'{deck['title']}'", SourceLocation(file, 1, 1)))
    if "language" not in deck and (front is None or meta.marp) and not has_vietnamese(text):
        deck["language"] = "en-US"  # a pandoc or Marp deck in English gets English furniture
    slides = SlideReader(file, base_dir, meta.marp, warnings)
    assembler = Assembler(slides, deck["title"], warnings, outline_languages(deck, seen, warnings))
    sections = assembler.sections(drafts, deck)
    located = meta.located
    located.graft((), assembler.located)
    located.value((), SourceLocation(file, 1, 1))
    located.value(("deck",), located.values.get(("deck", "title"), SourceLocation(file, 1, 1)))
    deck = {**{k: deck[k] for k in DECK_KEYS if k in deck}, **{k: v for k, v in deck.items() if k not in DECK_KEYS}}
    data: dict[str, Any] = {**meta.outline, "deck": deck, "sections": sections}
    return data, located.source_map(file)


def _fallback_title(file: str) -> str:
    stem = Path(file).stem.replace("-", " ").replace("_", " ").strip()
    return stem[:1].upper() + stem[1:] if stem else "Untitled"
