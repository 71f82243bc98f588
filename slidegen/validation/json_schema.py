"""JSON Schema (draft 2020-12) of a model, for editors' completion, hover help and checks.

Generated from the same annotations and :class:`Meta` the validator uses, so the schema and the
validator cannot drift apart. Text fields also accept numbers (a table cell ``2020``), as the
validator does.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import types
import typing
from collections.abc import Mapping
from typing import Any

from .fields import LANGUAGE_TAG, NO_EXAMPLE, Discriminated, FrozenMap, Meta, Translations

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def json_schema(root: type, title: str) -> dict[str, Any]:
    """The schema of model ``root``: its own properties at the top, other models in ``$defs``."""
    builder = _Builder()
    top = builder.model_body(root)
    return {"$schema": SCHEMA_DIALECT, **top, "title": title, "$defs": dict(sorted(builder.defs.items()))}


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def ref(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}          # reserve first: models refer to themselves (bullets)
            self.defs[name] = self.model_body(cls)
        return {"$ref": f"#/$defs/{name}"}

    def model_body(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls, include_extras=True)
        properties: dict[str, Any] = {}
        required = []
        for f in dataclasses.fields(cls):
            schema = self.annotation(hints[f.name])
            if f.default is not dataclasses.MISSING and _plain_json(f.default):
                schema["default"] = _json_value(f.default)
            elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                required.append(f.name)
            properties[f.name] = schema
        body: dict[str, Any] = {"type": "object", "title": cls.__name__, "properties": properties,
                                "additionalProperties": False}
        if cls.__doc__:
            body["description"] = " ".join(cls.__doc__.split())
        if required:
            body["required"] = required
        return body

    def annotation(self, annotation: Any) -> dict[str, Any]:
        meta: Meta | None = None
        if typing.get_origin(annotation) is typing.Annotated:
            base, *extras = typing.get_args(annotation)
            meta = next((e for e in extras if isinstance(e, Meta)), None)
            choice = next((e for e in extras if isinstance(e, Discriminated)), None)
            schema = ({"anyOf": [self.annotation(m) for m in choice.members()]} if choice
                      else self.annotation(base))
        else:
            schema = self.plain(annotation)
        if meta is not None:
            schema.update(_meta_keywords(meta, schema))
        return schema

    def plain(self, annotation: Any) -> dict[str, Any]:
        if annotation is Any:
            return {}
        if annotation is str:
            return {"type": ["string", "number"]}
        if annotation is bool:
            return {"type": "boolean"}
        if annotation is int:
            return {"type": "integer"}
        if annotation is float:
            return {"type": "number"}
        if annotation is _dt.date:
            return {"type": "string", "format": "date"}
        if annotation is Translations:
            return {"type": "object", "description": "The text by language tag.", "minProperties": 1,
                    "propertyNames": {"pattern": f"^{LANGUAGE_TAG}$"},
                    "additionalProperties": {"type": ["string", "number"]}}
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if origin is typing.Literal:
            return {"enum": list(args)}
        if origin in (typing.Union, types.UnionType):
            members = [self.annotation(a) for a in args if a is not type(None)]
            if type(None) in args:
                members.append({"type": "null"})
            return members[0] if len(members) == 1 else {"anyOf": members}
        if origin in (list, tuple):
            if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
                return {"type": "array", "prefixItems": [self.annotation(a) for a in args],
                        "minItems": len(args), "maxItems": len(args)}
            return {"type": "array", "items": self.annotation(args[0]) if args else {}}
        if origin in (dict, Mapping, FrozenMap):
            return {"type": "object", "additionalProperties": self.annotation(args[1]) if args else {}}
        if isinstance(annotation, type) and dataclasses.is_dataclass(annotation):
            return self.ref(annotation)
        raise TypeError(f"no schema for {annotation!r}")


def _meta_keywords(meta: Meta, schema: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if meta.description:
        out["description"] = meta.description
    if meta.example is not NO_EXAMPLE:
        out["examples"] = [_json_value(meta.example)]
    array = schema.get("type") == "array"
    if meta.min_length is not None:
        out["minItems" if array else "minProperties" if schema.get("type") == "object" else "minLength"] = meta.min_length
    if meta.max_length is not None:
        out["maxItems" if array else "maxProperties" if schema.get("type") == "object" else "maxLength"] = meta.max_length
    for key, value in (("minimum", meta.ge), ("exclusiveMinimum", meta.gt), ("maximum", meta.le),
                       ("exclusiveMaximum", meta.lt)):
        if value is not None:
            out[key] = value
    if meta.pattern is not None:
        out["pattern"] = meta.pattern
    return out


def _plain_json(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, bool)) or (
        isinstance(value, tuple) and all(_plain_json(v) for v in value))


def _json_value(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_json_value(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _json_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_value(v) for v in value]
    return value
