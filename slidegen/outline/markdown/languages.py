"""Which languages a Markdown outline is written in, and the blocks that give another language.

A translation is pandoc's div with a language attribute, ``::: {lang=en-US}`` … ``:::``, written
right after the part it translates. The default language is the first of the front matter's
``languages`` (else its ``language``); the others are the rest of ``languages`` and any language
a ``lang`` block gives. A block in a language the deck does not build is kept (the YAML reader
keeps such texts too) with a warning, so a typo (``en_US``, ``en-UK``) does not go unseen.
"""

from __future__ import annotations

import re
from typing import Any

from ...errors import Diagnostic
from ...records import record
from ...source import SourceLocation
from ...validation.fields import LANGUAGE_TAG
from .blocks import Div

_LANG_ATTRIBUTE = re.compile(r"""(?:^|[\s{])lang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s}]+))""")
_TAG = re.compile(LANGUAGE_TAG)


def div_language(div: Div) -> str | None:
    """The tag of a ``::: {lang=en-US}`` block (``{.translation lang="en-US"}`` too), else None."""
    info = div.info.strip()
    if not info.startswith("{"):
        return None
    match = _LANG_ATTRIBUTE.search(info)
    if match is None:
        return None
    return next(g for g in match.groups() if g is not None)


def valid_tag(tag: str) -> bool:
    return bool(_TAG.fullmatch(tag))


@record
class Languages:
    """The default language and the others, in order; texts get a mapping by language only when
    there are others."""

    default: str
    others: tuple[str, ...] = ()

    @property
    def several(self) -> bool:
        return bool(self.others)


def declared(deck: dict[str, Any]) -> tuple[str, list[str]]:
    """(default language, the languages the front matter names) — as the model reads them."""
    named = deck.get("languages")
    tags = [t for t in named if isinstance(t, str)] if isinstance(named, list) else []
    if tags:
        return tags[0], tags
    language = deck.get("language")
    return (language if isinstance(language, str) else "vi-VN"), []


def outline_languages(deck: dict[str, Any], seen: dict[str, SourceLocation],
                      warnings: list[Diagnostic]) -> Languages:
    """The outline's languages from its front matter and the ``lang`` blocks ``seen`` (each
    language with its first block), warning where the two disagree."""
    default, named = declared(deck)
    given = [t for t in seen if t != default]
    if given and not named:
        warnings.append(Diagnostic(
            f"the outline gives translations ({', '.join(given)}) but its front matter names no "
            f"'languages'; add languages: [{', '.join([default, *given])}] to build a deck in each",
            seen[given[0]]))
    for tag in given:
        if named and tag not in named:
            warnings.append(Diagnostic(
                f"{tag} is not one of the deck's languages ({', '.join(named)}); its translations are kept but "
                f"no deck is built in it — add it to 'languages'", seen[tag]))
    others = [t for t in named[1:] if t != default]
    others += [t for t in given if t not in others]
    return Languages(default, tuple(dict.fromkeys(others)))
