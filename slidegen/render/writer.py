"""Which writer renders a deck: the one place that decides.

The direct writer (slidegen/render/direct/) covers text, empty picture placeholders, drawn
shapes and text boxes, tables, footers, notes and links, on slidegen's compiled templates and on
house templates it can reproduce, and gives the same bytes as the python-pptx path; on a compiled
template it loads neither python-pptx, lxml nor Pillow. Anything else (a picture file, a chart, a
template part it cannot reproduce) goes through python-pptx (slidegen/render/deck.py), for the
whole deck.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO, TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from ..plan.types import PlannedDeck
    from ..theme.model import Theme

Writer = Literal["auto", "direct", "pptx"]


def render_deck(deck: "PlannedDeck", theme: "Theme", stream: IO[bytes], template: bytes | None = None,
                layout_overrides: Mapping[str, str] | None = None, writer: Writer = "auto") -> tuple[str, ...]:
    """Write ``deck`` as a .pptx into ``stream``; return the layout name of each slide.
    ``writer`` "direct" refuses (:class:`~.direct.dom.Unsupported`) what only python-pptx
    writes; "pptx" always uses python-pptx."""
    if writer != "pptx":
        from .direct.deck import render
        from .direct.dom import Unsupported

        try:
            return render(deck, theme, stream, template, layout_overrides)
        except Unsupported:
            if writer == "direct":
                raise
    from .deck import render_deck as render_with_pptx

    return render_with_pptx(deck, theme, stream, template, layout_overrides)
