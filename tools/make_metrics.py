"""Derive the width tables slidegen measures text with from metric-compatible open fonts.

Run on a machine with Debian's fonts-liberation2 and fonts-crosextra-carlito:

    python tools/make_metrics.py

It writes slidegen/fonts/data/<family>-<style>.json (16 faces): vertical metrics, the advance
width of every character the font maps, and how far Vietnamese letters with stacked diacritics
reach above and below the baseline, plus LICENSE-fonts.txt. Output is deterministic (sorted keys,
no timestamps), so rerunning it on the same fonts gives byte-identical files.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTFont

OUT = Path(__file__).resolve().parents[1] / "slidegen" / "fonts" / "data"
LIBERATION = Path("/usr/share/fonts/truetype/liberation2")
CARLITO = Path("/usr/share/fonts/truetype/crosextra")
FACES = {
    "liberation-sans": (LIBERATION, "LiberationSans"),
    "liberation-serif": (LIBERATION, "LiberationSerif"),
    "liberation-mono": (LIBERATION, "LiberationMono"),
    "carlito": (CARLITO, "Carlito"),
}
STYLES = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bolditalic": "BoldItalic"}

# The 134 precomposed letters of Vietnamese: 44 from Latin-1/Extended-A/B, 90 in U+1EA0–U+1EF9.
VIETNAMESE = ("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư"
              + "".join(chr(c) for c in range(0x1EA0, 0x1EFA)))
assert len(VIETNAMESE) == 134 and len(set(VIETNAMESE)) == 134


def runs(widths: dict[int, int]) -> list[list[object]]:
    """Consecutive code points as [start, [w, w, …]] runs: compact (~12 KB a face), easy to load."""
    out: list[list[object]] = []
    for cp in sorted(widths):
        last = out[-1] if out else None
        if last is not None and last[0] + len(last[1]) == cp:  # type: ignore[operator, arg-type]
            last[1].append(widths[cp])  # type: ignore[union-attr]
        else:
            out.append([cp, [widths[cp]]])
    return out


def diacritic_extent(font: TTFont) -> tuple[int, int]:
    """(max yMax, min yMin) over the outlines of the Vietnamese letters. Measured with a pen on
    the drawn outline so composite glyphs (base + stacked marks) are resolved exactly."""
    cmap, glyphs = font.getBestCmap(), font.getGlyphSet()
    top = bottom = 0
    for ch in VIETNAMESE:
        name = cmap.get(ord(ch))
        if name is None:
            raise SystemExit(f"{font.reader.file.name}: no glyph for {ch} (U+{ord(ch):04X})")
        pen = BoundsPen(glyphs)
        glyphs[name].draw(pen)
        if pen.bounds is not None:
            top, bottom = max(top, round(pen.bounds[3])), min(bottom, round(pen.bounds[1]))
    return top, bottom


def face_table(path: Path) -> dict[str, object]:
    font = TTFont(path)
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    # Plane 0–2 only: nothing a slide uses lives beyond, and it keeps the tables small.
    widths = {cp: hmtx[name][0] for cp, name in cmap.items() if cp < 0x30000}
    top, bottom = diacritic_extent(font)
    hhea, os2, names = font["hhea"], font["OS/2"], font["name"]
    return {
        "family": names.getDebugName(1),
        "style": names.getDebugName(2),
        "version": names.getDebugName(5),
        "copyright": names.getDebugName(0),
        "unitsPerEm": font["head"].unitsPerEm,
        # Descents are stored as positive distances below the baseline.
        "ascent": hhea.ascent, "descent": -hhea.descent, "lineGap": hhea.lineGap,
        "winAscent": os2.usWinAscent, "winDescent": os2.usWinDescent,
        "typoAscent": os2.sTypoAscender, "typoDescent": -os2.sTypoDescender, "typoLineGap": os2.sTypoLineGap,
        "diacriticTop": top, "diacriticBottom": -bottom,
        "missingWidth": hmtx[".notdef"][0],
        "widths": runs(widths),
    }


def main() -> None:
    logging.getLogger("fontTools").setLevel(logging.ERROR)  # "created timestamp seems very low"
    OUT.mkdir(parents=True, exist_ok=True)
    notices: dict[str, list[str]] = {}
    for key, (folder, stem) in FACES.items():
        for style, suffix in STYLES.items():
            table = face_table(folder / f"{stem}-{suffix}.ttf")
            text = json.dumps(table, sort_keys=True, separators=(",", ":"), ensure_ascii=True) + "\n"
            (OUT / f"{key}-{style}.json").write_text(text, encoding="utf-8")
            lines = [ln.strip() for ln in str(table["copyright"]).splitlines() if ln.strip()]
            for line in lines:
                # The version string's first field ("Version 2.1.5"); Carlito appends build notes.
                label = f"{table['family']} {str(table['version']).split(';')[0]}"
                if label not in notices.setdefault(line, []):
                    notices[line].append(label)
    body = "\n".join(f"- {line} [{', '.join(faces)}]" for line, faces in notices.items())
    (OUT / "LICENSE-fonts.txt").write_text(
        "The JSON tables in this folder are derived from Liberation Fonts 2.x (Liberation Sans,\n"
        "Liberation Serif) and Carlito by tools/make_metrics.py. They hold only advance widths,\n"
        "vertical metrics and glyph extents, no outlines. Both font families are licensed under the\n"
        "SIL Open Font License, Version 1.1 (https://openfontlicense.org). Copyright notices from the\n"
        "fonts' name tables:\n\n" + body + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
