"""Plain data → models, with every problem reported at once in the author's words.

The walker compiles one converter per annotation (cached), so validating a large outline is a
single pass of plain function calls. Problems are collected, not raised one by one: an author
fixes a file in one go. Messages name the key (``'title' must be text, not a list``), the
location comes from the :class:`~slidegen.source.Locator` (file:line:col, or a data path for
data given from Python), and unknown keys get a did-you-mean.

Text fields keep the author's characters: when a YAML reader resolved a plain scalar to a
boolean, number or date (``NO``, ``1.50``, ``2019-11-11``) where text is expected, the locator's
recorded source text is used instead.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import math
import re
import types
import typing
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any, TypeVar

from ..errors import Diagnostic, OutlineError, SlidegenError
from ..source import DataPath, Locator, SourceLocation
from .fields import LANGUAGE_TAG, Discriminated, FrozenMap, Meta, Model, Rejection, Translations

T = TypeVar("T")
_INVALID: Any = object()
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

#: (value, path, run) → converted value or _INVALID (after recording the problem).
Converter = Callable[[Any, DataPath, "_Run"], Any]


def validate(data: Any, target: type[T], locator: Locator,
             error: type[SlidegenError] = OutlineError) -> T:
    """``data`` as a ``target`` model; raise ``error`` listing every problem, ordered by place."""
    run = _Run(locator)
    result = _converter(typing.cast(Any, target))(data, (), run)
    if run.problems:
        raise error.many(run.sorted_problems())
    return typing.cast(T, result)


class _Run:
    """One validation: where to look things up, and the problems found so far."""

    def __init__(self, locator: Locator) -> None:
        self.locator = locator
        self.problems: list[tuple[SourceLocation, int, Diagnostic]] = []
        self.seen: set[tuple[DataPath, str]] = set()

    def problem(self, message: str, location: SourceLocation, path: DataPath) -> Any:
        if (path, message) not in self.seen:
            self.seen.add((path, message))
            self.problems.append((location, len(self.problems), Diagnostic(message, location)))
        return _INVALID

    def at(self, message: str, path: DataPath) -> Any:
        return self.problem(message, self.locator.at(path), path)

    def sorted_problems(self) -> list[Diagnostic]:
        return [d for _, _, d in sorted(self.problems, key=lambda p: (p[0], p[1]))]


def label(path: DataPath) -> str:
    """How a message names the value at ``path``: 'key', or entry N (1-based) in a list."""
    if not path:
        return "the outline"
    last = path[-1]
    return f"entry {last + 1}" if isinstance(last, int) else f"'{last}'"


def describe(value: Any) -> str:
    if isinstance(value, Mapping) or dataclasses.is_dataclass(value):
        return "a mapping"
    if isinstance(value, (list, tuple)):
        return "a list"
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return str(value).lower()
    return show(value)


def show(value: Any) -> str:
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "…")


@lru_cache(maxsize=None)
def _converter(annotation: Any) -> Converter:
    meta: Meta | None = None
    choice: Discriminated | None = None
    if typing.get_origin(annotation) is typing.Annotated:
        base, *extras = typing.get_args(annotation)
        meta = next((e for e in extras if isinstance(e, Meta)), None)
        choice = next((e for e in extras if isinstance(e, Discriminated)), None)
        annotation = base
    if choice is not None:
        inner = _discriminated(choice)
    else:
        inner = _plain_converter(annotation)
    return _bounded(inner, meta) if meta is not None else inner


def _plain_converter(annotation: Any) -> Converter:
    if annotation is Any:
        return lambda value, path, run: value
    if annotation is str:
        return _text
    if annotation is bool:
        return _bool
    if annotation is int:
        return _int
    if annotation is float:
        return _float
    if annotation is _dt.date:
        return _date
    if annotation is Translations:
        return _translations
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return _literal(typing.get_args(annotation))
    if origin in (typing.Union, types.UnionType):
        return _union(typing.get_args(annotation))
    if origin in (list, tuple):
        args = typing.get_args(annotation)
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            return _fixed_tuple(args)
        return _sequence(args[0] if args else Any)
    if origin in (dict, Mapping, FrozenMap) or annotation in (dict, Mapping):
        key, value = typing.get_args(annotation) or (Any, Any)
        return _mapping(key, value, frozen=origin is FrozenMap)
    if isinstance(annotation, type) and dataclasses.is_dataclass(annotation):
        return _model(annotation)
    raise TypeError(f"no converter for {annotation!r}")  # a model written with an unknown type


def _bounded(inner: Converter, meta: Meta) -> Converter:
    def convert(value: Any, path: DataPath, run: _Run) -> Any:
        result = inner(value, path, run)
        if result is _INVALID:
            return result
        if isinstance(result, (tuple, list, dict, FrozenMap)):
            if meta.min_length is not None and len(result) < meta.min_length:
                n = meta.min_length
                return run.at(meta.too_short or f"{label(path)} needs at least {n} entr{'y' if n == 1 else 'ies'}",
                              path)
            if meta.max_length is not None and len(result) > meta.max_length:
                return run.at(f"{label(path)} takes at most {meta.max_length} entries, found {len(result)}", path)
        if isinstance(result, (int, float)) and not isinstance(result, bool):
            broken = _broken_bound(result, meta)
            if broken:
                return run.at(f"{label(path)} must be {broken}, not {result:g}", path)
        if meta.pattern is not None and isinstance(result, str) and not re.fullmatch(meta.pattern, result):
            return run.at(f"{label(path)} must be {meta.pattern_hint or 'text matching ' + meta.pattern}, "
                          f"not {show(result)}", path)
        if meta.parse is not None:
            try:
                return meta.parse(result)
            except ValueError as exc:
                return run.at(f"{label(path)}: {exc}", path)
        return result
    return convert


def _broken_bound(number: float, meta: Meta) -> str | None:
    """The bound ``number`` breaks, phrased ("at least 1"), or None."""
    if meta.ge is not None and not number >= meta.ge:
        return f"at least {meta.ge:g}"
    if meta.gt is not None and not number > meta.gt:
        return f"more than {meta.gt:g}"
    if meta.le is not None and not number <= meta.le:
        return f"at most {meta.le:g}"
    if meta.lt is not None and not number < meta.lt:
        return f"less than {meta.lt:g}"
    return None


def _text(value: Any, path: DataPath, run: _Run) -> Any:
    if isinstance(value, str):
        return value
    source = run.locator.text_at(path)
    if source is not None and not isinstance(value, (list, tuple, Mapping)):
        return source                      # the author's own characters: NO, 1.50, 2019-11-11
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return run.at(f"{label(path)} must be text, not {describe(value)}", path)


def _bool(value: Any, path: DataPath, run: _Run) -> Any:
    if isinstance(value, bool):
        return value
    return run.at(f"{label(path)} must be true or false, not {describe(value)}", path)


def _int(value: Any, path: DataPath, run: _Run) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*[-+]?\d+\s*", value):
        return int(value)
    return run.at(f"{label(path)} must be a whole number, not {describe(value)}", path)


def _float(value: Any, path: DataPath, run: _Run) -> Any:
    number: float | None = None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            number = None
    if number is None:
        return run.at(f"{label(path)} must be a number, not {describe(value)}", path)
    if not math.isfinite(number):
        return run.at(f"{label(path)} must be a finite number, not {describe(value)}", path)
    return number


def _date(value: Any, path: DataPath, run: _Run) -> Any:
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return value
    if isinstance(value, str) and _DATE.match(value.strip()):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    shown = run.locator.text_at(path) or value
    return run.at(f"{label(path)} must be a date written YYYY-MM-DD, e.g. 2022-03-04, not {describe(shown)}", path)


def _literal(choices: tuple[Any, ...]) -> Converter:
    def convert(value: Any, path: DataPath, run: _Run) -> Any:
        if value in choices and not isinstance(value, bool):
            return value
        words = [str(c) for c in choices]
        import difflib  # only when explaining a mistake

        close = difflib.get_close_matches(str(value), words, n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return run.at(f"{label(path)} must be one of {', '.join(words)}, not {describe(value)}{hint}", path)
    return convert


def _union(members: tuple[Any, ...]) -> Converter:
    optional = type(None) in members
    rest = tuple(m for m in members if m is not type(None))
    converters = [(m, _converter(m)) for m in rest]

    def shape_fits(member: Any, value: Any) -> bool:
        base = typing.get_args(member)[0] if typing.get_origin(member) is typing.Annotated else member
        if base is Translations:
            return is_translations(value)
        if isinstance(base, type) and dataclasses.is_dataclass(base):
            return isinstance(value, (Mapping, base))
        origin = typing.get_origin(base)
        if origin in (list, tuple):
            return isinstance(value, (list, tuple))
        if origin in (dict, Mapping, FrozenMap):
            return isinstance(value, Mapping)
        if base is int:
            return isinstance(value, int) and not isinstance(value, bool)
        if base is float:
            return isinstance(value, (int, float)) and not isinstance(value, bool)
        return False

    def convert(value: Any, path: DataPath, run: _Run) -> Any:
        if value is None and optional:
            return None
        for member, member_converter in converters:
            if shape_fits(member, value):
                return member_converter(value, path, run)
        return fallback(value, path, run)
    # A value of no member's shape: the text member (if any) converts it or explains why not.
    fallback = next((c for m, c in converters if m is str), converters[-1][1])
    return convert


_TAG = re.compile(LANGUAGE_TAG)


def is_translations(value: Any) -> bool:
    """A mapping of language tags to texts (as opposed to a model's mapping of field names)."""
    return isinstance(value, (Mapping, Translations)) and bool(value) and all(
        isinstance(k, str) and _TAG.fullmatch(k) for k in value)


def _translations(value: Any, path: DataPath, run: _Run) -> Any:
    if not is_translations(value):
        return run.at(f"{label(path)} must be text, or text by language tag (vi-VN: …, en-US: …), "
                      f"not {describe(value)}", path)
    out = {k: _text(v, (*path, k), run) for k, v in value.items()}
    return _INVALID if any(v is _INVALID for v in out.values()) else Translations(out)


def _sequence(item: Any) -> Converter:
    convert_item = _converter(item)

    def convert(value: Any, path: DataPath, run: _Run) -> Any:
        if not isinstance(value, (list, tuple)):
            return run.at(f"{label(path)} must be a list, not {describe(value)}", path)
        out = tuple(convert_item(v, (*path, i), run) for i, v in enumerate(value))
        return _INVALID if any(v is _INVALID for v in out) else out
    return convert


def _fixed_tuple(items: tuple[Any, ...]) -> Converter:
    converters = [_converter(i) for i in items]

    def convert(value: Any, path: DataPath, run: _Run) -> Any:
        if not isinstance(value, (list, tuple)) or len(value) != len(converters):
            return run.at(f"{label(path)} must be a list of {len(converters)} values, not {describe(value)}", path)
        out = tuple(c(v, (*path, i), run) for i, (c, v) in enumerate(zip(converters, value)))
        return _INVALID if any(v is _INVALID for v in out) else out
    return convert


def _mapping(key: Any, item: Any, frozen: bool) -> Converter:
    convert_key, convert_value = _converter(key), _converter(item)

    def convert(value: Any, path: DataPath, run: _Run) -> Any:
        if not isinstance(value, Mapping):
            return run.at(f"{label(path)} must be a mapping, not {describe(value)}", path)
        out = {}
        for k, v in value.items():
            converted_key = convert_key(k, (*path, k), run)
            out[converted_key] = convert_value(v, (*path, k), run)
        if _INVALID in out or any(v is _INVALID for v in out.values()):
            return _INVALID
        return FrozenMap(out) if frozen else out
    return convert


def _discriminated(choice: Discriminated) -> Converter:
    def convert(value: Any, path: DataPath, run: _Run) -> Any:
        if isinstance(value, Model):
            return _converter(typing.cast(Any, type(value)))(value, path, run)
        if not isinstance(value, Mapping):
            return run.at(f"{label(path)} must be a mapping, not {describe(value)}", path)
        chosen = choice.select(value)
        if isinstance(chosen, Rejection):
            if chosen.key is None:
                where = run.locator.at(path)
            elif chosen.at_key:
                where = run.locator.key_at((*path, chosen.key))
            else:
                where = run.locator.at((*path, chosen.key))
            return run.problem(chosen.message, where, path)
        return _converter(chosen)(value, path, run)
    return convert


@lru_cache(maxsize=None)
def _fields(cls: type) -> tuple[tuple[str, Converter, bool], ...]:
    hints = typing.get_type_hints(cls, include_extras=True)
    out = []
    for f in dataclasses.fields(cls):
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        out.append((f.name, _converter(hints[f.name]), required))
    return tuple(out)


def _model(cls: type) -> Converter:
    noun = getattr(cls, "noun", "mapping")

    def convert(value: Any, path: DataPath, run: _Run) -> Any:
        if isinstance(value, cls):
            value = {f.name: getattr(value, f.name) for f in dataclasses.fields(cls)}
        elif not isinstance(value, Mapping):
            return run.at(f"{label(path)} must be a mapping, not {describe(value)}", path)
        fields = _fields(cls)
        names = {name for name, _, _ in fields}
        ok = True
        for name, _, required in fields:
            if required and name not in value:
                run.at(f"missing required key '{name}' in {noun}", path)
                ok = False
        for key in value:
            if key not in names:
                run.problem(unknown_key(key, cls, value[key]), run.locator.key_at((*path, key)), (*path, key))
                ok = False
        kwargs = {}
        for name, field_converter, _ in fields:
            if name in value:
                converted = field_converter(value[name], (*path, name), run)
                ok = ok and converted is not _INVALID
                kwargs[name] = converted
        return cls(**kwargs) if ok else _INVALID
    return convert


def unknown_key(key: Any, cls: type, value: Any) -> str:
    noun = getattr(cls, "noun", "mapping")
    valid = [f.name for f in dataclasses.fields(cls) if not f.name.startswith("_")]
    extra = getattr(cls, "other_keys", ())
    valid = [k for k in valid if k not in getattr(cls, "hidden_keys", ())] + list(extra)
    message = f"unknown key '{key}' in {noun}"
    import difflib  # only when explaining a mistake

    close = difflib.get_close_matches(str(key), valid, n=1, cutoff=0.6)
    if close:
        return f"{message}; did you mean '{close[0]}'?"
    hint = getattr(cls, "unknown_key_hint", None)
    if hint and isinstance(value, (str, type(None))):
        return f"{message}; {hint}"
    return f"{message}; valid keys: {', '.join(sorted(set(valid)))}"
