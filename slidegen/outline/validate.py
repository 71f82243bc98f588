"""Validating plain outline data into the typed model, with messages an author can act on.

pydantic reports errors against its own idea of a path (with union members and tags mixed in).
This module walks each error back to the data the author wrote, finds where it was written, and
phrases it in the outline's own words: ``unknown key 'bulets' in slide; did you mean 'bullets'?``.
All errors of a file are reported together.
"""

from __future__ import annotations

import difflib
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from .. import model as m
from ..errors import Diagnostic, OutlineError, SourceLocation
from .yaml_tree import DataPath, SourceMap

_NOUNS: dict[type[BaseModel], str] = {
    m.Outline: "outline", m.DeckMeta: "deck", m.Section: "section", m.Item: "item",
    m.Bullet: "bullet", m.Column: "column", m.Table: "table", m.Picture: "picture",
    m.Event: "timeline event", m.Figure: "figure", m.Quote: "quote", m.Agenda: "agenda",
    m.Closing: "closing",
}
_SLIDES = (m.BulletsSlide, m.ColumnsSlide, m.TableSlide, m.ImageSlide, m.PhotosSlide,
           m.TimelineSlide, m.FiguresSlide, m.QuoteSlide)
_TYPE_WORDS = {"string": "text", "int": "a whole number", "float": "a number", "bool": "true or false",
               "list": "a list", "dict": "a mapping", "model": "a mapping", "date": "a date"}


def validate_outline(data: Any, source_map: SourceMap) -> m.Outline:
    """The typed outline, or an OutlineError listing every problem with its location."""
    if data is None:
        raise OutlineError("the outline is empty; it needs 'deck:' and 'sections:' (see "
                           "`slidegen new` for a starter)", SourceLocation(source_map.file, 1, 1))
    if not isinstance(data, dict):
        raise OutlineError(f"the outline must be a mapping with 'deck:' and 'sections:', not "
                           f"{_describe(data)}", source_map.at(()))
    try:
        return m.Outline.model_validate(data)
    except ValidationError as exc:
        raise OutlineError.many(_diagnostics(exc, data, source_map)) from None


def _diagnostics(exc: ValidationError, data: Any, source_map: SourceMap) -> list[Diagnostic]:
    found: dict[tuple[DataPath, str], Diagnostic] = {}
    for error in exc.errors(include_url=False):
        located = _locate(error["loc"], data)
        if located is None:  # an error from a union member that does not match the data's shape
            continue
        path, owner = located
        diagnostic = _phrase(error, path, owner, data, source_map)
        found.setdefault((path, diagnostic.message), diagnostic)
    ordered = sorted(found.values(), key=lambda d: (d.location or SourceLocation("")))
    return ordered or [Diagnostic(str(exc), source_map.at(()))]


def _locate(loc: tuple[Any, ...], data: Any) -> tuple[DataPath, type | None] | None:
    """Map pydantic's ``loc`` to (path in the data, model owning the last key).

    Components that are not keys of the data are union members or tags: they select the model,
    and an error from a member that does not suit the data's shape is dropped (None).
    """
    path: list[Any] = []
    node = data
    owner: type | None = m.Outline
    annotation: Any = m.Outline
    for part in loc:
        chosen = _union_member(annotation, part)
        if chosen is not None:
            if isinstance(node, dict) != _is_model(chosen):
                return None
            annotation, owner = chosen, _model_of(chosen)
            continue
        if isinstance(node, dict) and part in node:
            annotation = _field_annotation(annotation, part)
            path.append(part)
            node = node[part]
            owner = _model_of(annotation)
            continue
        if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            annotation = _item_annotation(annotation)
            path.append(part)
            node = node[part]
            owner = _model_of(annotation)
            continue
        # An unknown key (extra_forbidden) or a missing one: the last part names it.
        path.append(part)
        break
    return tuple(path), owner


def _strip(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _is_model(annotation: Any) -> bool:
    annotation = _strip(annotation)
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _model_of(annotation: Any) -> type | None:
    annotation = _strip(annotation)
    if _is_model(annotation):
        return annotation
    members = [_strip(a) for a in typing.get_args(annotation)]
    models = [a for a in members if _is_model(a)]
    return models[0] if len(models) == 1 else None


def _field_annotation(annotation: Any, key: Any) -> Any:
    model = _model_of(annotation)
    if model is None:
        return Any
    info = model.model_fields.get(key)
    return info.annotation if info else Any


def _item_annotation(annotation: Any) -> Any:
    args = typing.get_args(_strip(annotation))
    return args[-1] if args else Any


def _union_member(annotation: Any, part: Any) -> Any | None:
    for member in typing.get_args(_strip(annotation)):
        inner = _strip(member)
        tags = [meta.tag for meta in typing.get_args(member)[1:] if hasattr(meta, "tag")] \
            if typing.get_origin(member) is typing.Annotated else []
        name = getattr(inner, "__name__", str(inner))
        if part in tags or part == name or (part == "str" and inner is str) or (
                part == "int" and inner is int):
            return inner
    return None


def _noun(owner: type | None) -> str:
    if owner in _SLIDES:
        return "slide"
    return _NOUNS.get(owner, "mapping") if owner else "mapping"


def _phrase(error: dict[str, Any], path: DataPath, owner: type | None, data: Any,
            source_map: SourceMap) -> Diagnostic:
    kind = error["type"]
    key = path[-1] if path else None
    value = error.get("input")
    if kind == "extra_forbidden":
        parent_path = path[:-1]
        parent = _walk_model(parent_path, data)
        return Diagnostic(_unknown_key(key, parent, value), source_map.key_at(path))
    if kind == "missing":
        parent = _walk_model(path[:-1], data)
        return Diagnostic(f"missing required key '{key}' in {_noun(parent)}", source_map.at(path[:-1]))
    where = source_map.at(path)
    field = f"'{key}'" if isinstance(key, str) else f"entry {key + 1 if isinstance(key, int) else ''}"
    if kind == "slide_kind":
        return _slide_kind_problem(value, path, source_map)
    if kind == "union_tag_invalid":
        tag = error.get("ctx", {}).get("tag", value)
        return Diagnostic(f"unknown slide kind '{tag}'; valid kinds: {', '.join(m.SLIDE_KINDS)}",
                          source_map.at(path + ("kind",)))
    if kind == "too_short":
        minimum = error.get("ctx", {}).get("min_length", 1)
        if key == "items" and owner is not None or key == "items":
            return Diagnostic(f"empty section: 'items' needs at least {minimum} item", where)
        return Diagnostic(f"{field} needs at least {minimum} entr{'y' if minimum == 1 else 'ies'}", where)
    if kind == "too_long":
        maximum = error.get("ctx", {}).get("max_length")
        return Diagnostic(f"{field} takes at most {maximum} entries, found {len(value)}", where)
    if kind.startswith("date"):
        return Diagnostic(f"{field} must be a date written YYYY-MM-DD, e.g. 2022-03-04, not "
                          f"{_show(value)}", where)
    if kind == "string_pattern_mismatch" and key == "language":
        return Diagnostic(f"'language' must be a BCP 47 tag such as vi-VN or en-US, not {_show(value)}",
                          where)
    for word, said in _TYPE_WORDS.items():
        if kind.startswith(word) and kind.endswith("_type") or kind == f"{word}_parsing":
            return Diagnostic(f"{field} must be {said}, not {_describe(value)}", where)
    return Diagnostic(f"{field}: {error['msg']}", where)


def _slide_kind_problem(value: Any, path: DataPath, source_map: SourceMap) -> Diagnostic:
    """Why a mapping is no slide: an unknown ``kind``, a misspelt content key, or none at all."""
    if isinstance(value, dict) and isinstance(value.get("kind"), str):
        return Diagnostic(f"unknown slide kind '{value['kind']}'; valid kinds: {', '.join(m.SLIDE_KINDS)}",
                          source_map.at(path + ("kind",)))
    if isinstance(value, dict):
        slide_keys = set(m.BulletsSlide.model_fields)
        for key in value:
            if key in slide_keys:
                continue
            close = difflib.get_close_matches(str(key), list(m.CONTENT_KEYS), n=1, cutoff=0.6)
            if close:
                return Diagnostic(f"unknown key '{key}' in slide; did you mean '{close[0]}'?",
                                  source_map.key_at(path + (key,)))
    return Diagnostic(f"a slide needs one content key: {', '.join(m.CONTENT_KEYS)}", source_map.at(path))


def _walk_model(path: DataPath, data: Any) -> type | None:
    annotation: Any = m.Outline
    node = data
    for part in path:
        if isinstance(node, dict):
            annotation = _field_annotation(annotation, part)
            node = node.get(part)
        elif isinstance(node, list):
            annotation = _item_annotation(annotation)
            node = node[part] if isinstance(part, int) and part < len(node) else None
        if isinstance(node, dict) and _model_of(annotation) is None:
            kind = m._slide_kind(node)  # a slide: the discriminator picks the model
            annotation = next((s for s in _SLIDES if s.model_fields["kind"].default == kind), annotation)
    return _model_of(annotation)


def _unknown_key(key: Any, parent: type | None, value: Any) -> str:
    noun = _noun(parent)
    message = f"unknown key '{key}' in {noun}"
    valid = list(parent.model_fields) if parent else []
    if parent in _SLIDES:
        valid = [k for k in valid if k != "kind"] + list(m.CONTENT_KEYS)
    close = difflib.get_close_matches(str(key), valid, n=1, cutoff=0.6)
    if close:
        return f"{message}; did you mean '{close[0]}'?"
    if parent is m.Bullet and isinstance(value, (str, type(None))):
        return (f"{message}; a ': ' inside bullet text makes YAML read a mapping — put the bullet "
                "in quotes")
    if valid:
        return f"{message}; valid keys: {', '.join(sorted(set(valid)))}"
    return message


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    return _show(value)


def _show(value: Any) -> str:
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "…")
