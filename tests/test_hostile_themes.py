"""Theme values are bounded: sizes, scales and boxes that are zero, negative, not finite or off the
slide are one located error before anything is written; a logo is held to the limits of any
picture (a 1.5 GB logo is refused from its size, unread)."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from hostile import HEAD, PREVIOUS, assert_one_error, run_cli

THEMED = HEAD.replace("  title: T\n", "  title: T\n  theme: house\n") + "          - bullets: [a]\n"
AT = "themes/house/theme.yaml:4:"

CASES = {
    "zero slide width": ("slide_width: 0", "14: 'slide_width' must be at least 1, not 0"),
    "negative slide width": ("slide_width: -3", "14: 'slide_width' must be at least 1, not -3"),
    "NaN slide width": ("slide_width: .nan", "14: 'slide_width' must be a finite number, not 'nan'"),
    "infinite slide height": ("slide_height: .inf", "15: 'slide_height' must be a finite number, not 'inf'"),
    "slide too large": ("slide_width: 1e6", "14: 'slide_width' must be at most 56, not 1e+06"),
    "zero-width box": ("logo_box: [1, 1, 0, 1]", "11: 'logo_box': a box is [left, top, width, height] with a "
                       "positive width and height, not [1.0, 1.0, 0.0, 1.0]"),
    "NaN in a layout box": ("layouts: {bullets: {body: [.nan, 1, 2, 2]}}",
                            "28: entry 1 must be a finite number, not 'nan'"),
    "box off the slide": ("layouts: {bullets: {body: [1, 1, 20, 2]}}",
                          "27: box [1.0, 1.0, 20.0, 2.0] lies outside the 13.333 × 7.5 in slide"),
    "footer off the slide": ("footer: {number: [13, 7, 1, 1]}",
                             "18: box [13.0, 7.0, 1.0, 1.0] lies outside the 13.333 × 7.5 in slide"),
    "zero text size": ("sizes: {heading: 0}", "18: 'heading' must be more than 0, not 0"),
    "infinite text size": ("sizes: {heading: .inf}", "18: 'heading' must be a finite number, not 'inf'"),
    "huge text size": ("sizes: {heading: 1e9}", "18: 'heading' must be at most 400, not 1e+09"),
    "zero shrink floor": ("fit: {floor: 0}", "14: 'floor' must be more than 0, not 0"),
    "shrink floor above 1": ("fit: {floor: 1.5}", "14: 'floor' must be at most 1, not 1.5"),
    "negative minimum size": ("fit: {min_body_size: -1}", "22: 'min_body_size' must be more than 0, not -1"),
    "empty font name": ("fonts: {major: ''}", "16: 'major' must be a font name of 1 to 31 characters, not ''"),
    "font name too long": ("fonts: {mono: " + "A" * 40 + "}",
                           "15: 'mono' must be a font name of 1 to 31 characters, not '" + "A" * 40 + "'"),
}


def _theme(folder: Path, line: str) -> None:
    (folder / "themes" / "house").mkdir(parents=True, exist_ok=True)
    (folder / "themes" / "house" / "theme.yaml").write_text(
        f"extends: formal\nname: house\ndescription: H\n{line}\n", encoding="utf-8")


@pytest.mark.parametrize("case", CASES)
def test_a_theme_value_out_of_bounds_is_one_located_error(workdir: Path, case: str) -> None:
    line, expected = CASES[case]
    _theme(workdir, line)
    (workdir / "o.yaml").write_text(THEMED, encoding="utf-8")
    (workdir / "o.pptx").write_bytes(PREVIOUS)
    run = run_cli(["build", "o.yaml", "-o", "o.pptx"], workdir)
    assert_one_error(run, AT + expected)
    assert run.seconds < 5


def _png_header(path: Path, size: tuple[int, int]) -> None:
    """A PNG whose header claims ``size`` (the pixels themselves are never stored)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", *size, 8, 2, 0, 0, 0))
                     + chunk(b"IEND", b""))


def _sparse(path: Path, size: int) -> None:
    with open(path, "wb") as handle:
        handle.write(b"\x89PNG\r\n\x1a\n")
        handle.truncate(size)           # a hole: the test machine's disk is not filled


LOGOS = {
    "1.5 GB logo": (lambda p: _sparse(p, 1536 * 1024 * 1024), "logo logo.png is 1536 MB; the limit is 50 MB"),
    "60 MB logo": (lambda p: _sparse(p, 60 * 1024 * 1024), "logo logo.png is 60 MB; the limit is 50 MB"),
    "pixel bomb": (lambda p: _png_header(p, (100_000, 100_000)),
                   "logo logo.png is a decompression bomb (too many pixels); refused"),
    "too many pixels": (lambda p: _png_header(p, (10_000, 9_000)),
                        "logo logo.png has 10000×9000 pixels; the limit is 80,000,000 pixels"),
    "GIF": (lambda p: Image.new("RGB", (40, 10)).save(p, "GIF"), "logo logo.png is GIF; use JPEG or PNG"),
    "not a picture": (lambda p: p.write_text("<svg/>"), "logo logo.png is not a readable picture"),
}


@pytest.mark.parametrize("case", LOGOS)
def test_a_logo_is_held_to_the_limits_of_any_picture(workdir: Path, case: str) -> None:
    make, expected = LOGOS[case]
    _theme(workdir, "logo: logo.png\nlogo_box: [11.0, 0.35, 1.7, 0.6]")
    make(workdir / "themes" / "house" / "logo.png")
    (workdir / "o.yaml").write_text(THEMED, encoding="utf-8")
    run = run_cli(["build", "o.yaml"], workdir)
    assert_one_error(run, f"{AT}7: {expected}")
    assert run.seconds < 5
    assert not (workdir / "build").exists()


def test_an_outline_image_over_the_size_limit_is_refused_unread(workdir: Path) -> None:
    (workdir / "img").mkdir()
    _sparse(workdir / "img" / "big.png", 1536 * 1024 * 1024)
    (workdir / "o.yaml").write_text(HEAD + "          - image: {path: img/big.png}\n", encoding="utf-8")
    run = run_cli(["build", "o.yaml"], workdir)
    assert_one_error(run, "o.yaml:8:27: image 'img/big.png' is 1536 MB; the limit is 50 MB")
    assert run.seconds < 5
    assert os.stat(workdir / "img" / "big.png").st_blocks * 512 < 1024 * 1024   # still a hole: never read in
