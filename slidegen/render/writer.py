"""Which writer renders a deck: the one place that decides.

The direct writer (slidegen/render/direct/) covers text, empty and filled picture placeholders,
drawn pictures, shapes and text boxes, tables, charts, footers, notes and links, on slidegen's
compiled templates and on house templates whose parts it can reproduce, and gives the same bytes
as the python-pptx path; on a compiled template it loads neither python-pptx nor lxml (nor
Pillow, unless the deck has picture files), except to build the chart parts of a deck that has
charts (slidegen/render/chart.py). Anything else (a template part it cannot reproduce) goes
through python-pptx (slidegen/render/deck.py), for the whole deck.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import IO, TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from ..plan.types import PlannedDeck
    from ..theme.model import Theme

Writer = Literal["auto", "direct", "pptx"]

#: "auto" falls back to python-pptx when the direct writer fails, not only when it declines: a
#: user still gets the deck. The tests turn this off, so such a failure cannot hide.
FALL_BACK_ON_ERRORS = True


def render_deck(deck: "PlannedDeck", theme: "Theme", stream: IO[bytes], template: bytes | None = None,
                layout_overrides: Mapping[str, str] | None = None, writer: Writer = "auto") -> tuple[str, ...]:
    """Write ``deck`` as a .pptx into ``stream``; return the layout name of each slide.

    ``writer`` "direct" raises what the direct writer raises (:class:`~.direct.dom.Unsupported`
    for a deck only python-pptx writes); "pptx" always uses python-pptx; "auto" uses the direct
    writer and, for anything it declines or fails at, python-pptx."""
    if writer != "pptx":
        from .direct.deck import render
        from .direct.dom import Unsupported

        buffer = io.BytesIO()     # nothing reaches ``stream`` unless the direct writer finishes
        try:
            layouts = render(deck, theme, buffer, template, layout_overrides)
        except Unsupported:
            if writer == "direct":
                raise
        except Exception:
            if writer == "direct" or not FALL_BACK_ON_ERRORS:
                raise
        else:
            stream.write(buffer.getvalue())
            return layouts
    from .deck import render_deck as render_with_pptx

    return render_with_pptx(deck, theme, stream, template, layout_overrides)
