"""The outline's JSON Schema (draft 2020-12), for editors' completion and validation.

Any value may also be written as one Jinja2 expression (``"{{ meetings | rows('date') }}"``)
whose result is checked when the outline is built; the schema says so, so editors do not flag
templated tables and timelines.
"""

from __future__ import annotations

import copy
from typing import Any

from ..model import Outline

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
TEMPLATE_EXPRESSION = {
    "type": "string",
    "pattern": r"^\s*\{\{.*\}\}\s*$",
    "description": "A Jinja2 expression whose value is used here, e.g. a list from a data file.",
}
_KEEP_OUTSIDE = ("description", "examples", "title", "default")


def outline_json_schema() -> dict[str, Any]:
    schema = Outline.model_json_schema(mode="validation")
    for definition in schema.get("$defs", {}).values():
        _allow_templates(definition)
    _allow_templates(schema)
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": "https://slidegen.invalid/outline.schema.json",
        **schema,
        "description": "A slidegen outline: deck metadata, then sections of numbered items, each with "
                       "slides of one kind (bullets, columns, table, image, photos, timeline, figures, "
                       "quote).",
    }


def _allow_templates(model_schema: dict[str, Any]) -> None:
    for name, prop in list(model_schema.get("properties", {}).items()):
        if prop.get("type") == "string" or name in ("vars", "data"):
            continue
        inner = {k: v for k, v in copy.deepcopy(prop).items() if k not in _KEEP_OUTSIDE}
        outer = {k: v for k, v in prop.items() if k in _KEEP_OUTSIDE}
        model_schema["properties"][name] = {**outer, "anyOf": [inner, TEMPLATE_EXPRESSION]}
