"""Advance widths and vertical metrics of the fonts decks name.

Decks name Office fonts (Arial, Times New Roman, Calibri) that every PowerPoint user has and that
hold every Vietnamese letter. slidegen measures with their metric-compatible open twins, whose
advance widths are identical by design: Liberation Sans (Arial), Liberation Serif (Times New
Roman) and Carlito (Calibri). The tables in ``data/`` are derived from those fonts by
``tools/make_metrics.py``; no font file is needed at run time.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

#: Office (and open) family names → the metric-compatible family measured instead.
_EXACT = {
    "arial": "liberation-sans", "liberation sans": "liberation-sans", "helvetica": "liberation-sans",
    "arimo": "liberation-sans",
    "times new roman": "liberation-serif", "liberation serif": "liberation-serif", "tinos": "liberation-serif",
    "calibri": "carlito", "carlito": "carlito",
}
_FAMILY_NAMES = {"liberation-sans": "Liberation Sans", "liberation-serif": "Liberation Serif", "carlito": "Carlito"}
_SERIF_HINTS = ("times", "serif", "georgia", "cambria", "garamond", "book")


@dataclass(frozen=True)
class FontMetrics:
    face: str
    units_per_em: int
    ascent: int
    descent: int
    line_gap: int
    win_ascent: int
    win_descent: int
    diacritic_top: int
    diacritic_bottom: int
    missing_width: int
    widths: dict[int, int] = field(repr=False, compare=False, hash=False)

    def advance(self, ch: str) -> int:
        """Advance width in font units; combining marks take no room of their own."""
        width = self.widths.get(ord(ch))
        if width is not None:
            return width
        if unicodedata.combining(ch):
            return 0
        return self.missing_width

    def has_glyph(self, ch: str) -> bool:
        return ord(ch) in self.widths


def resolve_font(name: str) -> tuple[str, bool]:
    """The family measured for ``name``, and whether it is metric-compatible (exact)."""
    key = name.strip().lower()
    if key in _EXACT:
        return _FAMILY_NAMES[_EXACT[key]], True
    serif = any(h in key for h in _SERIF_HINTS) and "sans" not in key
    return ("Liberation Serif" if serif else "Liberation Sans"), False


@lru_cache(maxsize=32)
def metrics_for(name: str, bold: bool = False, italic: bool = False) -> FontMetrics:
    family, _ = resolve_font(name)
    key = {v: k for k, v in _FAMILY_NAMES.items()}[family]
    style = ("bold" if bold else "") + ("italic" if italic else "") or "regular"
    return _load(f"{key}-{style}")


@lru_cache(maxsize=16)
def _load(stem: str) -> FontMetrics:
    raw = json.loads(resources.files("slidegen.fonts").joinpath("data", f"{stem}.json").read_text("utf-8"))
    widths: dict[int, int] = {}
    for start, run in raw["widths"]:
        for offset, width in enumerate(run):
            widths[start + offset] = width
    return FontMetrics(face=f"{raw['family']} {raw['style']}", units_per_em=raw["unitsPerEm"],
                       ascent=raw["ascent"], descent=raw["descent"], line_gap=raw["lineGap"],
                       win_ascent=raw["winAscent"], win_descent=raw["winDescent"],
                       diacritic_top=raw["diacriticTop"], diacritic_bottom=raw["diacriticBottom"],
                       missing_width=raw["missingWidth"], widths=widths)


def missing_glyphs(text: str, name: str) -> list[str]:
    """Characters of ``text`` the font (as measured) has no glyph for, in order of appearance."""
    metrics = metrics_for(name)
    seen: dict[str, None] = {}
    for ch in unicodedata.normalize("NFC", text):
        if ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf") or unicodedata.combining(ch):
            continue
        if not metrics.has_glyph(ch):
            seen.setdefault(ch, None)
    return list(seen)
