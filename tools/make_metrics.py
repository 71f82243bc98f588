"""Derive the width tables slidegen measures text with from metric-compatible open fonts.

Run on a machine with Debian's fonts-liberation2 and fonts-crosextra-carlito:

    python tools/make_metrics.py

It writes slidegen/fonts/data/<face>.json: vertical metrics, the advance width of every character
the font maps, and how far Vietnamese letters with stacked diacritics reach. The output is
deterministic, so rerunning it gives identical files.
"""

from __future__ import annotations

import json
from pathlib import Path

from fontTools.ttLib import TTFont

OUT = Path(__file__).resolve().parents[1] / "slidegen" / "fonts" / "data"
LIBERATION = Path("/usr/share/fonts/truetype/liberation2")
CARLITO = Path("/usr/share/fonts/truetype/crosextra")
FACES = {
    "liberation-sans": (LIBERATION, "LiberationSans"),
    "liberation-serif": (LIBERATION, "LiberationSerif"),
    "carlito": (CARLITO, "Carlito"),
}
STYLES = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bolditalic": "BoldItalic"}

# The precomposed letters of Vietnamese: Latin-1/Extended-A/B ones and U+1EA0–U+1EF9.
VIETNAMESE = ("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư"
              + "".join(chr(c) for c in range(0x1EA0, 0x1EFA)))


def runs(widths: dict[int, int]) -> list[list[object]]:
    """Consecutive code points as [start, [w, w, …]] runs: compact and easy to load."""
    out: list[list[object]] = []
    for cp in sorted(widths):
        if out and out[-1][0] + len(out[-1][1]) == cp:
            out[-1][1].append(widths[cp])
        else:
            out.append([cp, [widths[cp]]])
    return out


def face_table(path: Path) -> dict[str, object]:
    font = TTFont(path)
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]
    glyf = font["glyf"] if "glyf" in font else None
    widths = {cp: hmtx[name][0] for cp, name in cmap.items() if cp < 0x30000}
    top = bottom = 0
    for ch in VIETNAMESE:
        name = cmap.get(ord(ch))
        if name and glyf is not None:
            glyph = glyf[name]
            glyph.recalcBounds(glyf) if hasattr(glyph, "recalcBounds") else None
            if getattr(glyph, "numberOfContours", 0):
                top = max(top, glyph.yMax)
                bottom = min(bottom, glyph.yMin)
    hhea, os2 = font["hhea"], font["OS/2"]
    names = font["name"]
    return {
        "family": names.getDebugName(1),
        "style": names.getDebugName(2),
        "copyright": names.getDebugName(0),
        "unitsPerEm": font["head"].unitsPerEm,
        "ascent": hhea.ascent, "descent": -hhea.descent, "lineGap": hhea.lineGap,
        "winAscent": os2.usWinAscent, "winDescent": os2.usWinDescent,
        "typoAscent": os2.sTypoAscender, "typoDescent": -os2.sTypoDescender, "typoLineGap": os2.sTypoLineGap,
        "diacriticTop": top, "diacriticBottom": -bottom,
        "missingWidth": hmtx[".notdef"][0],
        "widths": runs(widths),
    }


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    notices = []
    for key, (folder, stem) in FACES.items():
        for style, suffix in STYLES.items():
            table = face_table(folder / f"{stem}-{suffix}.ttf")
            (OUT / f"{key}-{style}.json").write_text(json.dumps(table, sort_keys=True, separators=(",", ":")))
            if style == "regular":
                notices.append(f"- {table['family']}: {table['copyright']}")
    (OUT / "LICENSE-fonts.txt").write_text(
        "The width tables in this folder are derived (advance widths and vertical metrics only) from\n"
        "Liberation Fonts 2.x and Carlito, both under the SIL Open Font License 1.1\n"
        "(https://openfontlicense.org):\n\n" + "\n".join(notices) + "\n")


if __name__ == "__main__":
    main()
