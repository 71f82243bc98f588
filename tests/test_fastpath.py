"""The fast slide path gives exactly what python-pptx's plain path gives (not timed)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml

from conftest import DECKS, assert_valid_pptx
from slidegen.build import plan_outline
from slidegen.render.deck import render_deck
from slidegen.render.dump import dump_pptx


def _generated(folder: Path, items: int = 45) -> Path:
    words = "hợp tác sở hữu trí tuệ ASEAN Việt Nam chủ tịch cuộc họp trực tuyến kế hoạch".split()
    sentence = lambda n, k: " ".join(words[(n * 7 + i) % len(words)] for i in range(k))  # noqa: E731
    sections = [{"title": sentence(s, 4), "items": [
        {"title": sentence(s * 20 + i, 5),
         "slides": [{"bullets": [sentence(i + b, 8) for b in range(5)], "notes": sentence(i, 12)}]}
        for i in range(15)]} for s in range(items // 15)]
    path = folder / "generated.yaml"
    path.write_text(yaml.safe_dump({"deck": {"title": "Sinh tự động", "date": "2022-03-04", "footer": "Cục"},
                                    "sections": sections}, allow_unicode=True), encoding="utf-8")
    (folder / "pyproject.toml").write_text("")
    return path


@pytest.mark.parametrize("which", ["awgipc", "generated"])
def test_fast_and_plain_paths_are_byte_identical(tmp_path: Path, which: str) -> None:
    outline = DECKS / "awgipc.yaml" if which == "awgipc" else _generated(tmp_path)
    planned = plan_outline(outline)
    outputs = {}
    for fast in (True, False):
        buffer = io.BytesIO()
        render_deck(planned.deck, planned.theme, buffer, fast=fast)
        outputs[fast] = buffer.getvalue()
    plain = tmp_path / "plain.pptx"
    plain.write_bytes(outputs[False])
    assert_valid_pptx(plain)
    assert dump_pptx(io.BytesIO(outputs[True])) == dump_pptx(io.BytesIO(outputs[False]))
    assert outputs[True] == outputs[False]
