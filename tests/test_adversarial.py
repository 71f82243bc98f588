"""Bad input: one clear error, exit 1, and an existing output file left byte-identical."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from slidegen.__main__ import cli
from slidegen.outline.source import MAX_OUTLINE_BYTES

PREVIOUS = b"previous deck: must survive every failed build"
HEAD = "deck:\n  title: T\nsections:\n  - title: A\n    items:\n      - title: x\n        slides:\n"


def picture_slide(path: str) -> str:
    return HEAD + f"          - image: {{path: '{path}', caption: c}}\n"


def _png(folder: Path, name: str, size=(40, 30), mode="RGB") -> None:
    from PIL import Image

    (folder / "img").mkdir(exist_ok=True)
    Image.new(mode, size).save(folder / "img" / name)


def _bomb(folder: Path) -> None:
    _png(folder, "bomb.png", size=(20000, 20000), mode="1")


def _corrupt(folder: Path) -> None:
    (folder / "img").mkdir(exist_ok=True)
    (folder / "img" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"garbage" * 10)


def _ppm(folder: Path) -> None:
    from PIL import Image

    (folder / "img").mkdir(exist_ok=True)
    Image.new("RGB", (8, 8)).save(folder / "img" / "pic.ppm")


def _symlink_out(folder: Path) -> None:
    (folder / "img").mkdir(exist_ok=True)
    os.symlink("/etc/hostname", folder / "img" / "link.png")


CASES: dict[str, tuple[str | bytes, Callable[[Path], None] | None, str]] = {
    "empty file": ("", None, "o.yaml:1:1: the outline is empty"),
    "comments only": ("# only a comment\n", None, "o.yaml:1:1: the outline is empty"),
    "tab indentation": ("deck:\n\ttitle: T\n", None,
                        "o.yaml:2:1: invalid YAML: a tab character cannot indent YAML; indent with spaces"),
    "alias bomb": ("a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]\n" for i in range(8)),
        None, "expands to more than 100,000 values"),
    "python tag": ("deck: !!python/object/apply:os.system ['echo hi']\n", None,
                   "o.yaml:1:7: YAML tag '!!python/object/apply:os.system' is not allowed"),
    "binary file": (b"\x00\x01\x02\x03deck", None, "o.yaml:1: binary file (NUL byte)"),
    "windows-1258 text": ("deck:\n  title: Vi\u00ea\u0323t Nam\n".encode("cp1258"), None,
                          "o.yaml:2:12: not UTF-8 text (byte 0xea); it looks like Windows-1258 (Vietnamese)"),
    "unknown slide kind": (HEAD + "          - kind: chart\n            bullets: [a]\n", None,
                           "o.yaml:8:19: unknown slide kind 'chart'"),
    "wrong type": (HEAD.replace("title: T", "title: {a: 1}"), None, "o.yaml:2:10: 'title' must be text, not a mapping"),
    "duplicate key": (HEAD.replace("  title: T\n", "  title: T\n  title: U\n"), None,
                      "o.yaml:3:3: duplicate key 'title' (first written on line 2)"),
    "image outside the project": (picture_slide("../../etc/passwd"), None,
                                  "o.yaml:8:27: image '../../etc/passwd' lies outside the project folder"),
    "absolute image path": (picture_slide("/etc/passwd"), None,
                            "o.yaml:8:27: image path '/etc/passwd' is absolute; give a path relative to the outline"),
    "symlink pointing out": (picture_slide("img/link.png"), _symlink_out,
                             "o.yaml:8:27: image 'img/link.png' lies outside the project folder"),
    "missing image": (picture_slide("img/nope.png"), None, "o.yaml:8:27: image not found: 'img/nope.png'"),
    "corrupt image": (picture_slide("img/broken.png"), _corrupt,
                      "o.yaml:8:27: image 'img/broken.png' is not a readable picture"),
    "decompression bomb": (picture_slide("img/bomb.png"), _bomb,
                           "o.yaml:8:27: image 'img/bomb.png' is a decompression bomb (too many pixels); refused"),
    "unsupported image format": (picture_slide("img/pic.ppm"), _ppm,
                                 "o.yaml:8:27: image 'img/pic.ppm' is PPM; use one of BMP, GIF, JPEG, PNG, TIFF"),
    "include loop": ("deck: {title: T}\nsections:\n  - include: o.yaml\n", None, "o.yaml:3:14: include loop: "),
    "sandbox escape": (HEAD.replace("title: x", "title: \"{{ ''.__class__.__mro__[1].__subclasses__() }}\""), None,
                       "o.yaml:6:16: unsafe template expression refused"),
    "undefined variable": (HEAD.replace("title: x", "title: \"{{ nope }}\""), None,
                           "o.yaml:6:16: template error: 'nope' is undefined"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_gives_one_clear_error_and_keeps_the_output(workdir: Path, case: str) -> None:
    content, prepare, expected = CASES[case]
    outline = workdir / "o.yaml"
    outline.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    if prepare:
        prepare(workdir)
    (workdir / "out.pptx").write_bytes(PREVIOUS)
    result = CliRunner().invoke(cli, ["build", "o.yaml", "-o", "out.pptx"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    first = result.output.splitlines()[0]
    assert first.startswith("error: ") and expected in first, result.output
    assert (workdir / "out.pptx").read_bytes() == PREVIOUS
    assert sorted(p.name for p in workdir.iterdir() if p.name.startswith(".out.pptx")) == []


def test_oversized_outline_is_refused(workdir: Path) -> None:
    (workdir / "o.yaml").write_text("# x\n" * (MAX_OUTLINE_BYTES // 4 + 1), encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "o.yaml"])
    assert result.exit_code == 1
    assert result.output.startswith(f"error: o.yaml: outline is {MAX_OUTLINE_BYTES + 4:,} bytes; the limit is")


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


def test_a_500_character_word_is_wrapped_not_overflowing(workdir: Path) -> None:
    word = "Việt" * 125
    (workdir / "o.yaml").write_text(HEAD + f"          - bullets: [\"{word}\"]\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "o.yaml", "--report-json", "r.json"])
    assert result.exit_code == 0, result.output
    report = json.loads((workdir / "r.json").read_text(encoding="utf-8"))
    assert [s["kind"] for s in report["slides"]].count("bullets") >= 1


def test_output_path_under_a_file_is_refused(workdir: Path) -> None:
    (workdir / "o.yaml").write_text(HEAD + "          - bullets: [a]\n", encoding="utf-8")
    (workdir / "afile").write_text("x")
    result = CliRunner().invoke(cli, ["build", "o.yaml", "-o", "afile/deck.pptx"])
    assert result.exit_code == 1
    assert result.output.strip() == "error: cannot create afile/deck.pptx: afile is a file, not a folder"


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
