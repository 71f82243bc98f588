"""Hard input that must still build: byte-order marks, control characters, over-long words; manifests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import requires_libreoffice
from geometry import assert_text_inside
from slidegen.__main__ import cli

HEAD = "deck:\n  title: T\nsections:\n  - title: A\n    items:\n      - title: x\n        slides:\n"


def test_bom_is_accepted(workdir: Path) -> None:
    (workdir / "o.yaml").write_bytes(b"\xef\xbb\xbf" + (HEAD + "          - bullets: [a]\n").encode())
    assert CliRunner().invoke(cli, ["build", "o.yaml"]).exit_code == 0


def test_control_characters_are_removed_with_a_warning(workdir: Path) -> None:
    (workdir / "o.yaml").write_bytes((HEAD + "          - bullets: [\"dòng\x0bmột\", \"hai\x07\"]\n").encode())
    result = CliRunner().invoke(cli, ["build", "o.yaml"])
    assert result.exit_code == 0, result.output
    assert "warning: o.yaml:8:28: removed 2 control character(s) (U+000B …) that a .pptx cannot hold" in result.output
    from slidegen.render.dump import dump_pptx
    assert "dòngmột" in dump_pptx(workdir / "build" / "o.pptx")



# Keys whose values are names, not author text: a poisoned value would be refused, not cleaned.
_NAMES = {"theme", "language", "languages", "layout", "type", "date", "path", "template", "format",
          "number_format", "direction", "align", "lang", "style", "axis", "legend", "labels"}
_POISON = "\x0b\x01\ufffe\ud800"


def _poison(value: object) -> object:
    if isinstance(value, dict):
        return {k: v if k in _NAMES else _poison(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_poison(v) for v in value]
    return value + _POISON if isinstance(value, str) else value


def test_every_text_of_every_kind_is_cleaned_whatever_its_route(workdir: Path) -> None:
    """Data from Python skips the file reader's cleaning: every string of every kind (titles,
    cells, captions, labels, code, notes, metadata, sources) carries characters XML cannot hold,
    and the deck is still valid, holds none of them, and says so once per string."""
    import io
    import zipfile

    import yaml

    import slidegen
    from conftest import assert_valid_pptx
    from slidegen.outline.starter import create_starter

    data = yaml.safe_load(create_starter("every-kind", workdir / "decks").read_text(encoding="utf-8"))
    poisoned = _poison(data)
    assert isinstance(poisoned, dict)
    poisoned["deck"]["sources"] = {"1": "Nguồn\x0b\x02 một"}
    poisoned["sections"][0]["items"][0]["slides"][0]["sources"] = [1]
    deck = slidegen.plan(poisoned)
    blob = deck.to_bytes()
    assert_valid_pptx(io.BytesIO(blob))
    def xml_parts(data: bytes, prefix: str = ""):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for name in archive.namelist():
                part = archive.read(name)
                if name.endswith(".xlsx"):          # a chart's workbook: its sheets hold the labels too
                    yield from xml_parts(part, f"{name}!")
                elif name.endswith((".xml", ".rels")):
                    yield prefix + name, part

    checked = 0
    for name, part in xml_parts(blob):
        checked += 1
        for bad in ("\x0b", "\x01", "\x02", "\ufffe"):
            assert bad.encode() not in part, f"{bad!r} in {name}"
    assert checked > 50
    removed = [w for w in deck.warnings if "control character" in w.message]
    where = {str(w.location) for w in removed}
    assert len(removed) > 40 and {"deck.title", "deck.organisation", "deck.sources.1"} <= where, where
    assert "Nguồn một" in "\n".join(s.notes for s in deck.slides)

@requires_libreoffice
def test_a_500_character_word_is_wrapped_not_overflowing(workdir: Path) -> None:
    """A word longer than a line is broken between letters; LibreOffice draws every piece inside
    the body box, and the word is all there."""
    word = "Việt" * 125
    (workdir / "o.yaml").write_text(HEAD + f"          - bullets: [\"{word}\"]\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "o.yaml"])
    assert result.exit_code == 0, result.output
    deck = workdir / "build" / "o.pptx"
    from slidegen.preview import convert_to_pdf

    pdf = convert_to_pdf(deck, workdir / "pdf")
    assert assert_text_inside(deck, pdf, minimum_lines=5)
    from pptx_facts import slides

    assert any(word in "".join(s.texts) for s in slides(deck))





def test_manifest_lists_inputs_and_output_hashes(workdir: Path) -> None:
    import hashlib

    (workdir / "data").mkdir()
    (workdir / "data" / "m.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (workdir / "o.yaml").write_text("data: {m: data/m.csv}\n" + HEAD +
                                    "          - table: {header: [a, b], rows: \"{{ m | rows('a', 'b') }}\"}\n",
                                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "o.yaml", "--manifest", "manifest.json"])
    assert result.exit_code == 0, result.output
    manifest = json.loads((workdir / "manifest.json").read_text(encoding="utf-8"))
    paths = [i["path"] for i in manifest["inputs"]]
    assert paths[:2] == ["o.yaml", "data/m.csv"] and paths[2].endswith("formal/theme.yaml")
    out = workdir / "build" / "o.pptx"
    assert manifest["output"] == {"path": "build/o.pptx", "sha256": hashlib.sha256(out.read_bytes()).hexdigest(),
                                  "slides": 5}
