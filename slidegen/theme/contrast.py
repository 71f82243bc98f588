"""WCAG 2.x contrast of every text/background pair a theme produces.

Pairs come from the theme's own data: each layout's background (or the band a footer sits on),
title and body colours, table header and rows, timeline and key-figure colours, the agenda's
highlight and muted colours. Body text needs 4.5:1, large text (titles, big numbers) 3:1.
"""

from __future__ import annotations


from ..records import record
from .model import Box, LayoutGeometry, Theme

BODY_MINIMUM = 4.5
LARGE_MINIMUM = 3.0


def luminance(hex_color: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_color[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@record
class Pair:
    """A text colour against what is behind it, with the contrast it has and needs."""

    what: str
    text: str          # colour names as the theme writes them
    background: str
    minimum: float
    ratio: float

    @property
    def ok(self) -> bool:
        return self.ratio + 1e-9 >= self.minimum


def _inside(inner: Box, outer: Box) -> bool:
    return (inner[0] >= outer[0] - 1e-6 and inner[1] >= outer[1] - 1e-6 and
            inner[0] + inner[2] <= outer[0] + outer[2] + 1e-6 and inner[1] + inner[3] <= outer[1] + outer[3] + 1e-6)


def _under(theme: Theme, layout: LayoutGeometry, box: Box) -> str:
    """The colour behind ``box``: the topmost decoration covering it, else the background."""
    decorations = list(layout.decorations)
    if layout.background is None:          # the master's decorations show only then
        decorations = list(theme.decorations) + decorations
    for decoration in reversed(decorations):
        if _inside(box, decoration.box):
            return decoration.fill
    return layout.background or theme.background


def theme_pairs(theme: Theme) -> list[Pair]:
    pairs: list[Pair] = []

    def add(what: str, text: str, background: str, large: bool = False) -> None:
        minimum = LARGE_MINIMUM if large else BODY_MINIMUM
        pairs.append(Pair(what, text, background, minimum, contrast(theme.hex(text), theme.hex(background))))

    for kind, layout in theme.layouts.items():
        background = layout.background or theme.background
        style = layout.title_style or theme.title
        if layout.title:
            add(f"{kind} title", style.color, _under(theme, layout, layout.title),
                large=style.size >= 24 or (style.bold and style.size >= 18.66))
        body = layout.body_color or theme.body.color
        for role in ("subtitle", "meta", "body", "left", "right", "left_heading", "right_heading", "caption"):
            box = getattr(layout, role)
            if box is not None:
                add(f"{kind} {role}", body, _under(theme, layout, box))
        if layout.body or layout.left:
            pairs.append(Pair(f"{kind} bullets", theme.body.bullet_color, background, LARGE_MINIMUM,
                              contrast(theme.hex(theme.body.bullet_color), theme.hex(background))))
        if layout.footers:
            for role in ("date", "text", "number"):
                add(f"{kind} footer {role}", theme.footer.color, _under(theme, layout, getattr(theme.footer, role)))
    bullets_bg = theme.layouts["bullets"].background or theme.background
    add("agenda highlight", theme.highlight, theme.layouts["agenda"].background or theme.background)
    add("agenda muted", theme.muted, theme.layouts["agenda"].background or theme.background)
    add("table header", "bg1", "accent1")
    add("table row", "tx1", "bg1")
    add("table banded row", "tx1", "bg2")
    timeline_bg = theme.layouts["timeline"].background or theme.background
    add("timeline date", theme.accent, timeline_bg, large=theme.timeline.date_size >= 18.66)
    add("timeline event", "tx1", timeline_bg)
    add("figure value", theme.accent, "bg2", large=True)
    add("figure label", "tx1", "bg2")
    add("link", "hlink", bullets_bg)
    return pairs
