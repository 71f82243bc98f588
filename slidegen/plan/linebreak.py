"""Breaking a paragraph into lines, as PowerPoint and LibreOffice do.

Line breaking follows what both applications do for Latin and Vietnamese text:

* lines break after a run of spaces/tabs, and spaces at the end of a line take no room;
* a word may also break after "-", "–" or "/" when letters follow (not "COVID-19", "26/11/2020"
  or "//"); after "–" also before digits ("25–26/11");
* a word wider than a whole line starts a new line and is broken between graphemes; a combining
  mark (NFD input) stays glued to its base letter and never starts a line;
* "\\n", "\\v" (python-pptx writes both as <a:br/>), "\\r\\n" and U+2028 force a line break;
* a tab is measured as four spaces.

Lines are greedy-filled like both renderers do. Where we cannot know the renderer's choice we
err towards more lines and taller lines, so "fits" means fits in PowerPoint *and* LibreOffice.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from ..fonts import metrics_for, resolve_font
from ..records import record

#: Measured widths are multiplied by this. The tables give the exact advances PowerPoint and
#: LibreOffice use, but renderers round positions to device pixels, hint glyphs and (LibreOffice)
#: apply kerning differently; 2 % keeps each of them inside the box a line was measured for.
WIDTH_SAFETY = 1.02
#: Extra width factor for fonts with no metric-compatible table (Verdana, Tahoma, Segoe UI …),
#: which are measured as Liberation Sans: Verdana, the widest common one, runs ~15 % wider.
INEXACT_WIDTH_FACTOR = 1.15
#: PowerPoint's "single" line is 1.2 × the font size for most fonts.
SINGLE_LINE = 1.2
#: Smallest line factor for unknown fonts: Segoe UI's natural line height is 1.33 em.
INEXACT_LINE_FACTOR = 1.33
TAB_SPACES = 4
EPS = 1e-9                          # float slack in break decisions
_FORCED = ("\n", "\v", "\r", "\u2028", "\u2029", "\r\n")
_BREAK_AFTER = ("-", "–", "/", "\u200b")
_NORMAL, _SPACE, BREAK = 0, 1, 2    # grapheme kinds: ordinary, space or tab, forced break


@record
class Span:
    """A run of text in one style; ``font`` sets it in another face than the paragraph's (inline
    code in the monospace font)."""
    text: str
    bold: bool = False
    italic: bool = False
    font: str | None = None


@lru_cache(maxsize=64)
def line_factor(font: str, bold: bool, italic: bool) -> float:
    """Line height per point of font size at single spacing. PowerPoint uses 1.2 for most fonts
    but the font's own ascent+descent+gap when larger (Calibri: 1.22); LibreOffice uses the
    font's line height; stacked Vietnamese diacritics (Ẫ, Ộ) must never reach past a line."""
    m = metrics_for(font, bold, italic)
    upm = m.units_per_em
    floor = SINGLE_LINE if resolve_font(font)[1] else INEXACT_LINE_FACTOR
    return max(floor, (m.ascent + m.descent + m.line_gap) / upm, (m.diacritic_top + m.diacritic_bottom) / upm)


def is_mark(ch: str) -> bool:
    """Characters drawn on the preceding letter: combining marks (NFD accents), enclosing marks,
    variation selectors, ZWJ. They never stand alone at the start of a line."""
    return bool(unicodedata.combining(ch)) or unicodedata.category(ch) in ("Mn", "Me") or ch == "\u200d"


# A grapheme: (text, advance in em incl. safety factors, line factor of its style, kind).
_G = tuple[str, float, float, int]


@lru_cache(maxsize=1024)
def graphemes(spans: tuple[Span, ...], font: str) -> tuple[tuple[_G, ...], float]:
    """The paragraph as graphemes with size-independent widths (cached: shrinking re-lays the
    same paragraph at many sizes), and the tallest line factor of its styles."""
    out: list[_G] = []
    tallest = 0.0
    for span in spans:
        face = span.font or font
        m = metrics_for(face, span.bold, span.italic)
        em = WIDTH_SAFETY * (1.0 if resolve_font(face)[1] else INEXACT_WIDTH_FACTOR) / m.units_per_em
        factor = line_factor(face, span.bold, span.italic)
        tallest = max(tallest, factor)
        for ch in unicodedata.normalize("NFC", span.text):
            prev = out[-1] if out else None
            if ch == "\n" and prev is not None and prev[0] == "\r":
                out[-1] = ("\r\n", 0.0, prev[2], BREAK)
            elif ch in _FORCED:
                out.append((ch, 0.0, factor, BREAK))
            elif ch == "\t":
                out.append((ch, TAB_SPACES * m.advance(" ") * em, factor, _SPACE))
            elif ch == " ":
                out.append((ch, m.advance(ch) * em, factor, _SPACE))
            elif is_mark(ch) and prev is not None and prev[3] != BREAK:
                # Glued to its base (zero width); a mark on a space is visible ink, no break.
                out[-1] = (prev[0] + ch, prev[1], max(prev[2], factor), _NORMAL)
            elif is_mark(ch) or unicodedata.category(ch) in ("Cc", "Cf"):
                out.append((ch, 0.0, factor, _NORMAL))  # invisible or nothing to attach to
            else:
                out.append((ch, m.advance(ch) * em, factor, _NORMAL))
    return tuple(out), tallest or line_factor(font, False, False)


def _break_after(g: _G, prev: _G | None, nxt: _G) -> bool:
    """Whether a line may break between ``g`` and ``nxt`` (``nxt`` exists)."""
    if g[3] == _SPACE:
        return nxt[3] != _SPACE
    if g[0] not in _BREAK_AFTER or prev is None or prev[3] != _NORMAL or nxt[3] != _NORMAL:
        return False
    if nxt[0][0] in _BREAK_AFTER:
        return False  # "--", "://": no break inside a run of dashes or slashes
    # "COVID-19", "-5"; and numbers written with slashes stay whole ("26/11/2020"), as UAX #14
    # keeps numeric sequences together (LibreOffice follows it).
    return not (g[0] in "-/" and nxt[0][0].isdigit())


def _segments(gs: Sequence[_G]) -> list[list[_G]]:
    """Unbreakable chunks: a word with its trailing spaces, or a piece ending in a hyphen or
    slash; a forced break stands alone."""
    segments: list[list[_G]] = []
    current: list[_G] = []
    for i, g in enumerate(gs):
        if g[3] == BREAK:
            if current:
                segments.append(current)
            segments.append([g])
            current = []
            continue
        current.append(g)
        if i + 1 < len(gs) and gs[i + 1][3] != BREAK and _break_after(g, gs[i - 1] if i else None, gs[i + 1]):
            segments.append(current)
            current = []
    if current:
        segments.append(current)
    return segments


def trimmed_width(chunk: Sequence[_G]) -> float:
    """Width in em of ``chunk`` without its trailing spaces / forced break."""
    end = len(chunk)
    while end and chunk[end - 1][3] != _NORMAL:
        end -= 1
    return sum(g[1] for g in chunk[:end])


def fill(gs: Sequence[_G], size: float, first_room: float, room: float) -> list[list[_G]]:
    """Greedy line filling in points."""
    lines: list[list[_G]] = [[]]
    full = trimmed = 0.0            # width of the current line with / without trailing spaces

    def new_line() -> None:
        nonlocal full, trimmed
        lines.append([])
        full = trimmed = 0.0

    for seg in _segments(gs):
        if seg[0][3] == BREAK:
            lines[-1].append(seg[0])
            new_line()
            continue
        seg_full, seg_trim = sum(g[1] for g in seg) * size, trimmed_width(seg) * size
        inked = any(g[3] == _NORMAL for g in seg)
        after = full + seg_trim if inked else trimmed
        limit = first_room if len(lines) == 1 else room
        if after <= limit + EPS or not inked:
            lines[-1].extend(seg)
            full, trimmed = full + seg_full, after
            continue
        if lines[-1]:
            new_line()
            if seg_trim <= room + EPS:
                lines[-1].extend(seg)
                full, trimmed = seg_full, seg_trim
                continue
        # Wider than a whole line: break between graphemes (PowerPoint does the same).
        for g in seg:
            width = g[1] * size
            if g[3] == _NORMAL:
                limit = first_room if len(lines) == 1 else room
                if lines[-1] and full + width > limit + EPS:
                    new_line()
                trimmed = full + width
            lines[-1].append(g)
            full += width
    return lines


@lru_cache(maxsize=1 << 15)
def word_em(font: str, bold: bool, italic: bool, word: str) -> float | None:
    """A space-free word's width in em (with the same factors as :func:`graphemes`), or None
    when it holds anything the quick path does not handle (breaks, tabs, marks, controls)."""
    m = metrics_for(font, bold, italic)
    em = WIDTH_SAFETY * (1.0 if resolve_font(font)[1] else INEXACT_WIDTH_FACTOR) / m.units_per_em
    total = 0
    for ch in word:
        if ch in _FORCED or ch == "\t" or is_mark(ch) or unicodedata.category(ch) in ("Cc", "Cf"):
            return None
        total += m.advance(ch)
    return total * em


def clear_caches() -> None:
    graphemes.cache_clear()
    word_em.cache_clear()
