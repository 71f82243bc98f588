"""Deck metadata of a Markdown outline: YAML front matter, or a pandoc ``%`` title block.

The front matter takes every ``deck:`` key of a YAML outline, at its top level (``title:``,
``date:``, ``theme:`` …) or under ``deck:``, plus ``vars:`` and ``data:``. Keys that pandoc and
Marp use for the same things are understood (``institute``, ``lang``, a list of ``author``s, a
free-text ``date``, Marp's ``paginate`` and ``footer``); keys of other tools are ignored with a
warning, so a deck written for pandoc or Marp still builds.
"""

from __future__ import annotations

import datetime as _dt
import difflib
from dataclasses import field
from typing import Any

from ...errors import Diagnostic, OutlineError
from ...records import record
from ...source import SourceLocation
from ..located import Located, yaml_at
from .blocks import FrontMatter
from .dates import parse_date

#: The keys of ``deck:`` in a YAML outline (tests check this against the model).
DECK_KEYS = ("title", "subtitle", "date", "organisation", "author", "language", "languages", "theme", "footer",
             "template", "layouts", "slide_numbers", "show_date", "agenda", "closing", "sources")
OUTLINE_KEYS = ("vars", "data", "deck")
_ALIASES = {"institute": "organisation", "organization": "organisation", "lang": "language"}
# Marp directives (https://marpit.marp.app/directives) that slidegen has no use for: the theme
# styles slides. ``theme`` names a Marp theme in a Marp file, so it is one of them there.
MARP_IGNORED = ("theme", "style", "headingDivider", "size", "math", "header", "class",
                "backgroundColor", "backgroundImage", "backgroundPosition", "backgroundRepeat",
                "backgroundSize", "color", "description", "image", "url", "keywords", "marp")


@record(frozen=False)
class Metadata:
    """What the front matter (or a pandoc title block) says: outline keys, deck keys, where each is, whether it is
    Marp."""

    outline: dict[str, Any] = field(default_factory=dict)   # vars, data
    deck: dict[str, Any] = field(default_factory=dict)
    located: Located = field(default_factory=Located)        # paths from the outline's root
    marp: bool = False


def read_metadata(front: FrontMatter | None, title_block: list[tuple[str, int]], file: str,
                  warnings: list[Diagnostic]) -> Metadata:
    meta = Metadata()
    if title_block:
        _title_block(meta, title_block, file, warnings)
    if front is None:
        return meta
    # The plugin gives the text without its last line break, which a final "|" block needs.
    data, located = yaml_at(front.text + "\n", file, front.first_line)
    if data is None:
        return meta
    if not isinstance(data, dict):
        raise OutlineError("front matter must be a YAML mapping of deck keys (title:, date:, …)",
                           SourceLocation(file, front.first_line, 1))
    meta.marp = data.get("marp") is True
    for key, value in data.items():
        _front_key(meta, str(key), value, located, warnings)
    return meta


def _title_block(meta: Metadata, fields: list[tuple[str, int]], file: str, warnings: list[Diagnostic]) -> None:
    for (text, line), key in zip(fields, ("title", "author", "date")):
        if not text:
            continue
        where = SourceLocation(file, line, 3)
        value: Any = text
        if key == "author":
            value = ", ".join(a.strip() for a in text.split(";") if a.strip())
        if key == "date":
            value = _date(text, where, warnings)
            if value is None:
                continue
        meta.deck[key] = value
        meta.located.key(("deck", key), where)


def _date(value: Any, where: SourceLocation, warnings: list[Diagnostic]) -> _dt.date | None:
    if isinstance(value, _dt.date):
        return value
    parsed = parse_date(str(value))
    if parsed is None:
        warnings.append(Diagnostic(f"date '{value}' is not a date slidegen can read (write it "
                                   "YYYY-MM-DD, e.g. 2022-03-04); the deck is built without a date", where))
    return parsed


def _front_key(meta: Metadata, key: str, value: Any, located: Located, warnings: list[Diagnostic]) -> None:
    where = located.keys.get((key,)) or located.values.get(())
    if key in OUTLINE_KEYS and key != "deck":
        meta.outline[key] = value
        _move(meta.located, located, (key,), (key,))
        return
    if key == "deck":
        if not isinstance(value, dict):
            raise OutlineError("'deck' in the front matter is a mapping of deck keys", where)
        for inner, inner_value in value.items():
            _set_deck(meta, str(inner), inner_value, located, ("deck", inner), warnings)
        return
    if meta.marp and key in MARP_IGNORED or key == "marp":
        if key != "marp" and value not in (None, "", False):
            warnings.append(Diagnostic(f"Marp directive '{key}' is ignored; slidegen styles the deck "
                                       "with its theme (set 'deck: {theme: …}' for a slidegen theme)", where))
        return
    if meta.marp and key == "paginate":
        meta.deck["slide_numbers"] = bool(value)
        _move(meta.located, located, (key,), ("deck", "slide_numbers"))
        return
    name = _ALIASES.get(key, key)
    if name in DECK_KEYS or difflib.get_close_matches(name, DECK_KEYS, n=1, cutoff=0.75):
        # A misspelt deck key goes to the deck, where validation names it with a suggestion.
        _set_deck(meta, name, value, located, (key,), warnings)
        return
    warnings.append(Diagnostic(f"front matter key '{key}' is not a slidegen deck key and is ignored "
                               f"(deck keys: {', '.join(DECK_KEYS)})", where))


def _set_deck(meta: Metadata, name: str, value: Any, located: Located, old: tuple[Any, ...],
              warnings: list[Diagnostic]) -> None:
    where = located.keys.get(old) or located.values.get(old)
    name = _ALIASES.get(name, name)
    if name == "author" and isinstance(value, list):
        value = ", ".join(str(a) for a in value if a)
    if name == "date" and value not in (None, ""):
        value = _date(value, where or SourceLocation("?"), warnings)
        if value is None:
            return
    if meta.marp and name == "footer" and value in (None, ""):
        return  # Marp's empty footer directive: no footer
    if name in meta.deck and where is not None:
        raise OutlineError(f"deck key '{name}' is given twice in the front matter", where)
    meta.deck[name] = value
    _move(meta.located, located, old, ("deck", name))


def _move(target: Located, source: Located, old: tuple[Any, ...], new: tuple[Any, ...]) -> None:
    for path, where in source.values.items():
        if path[:len(old)] == old:
            target.values.setdefault(new + path[len(old):], where)
    for path, where in source.keys.items():
        if path[:len(old)] == old:
            target.keys.setdefault(new + path[len(old):], where)
