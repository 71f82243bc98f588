"""Advance widths and vertical metrics of the fonts decks name.

Decks name Office fonts (Arial, Times New Roman, Calibri) that every PowerPoint user has and that
hold every Vietnamese letter. slidegen measures with their metric-compatible open twins, whose
advance widths are identical by design: Liberation Sans (Arial), Liberation Serif (Times New
Roman), Liberation Mono (Courier New) and Carlito (Calibri). The tables in ``data/`` are derived from those fonts by
``tools/make_metrics.py``; no font file (and no python-pptx) is needed at run time.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import field
from functools import lru_cache
from pathlib import Path

from ..records import record

#: Lower-cased family names whose advance widths are identical to a shipped table (metric
#: compatible by design): Arial ≙ Helvetica ≙ Arimo ≙ Liberation Sans, Times New Roman ≙ Tinos ≙
#: Liberation Serif, Courier New ≙ Cousine ≙ Liberation Mono, Calibri ≙ Carlito. Near-misses (Arial Narrow, Calibri Light, Times) are
#: *not* here: they resolve to the fallback with exact=False.
_EXACT = {
    "arial": "Liberation Sans", "helvetica": "Liberation Sans", "arimo": "Liberation Sans",
    "liberation sans": "Liberation Sans",
    "times new roman": "Liberation Serif", "tinos": "Liberation Serif", "liberation serif": "Liberation Serif",
    "calibri": "Carlito", "carlito": "Carlito",
    "courier new": "Liberation Mono", "cousine": "Liberation Mono", "liberation mono": "Liberation Mono",
}
#: Unknown fonts (Tahoma, Verdana, Segoe UI …) are measured as Liberation Sans, flagged inexact.
FALLBACK_FAMILY = "Liberation Sans"
_FILE_STEMS = {"Liberation Sans": "liberation-sans", "Liberation Serif": "liberation-serif", "Carlito": "carlito",
               "Liberation Mono": "liberation-mono"}
#: Line-break and layout controls: never "missing", PowerPoint draws nothing for them.
_IGNORED_CATEGORIES = ("Cc", "Cf", "Zl", "Zp")


@record
class FontMetrics:
    """One face's measurements from its font file: vertical metrics and advance widths, in font units."""

    face: str                       # e.g. "Liberation Sans Bold"
    units_per_em: int
    ascent: int                     # hhea, font units, positive
    descent: int                    # hhea, positive distance below the baseline
    line_gap: int
    win_ascent: int
    win_descent: int
    diacritic_top: int              # max yMax over the 134 Vietnamese letters
    diacritic_bottom: int           # -min yMin over them (positive)
    missing_width: int              # advance of .notdef: what a missing glyph is measured as
    widths: dict[int, int] = field(repr=False, compare=False, hash=False)

    def advance(self, ch: str) -> int:
        """Advance width of one character in font units. A character the font lacks is measured
        as .notdef (wide, so conservative), except combining marks, which attach to their base
        letter and take no room of their own."""
        width = self.widths.get(ord(ch))
        if width is not None:
            return width
        if unicodedata.combining(ch):
            return 0
        return self.missing_width

    def has_glyph(self, ch: str) -> bool:
        return ord(ch) in self.widths


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def resolve_font(name: str) -> tuple[str, bool]:
    """The metric family measured for Office font ``name`` (case-insensitive), and whether its
    widths are exactly those PowerPoint will use. Unknown names → (FALLBACK_FAMILY, False)."""
    family = _EXACT.get(_key(name))
    if family is None:
        return FALLBACK_FAMILY, False
    return family, True


@lru_cache(maxsize=256)
def metrics_for(name: str, bold: bool = False, italic: bool = False) -> FontMetrics:
    """Metrics of the face measured for ``name`` in the given style (loaded once, then cached)."""
    family, _ = resolve_font(name)
    style = ("bold" if bold else "") + ("italic" if italic else "") or "regular"
    return _load(f"{_FILE_STEMS[family]}-{style}")


_DATA = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=16)
def _load(stem: str) -> FontMetrics:
    # beside this module (package data installed unpacked); importlib.resources would cost every
    # build the import of tempfile, shutil and random
    text = (_DATA / f"{stem}.json").read_text("utf-8")
    raw = json.loads(text)
    widths: dict[int, int] = {}
    for start, run in raw["widths"]:
        for offset, width in enumerate(run):
            widths[start + offset] = width
    return FontMetrics(face=f"{raw['family']} {raw['style']}", units_per_em=raw["unitsPerEm"],
                       ascent=raw["ascent"], descent=raw["descent"], line_gap=raw["lineGap"],
                       win_ascent=raw["winAscent"], win_descent=raw["winDescent"],
                       diacritic_top=raw["diacriticTop"], diacritic_bottom=raw["diacriticBottom"],
                       missing_width=raw["missingWidth"], widths=widths)


def is_missing(ch: str, name: str) -> bool:
    """Whether the measured face for ``name`` lacks a visible character ``ch`` (whitespace and
    control/format characters never count as missing)."""
    if ch.isspace() or unicodedata.category(ch) in _IGNORED_CATEGORIES:
        return False
    return not metrics_for(name).has_glyph(ch)


def missing_glyphs(text: str, name: str) -> list[str]:
    """Distinct characters of ``text`` the measured face for ``name`` has no glyph for, in order of
    first appearance. Text is NFC-normalised first (decomposed "e" + U+0301 is drawn as "é", which
    every face has); whitespace and control/format characters (\\n \\t \\v, ZWJ …) are ignored.
    Combining marks left over after NFC are checked too: PowerPoint substitutes a font for them."""
    metrics = metrics_for(name)
    seen: dict[str, None] = {}
    for ch in unicodedata.normalize("NFC", text):
        if ch.isspace() or unicodedata.category(ch) in _IGNORED_CATEGORIES:
            continue
        if not metrics.has_glyph(ch):
            seen.setdefault(ch, None)
    return list(seen)
