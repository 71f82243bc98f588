"""Texts by language, as the Markdown writer needs them: one outline seen in each of its languages.

The Markdown reader gives a text by language for what a ``::: {lang=…}`` block says, no entry
for what it leaves out, and one text for what every block repeats unchanged. So a text can be
written exactly when it is one text (repeated in every block), or a mapping with the default
language's text whose other languages are not all equal to it, where only a heading, notes, a
todo, a caption, alt text or an attribution may leave a language out. Anything else — a slide
whose text Markdown cannot say exactly in some language — the writer gives as YAML instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..records import record
from ..validation.convert import is_translations as _tags_only
from .markdown.languages import Languages, declared

_NOT_TEXT = ("vars", "data", "deck")
#: Outline keys that read like a language tag: a picture {alt: …} is a picture, not a text.
_FIELDS_LIKE_TAGS = {"alt"}
#: Keys whose text a ``lang`` block may leave out (the reader's translate.OPTIONAL).
OMITTABLE = ("title", "notes", "todo", "caption", "alt", "attribution", "heading")


def is_translations(value: Any) -> bool:
    """A text by language (as opposed to a mapping of an outline's keys)."""
    return isinstance(value, dict) and _tags_only(value) and not set(value) <= _FIELDS_LIKE_TAGS


def outline_languages(data: Any) -> Languages:
    """The default language and the others: those the deck names and any a text is given in."""
    deck = data.get("deck") if isinstance(data, dict) else None
    default, named = declared(deck if isinstance(deck, dict) else {})
    seen = dict.fromkeys(t for t in named[1:] if t != default)
    for value in _texts(data, top=True):
        seen.update(dict.fromkeys(t for t in value if t != default))
    return Languages(default, tuple(seen))


def _texts(node: Any, top: bool = False) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if is_translations(node):
            yield node
            return
        for key, value in node.items():
            if not (top and key in _NOT_TEXT):
                yield from _texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from _texts(value)


@record
class InLanguage:
    """The outline's texts as one language reads them: ``tag`` None for the default."""

    languages: Languages
    tag: str | None = None

    @property
    def language(self) -> str:
        return self.tag or self.languages.default

    def text(self, value: Any) -> Any:
        """``value`` in this language: a text, None when a mapping does not give it, or the value
        itself when it is no text by language."""
        if isinstance(value, dict) and is_translations(value):
            return value.get(self.language)
        return value

    def project(self, value: Any, key: Any = None) -> Any:
        """A slide's content in this language, texts by language replaced by their text; a text
        left out is dropped with its key (a caption, a heading)."""
        if isinstance(value, dict) and is_translations(value):
            return self.text(value)
        if isinstance(value, dict):
            out = {}
            for k, v in value.items():
                projected = self.project(v, k)
                if projected is not None or v is None:
                    out[k] = projected
            return out
        if isinstance(value, list):
            return [self.project(v) for v in value]
        return value


def exact(value: Any, languages: Languages, omittable: bool) -> bool:
    """Whether a text reads back as written from Markdown in ``languages`` (see the module)."""
    if not (isinstance(value, dict) and is_translations(value)):
        return True
    if languages.default not in value or not isinstance(value[languages.default], str):
        return False
    others = [value.get(t) for t in languages.others]
    if any(v is not None and not isinstance(v, str) for v in others):
        return False
    if None in others and not omittable:
        return False
    return not (None not in others and all(v == value[languages.default] for v in others))


def all_exact(value: Any, languages: Languages, key: Any = None) -> bool:
    """Every text inside a slide's content reads back as written."""
    if isinstance(value, dict) and is_translations(value):
        return exact(value, languages, key in OMITTABLE)
    if isinstance(value, dict):
        return all(all_exact(v, languages, k) for k, v in value.items())
    if isinstance(value, list):
        return all(all_exact(v, languages) for v in value)
    return True


def has_translations(value: Any) -> bool:
    if is_translations(value):
        return True
    if isinstance(value, dict):
        return any(has_translations(v) for v in value.values())
    if isinstance(value, list):
        return any(has_translations(v) for v in value)
    return False
