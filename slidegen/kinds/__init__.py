"""The slide kinds: the one list of them, and the one dispatch from a slide to its kind.

Adding a kind means writing its module (model, content, fit, layouts, compose), adding it to
:data:`KINDS`, and giving the themes its layout geometry. Nothing else dispatches on kinds.
The order of :data:`KINDS` is the order of layouts in a compiled template.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from ..model.common import SlideFields
from ..validation.fields import Rejection
from . import agenda, bullets, chart, closing, code, columns, figures, image, photos, quote, section, table, timeline, title
from .base import LayoutDef, SlideKind

KINDS: tuple[SlideKind, ...] = (
    title.KIND, agenda.KIND, section.KIND, bullets.KIND, columns.KIND, table.KIND, image.KIND, photos.KIND,
    timeline.KIND, figures.KIND, quote.KIND, code.KIND, chart.KIND, closing.KIND,
)
BY_NAME: dict[str, SlideKind] = {kind.name: kind for kind in KINDS}
#: Authored kinds by their content key (a slide's kind is the key it holds: ``bullets:`` …).
AUTHORED: dict[str, SlideKind] = {kind.name: kind for kind in KINDS if kind.model is not None}
CONTENT_KEYS: tuple[str, ...] = tuple(AUTHORED)
LAYOUTS: tuple[LayoutDef, ...] = tuple(layout for kind in KINDS for layout in kind.layouts)

for _kind in AUTHORED.values():
    assert _kind.model is not None
    _kind.model.other_keys = CONTENT_KEYS


def kind_of(name: str) -> SlideKind:
    return BY_NAME[name]


def slide_models() -> tuple[type, ...]:
    return tuple(kind.model for kind in AUTHORED.values() if kind.model is not None)


def kind_for_model(slide: SlideFields) -> SlideKind:
    return AUTHORED[getattr(slide, "kind")]


def select_slide(value: Mapping[Any, Any]) -> type | Rejection:
    """The model of an authored slide mapping: its ``kind`` key, else the content key it holds."""
    kind = value.get("kind")
    if kind is not None:
        if isinstance(kind, str) and kind in AUTHORED:
            return AUTHORED[kind].model  # type: ignore[return-value]
        return Rejection(f"unknown slide kind '{kind}'; valid kinds: {', '.join(CONTENT_KEYS)}", "kind")
    for key in CONTENT_KEYS:
        if key in value:
            return AUTHORED[key].model  # type: ignore[return-value]
    own = set(SlideFields.__dataclass_fields__)
    for key in value:
        if key in own:
            continue
        close = difflib.get_close_matches(str(key), list(CONTENT_KEYS), n=1, cutoff=0.6)
        if close:
            return Rejection(f"unknown key '{key}' in slide; did you mean '{close[0]}'?", key, at_key=True)
    return Rejection(f"a slide needs one content key: {', '.join(CONTENT_KEYS)}")


__all__ = ["AUTHORED", "BY_NAME", "CONTENT_KEYS", "KINDS", "LAYOUTS", "LayoutDef", "SlideKind", "kind_for_model",
           "kind_of", "select_slide", "slide_models"]
