"""A Markdown text and its translations as the text-by-language data the YAML reader gives.

In an outline written in several languages, every text the Markdown itself says (a heading, a
bullet, a table cell, a caption, notes, a todo) becomes ``{vi-VN: …, en-US: …}``: the default
language's text and what the ``lang`` blocks give. A language whose block leaves the text out
has no entry, so that deck falls back to the default language with a warning, as a YAML text
without it does; a text that every translation repeats unchanged stays one text, the same in
every language (as "AWGIPC 60" or "2.0" are written once in YAML). A ``slidegen`` block is YAML
and says its own languages; a translated block is compared value by value, and the values that
differ become text by language.

A slide's translation must have the same shape as the slide: as many bullets, sub-bullets, table
rows and cells, pictures, events. Where it differs, a warning names the first difference at its
Markdown line and the slide is shown in the default language in that deck; nothing is guessed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...errors import Diagnostic
from ...records import record
from ...source import DataPath, SourceLocation
from ..located import Located
from .drafts import Text
from .languages import Languages
from .slides import ReadSlide

#: Slide keys a translation may leave out: the text then falls back to the default language.
OPTIONAL = ("title", "notes", "caption", "alt", "attribution", "heading")
_NOUNS = {"bullets": "bullet", "children": "sub-bullet", "columns": "column", "rows": "row",
          "header": "header cell", "photos": "picture", "timeline": "event", "figures": "figure",
          "series": "series", "values": "value", "categories": "category", "sources": "source"}


class _Missing:
    """A text the translation does not give."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class Mismatch(Exception):
    def __init__(self, language: str, message: str, path: DataPath = ()) -> None:
        super().__init__(message)
        self.language, self.message, self.path = language, message, path


@record(frozen=False)
class Translated:
    """A ``lang`` block's version of one draft slide: the slides it makes (none when the block
    leaves the content out), its title and notes, and where the block is."""

    slides: list[ReadSlide]
    title: Text | None
    notes: list[Text]
    where: SourceLocation


class Translator:
    """Merges the default language's texts with their translations, recording where each was
    written (``path + (tag,)``, as the YAML reader records a mapping's values)."""

    def __init__(self, languages: Languages, warnings: list[Diagnostic]) -> None:
        self.languages = languages
        self.default = languages.default
        self.warnings = warnings

    def text(self, value: Any, versions: Mapping[str, Text | None], where: SourceLocation, path: DataPath,
             located: Located) -> Any:
        """A heading's, todo's or notes' text (``value``) with its translations."""
        merged = self._text(value, {tag: (t.text if t is not None else MISSING) for tag, t in versions.items()})
        if isinstance(merged, dict):
            located.value((*path, self.default), where)
            for tag, t in versions.items():
                if t is not None and tag in merged:
                    located.value((*path, tag), t.where)
        return merged

    def _text(self, value: Any, given: Mapping[str, Any]) -> Any:
        if not self.languages.several or not isinstance(value, str):
            return value
        present = {tag: b for tag, b in given.items() if b is not MISSING}
        if len(present) == len(self.languages.others) and all(b == value for b in present.values()):
            return value
        return {self.default: value, **present}

    def slides(self, default: list[ReadSlide], versions: Mapping[str, Translated]) -> list[ReadSlide]:
        """The slides one draft makes, with their translations merged in."""
        if not self.languages.several:
            return default
        shapes: dict[str, list[Any] | None] = {}
        for tag, version in versions.items():
            shaped = self._shape(default, version)
            if isinstance(shaped, str):
                self._differs(tag, shaped, version.where)
            shapes[tag] = None if isinstance(shaped, str) else shaped
        while True:
            try:
                return [self._slide(slide, {tag: (shape[n], versions[tag].slides[n].located if versions[tag].slides
                                                  else None)
                                            for tag, shape in shapes.items() if shape is not None})
                        for n, slide in enumerate(default)]
            except Mismatch as problem:
                version = versions[problem.language]
                where = None
                if version.slides:
                    where = min((_nearest(s.located, problem.path) for s in version.slides),
                                key=lambda w: (w is None, w))
                self._differs(problem.language, problem.message, where or version.where)
                shapes[problem.language] = None

    def _differs(self, tag: str, message: str, where: SourceLocation) -> None:
        self.warnings.append(Diagnostic(f"the {tag} translation differs from the {self.default} text: {message}; this "
                                        f"slide is shown in {self.default} in the {tag} deck", where))

    def _shape(self, default: list[ReadSlide], version: Translated) -> list[Any] | str:
        """What the translation gives for each of the default's slides (MISSING where it leaves
        the content out), or why it cannot be matched with them."""
        if not version.slides:
            out = []
            for n, slide in enumerate(default):
                data: dict[str, Any] = {k: MISSING for k in slide.data}
                if version.title is not None and "title" in slide.data:
                    data["title"] = version.title.text
                notes = [t.text for t in version.notes if t.text]
                if n == 0 and notes and "notes" in slide.data:
                    data["notes"] = "\n\n".join(notes)
                out.append(data)
            return out
        ours, theirs = [_kind(s.data) for s in default], [_kind(s.data) for s in version.slides]
        if ours != theirs:
            return f"it makes {_listing(theirs)} where the {self.default} text makes {_listing(ours)}"
        return [s.data for s in version.slides]

    def _slide(self, slide: ReadSlide, given: dict[str, tuple[Any, Located | None]]) -> ReadSlide:
        located = Located()
        located.graft((), slide.located)
        where = {tag: theirs for tag, (_, theirs) in given.items()}
        self._extra(slide.data, {tag: b for tag, (b, _) in given.items()}, ())
        data = {key: self._merge(value, {tag: self._child(tag, b, key, value, (key,)) for tag, (b, _) in given.items()},
                                 (key,), key in slide.literal, located, where)
                for key, value in slide.data.items()}
        return ReadSlide(data, located, slide.literal)

    def _extra(self, a: dict[str, Any], given: Mapping[str, Any], path: DataPath) -> None:
        for tag, b in given.items():
            if b is MISSING:
                continue
            if not isinstance(b, dict):
                raise Mismatch(tag, f"{_what(path)} is shaped differently", path)
            extra = [k for k in b if k not in a]
            if extra:
                raise Mismatch(tag, f"it has {_what((*path, extra[0]))}, which the {self.default} text has not",
                               (*path, extra[0]))

    def _child(self, tag: str, b: Any, key: str, value: Any, path: DataPath) -> Any:
        if b is MISSING:
            return MISSING
        if key in b:
            return b[key]
        if not _is_text(path) or isinstance(value, str) and key in OPTIONAL:
            return MISSING     # left out: falls back (a text) or is written once (a path, sources)
        raise Mismatch(tag, f"it lacks {_what(path)}", path)

    def _merge(self, a: Any, given: dict[str, Any], path: DataPath, literal: bool, located: Located,
               where: Mapping[str, Located | None]) -> Any:
        if isinstance(a, dict):
            self._extra(a, given, path)
            return {k: self._merge(v, {tag: self._child(tag, b, k, v, (*path, k)) for tag, b in given.items()},
                                   (*path, k), literal, located, where) for k, v in a.items()}
        if isinstance(a, list):
            for tag, b in given.items():
                if b is not MISSING and (not isinstance(b, list) or len(b) != len(a)):
                    count = len(b) if isinstance(b, list) else 1
                    first_extra = (*path, len(a)) if count > len(a) else path   # point at what is too many
                    raise Mismatch(tag, f"{_count(path, count)} where the {self.default} text has {len(a)}",
                                   first_extra)
            return [self._merge(v, {tag: (b[i] if b is not MISSING else MISSING) for tag, b in given.items()},
                                (*path, i), literal, located, where) for i, v in enumerate(a)]
        for tag, b in given.items():
            if b is not MISSING and (isinstance(a, str) != isinstance(b, str) or isinstance(b, (dict, list))):
                raise Mismatch(tag, f"{_what(path)} is shaped differently", path)
        if isinstance(a, str) and _is_text(path):
            if literal:    # YAML as written: values that differ become text by language
                present = {tag: b for tag, b in given.items() if b is not MISSING}
                merged = a if all(b == a for b in present.values()) else {self.default: a, **present}
            else:
                merged = self._text(a, given)
        else:
            for tag, b in given.items():
                if b is not MISSING and b != a:
                    raise Mismatch(tag, f"{_what(path)} reads '{b}' where the {self.default} text has '{a}' "
                                        "(it is written once, not translated)", path)
            return a
        if isinstance(merged, dict):
            located.value((*path, self.default), _nearest(located, path))  # type: ignore[arg-type]
            for tag in merged:
                theirs = where.get(tag)
                if tag != self.default and theirs is not None:
                    located.value((*path, tag), _nearest(theirs, path))  # type: ignore[arg-type]
        return merged


def _is_text(path: DataPath) -> bool:
    """Whether the value at a slide's ``path`` is text (not a picture's path, code, a source)."""
    return not (path[:1] in (("sources",), ("code",)) or path[-1:] == ("path",))


def _kind(data: dict[str, Any]) -> str:
    return next((k for k in data if k not in ("title", "notes", "sources")), "content")


def _listing(kinds: list[str]) -> str:
    if not kinds:
        return "no slide"
    return f"{len(kinds)} slides ({', '.join(kinds)})" if len(kinds) != 1 else f"a {kinds[0]} slide"


def _count(path: DataPath, count: int) -> str:
    last = path[-1] if path else ""
    if isinstance(last, int):
        noun, inside = "cell", _what(path)
    else:
        noun, inside = _NOUNS.get(str(last), "entry"), _what(path[:-1]) if len(path) > 1 else ""
    plural = noun if count == 1 else (noun[:-1] + "ies" if noun.endswith("y") else noun + "s")
    return f"it has {count} {plural}" + (f" in {inside}" if inside else "")


def _what(path: DataPath) -> str:
    """``('bullets', 2, 'children', 0)`` → "sub-bullet 1 of bullet 3"; ``('image', 'caption')``
    → "the caption of the image"."""
    parts: list[str] = []
    for n, step in enumerate(path):
        before = path[n - 1] if n else None
        after = path[n + 1] if n + 1 < len(path) else None
        if isinstance(step, int):
            parts.append(f"{'cell' if isinstance(before, int) else _NOUNS.get(str(before), 'entry')} {step + 1}")
        elif isinstance(after, int) or step == "text":
            continue     # a list is named by its entry; a bullet's text is the bullet
        elif after is None and step in _NOUNS:
            parts.append(f"the {_NOUNS[step]}s")
        else:
            parts.append(f"the {step}")
    return " of ".join(reversed(parts)) or "the slide"


def _nearest(located: Located, path: DataPath) -> SourceLocation | None:
    for end in range(len(path), -1, -1):
        found = located.values.get(tuple(path[:end]))
        if found is not None:
            return found
    return None
