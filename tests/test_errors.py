"""Every way an author, a careless user or a hostile file can go wrong: one table.

Each case writes its files into a fresh project, runs the real command line, and asserts the
exit status (1: the user's input, 2: the command's usage), the exact error lines (file:line:col,
key, what would be valid), that no traceback is printed, and that no file in the project —
an existing deck above all — was changed or left behind half-written.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from slidegen.__main__ import cli
from slidegen.outline.source import MAX_OUTLINE_BYTES

PREVIOUS = b"previous deck: must survive every failed build"
HEAD = "deck:\n  title: T\nsections:\n  - title: A\n    items:\n      - title: x\n        slides:\n"
KINDS = "bullets, columns, table, image, photos, timeline, figures, quote, code, chart"
BUILD = ("build", "o.yaml", "-o", "out.pptx")


def slide(line: str) -> str:
    return HEAD + f"          - {line}\n"


def picture(path: str) -> str:
    return slide(f"image: {{path: '{path}', caption: c}}")


def _png(folder: Path, name: str, size: tuple[int, int] = (40, 30), mode: str = "RGB") -> None:
    from PIL import Image

    (folder / "img").mkdir(exist_ok=True)
    Image.new(mode, size).save(folder / "img" / name)


def _symlink_out(folder: Path) -> None:
    (folder / "img").mkdir(exist_ok=True)
    os.symlink("/etc/hostname", folder / "img" / "link.png")


@dataclass(frozen=True)
class Case:
    files: dict[str, str | bytes]
    errors: list[str]                      # the exact error lines (prefix, with ``prefix=True``)
    args: tuple[str, ...] = BUILD
    status: int = 1
    prefix: bool = False
    prepare: Callable[[Path], None] | None = None
    extra: dict[str, str] = field(default_factory=dict)


def outline(text: str | bytes, *errors: str, **kw: object) -> Case:
    return Case({"o.yaml": text}, list(errors), **kw)  # type: ignore[arg-type]


CASES: dict[str, Case] = {
    # --- reading the file ---------------------------------------------------------------------
    "empty file": outline("", "o.yaml:1:1: the outline is empty; it needs 'deck:' and 'sections:' (see `slidegen new` "
                              "for a starter)"),
    "comments only": outline("# nothing here\n# yet\n", "o.yaml:1:1: the outline is empty; it needs 'deck:' and "
                             "'sections:' (see `slidegen new` for a starter)"),
    "not a mapping": outline("- a\n- b\n", "o.yaml:1:1: the outline must be a mapping with 'deck:' and 'sections:', "
                             "not a list"),
    "binary file": outline(b"\x00\x01\x02\x03deck", "o.yaml:1: binary file (NUL byte); an outline is UTF-8 YAML text"),
    "windows-1258 text": outline("deck:\n  title: Vi\u00ea\u0323t Nam\n".encode("cp1258"),
                                 "o.yaml:2:12: not UTF-8 text (byte 0xea); it looks like Windows-1258 (Vietnamese); "
                                 "save the file as UTF-8"),
    "oversized outline": outline("# x\n" * (MAX_OUTLINE_BYTES // 4 + 1),
                                 f"o.yaml: outline is {MAX_OUTLINE_BYTES + 4:,} bytes; the limit is "
                                 f"{MAX_OUTLINE_BYTES:,} bytes"),
    "missing outline": Case({}, ["file not found: nope.yaml"], args=("build", "nope.yaml", "-o", "out.pptx")),
    # --- YAML ---------------------------------------------------------------------------------
    "bad YAML": outline("deck:\n  title: [unclosed\nsections: []\n", "o.yaml:3:9: invalid YAML: did not find "
                        "expected ',' or ']' while parsing a flow sequence", prefix=True),
    "tab indentation": outline("deck:\n\ttitle: T\n", "o.yaml:2:1: invalid YAML: a tab character cannot indent YAML; "
                               "indent with spaces"),
    "duplicate key": outline("deck:\n  title: T\n  title: U\nsections:\n  - title: A\n    items: [{title: x}]\n",
                             "o.yaml:3:3: duplicate key 'title' (first written on line 2)"),
    "python tag": outline("deck: !!python/object/apply:os.system ['echo hi']\n",
                          "o.yaml:1:7: YAML tag '!!python/object/apply:os.system' is not allowed; an outline holds "
                          "plain text, numbers, lists and mappings"),
    "alias bomb": outline("a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]\n" for i in range(8)),
        "o.yaml:", prefix=True),
    "merge of a list": outline("base: &b [1]\ndeck:\n  <<: *b\n  title: T\nsections: []\n",
                               "o.yaml:3:3: '<<' merges mappings only (an alias of a mapping, or a list of them)"),
    # --- the model ----------------------------------------------------------------------------
    "unknown key with suggestion": outline(slide("bulets: [x]"),
                                           "o.yaml:8:13: unknown key 'bulets' in slide; did you mean 'bullets'?"),
    "unknown deck key": outline("deck:\n  title: T\n  langage: vi-VN\nsections: []\n",
                                "o.yaml:3:3: unknown key 'langage' in deck; did you mean 'language'?",
                                "o.yaml:4:11: 'sections' needs at least 1 entry"),
    "unknown slide kind": outline(slide("kind: graph\n            bullets: [x]"),
                                  f"o.yaml:8:19: unknown slide kind 'graph'; valid kinds: {KINDS}"),
    "slide without content": outline(slide("notes: only notes"), f"o.yaml:8:13: a slide needs one content key: {KINDS}"),
    "missing deck title": outline("deck:\n  subtitle: S\nsections:\n  - title: A\n    items: [{title: x}]\n",
                                  "o.yaml:2:3: missing required key 'title' in deck"),
    "wrong type": outline("deck:\n  title: [a, b]\nsections:\n  - title: A\n    items: [{title: x}]\n",
                          "o.yaml:2:10: 'title' must be text, not a list"),
    "mapping for text": outline(HEAD.replace("title: T", "title: {a: 1}") + "          - bullets: [a]\n",
                                "o.yaml:2:10: 'title' must be text, not a mapping"),
    "sections not a list": outline("deck: {title: x}\nsections: 3\n", "o.yaml:2:11: 'sections' must be a list, not '3'"),
    "bad date": outline("deck:\n  title: T\n  date: 04/03/2022\nsections:\n  - title: A\n    items: [{title: x}]\n",
                        "o.yaml:3:9: 'date' must be a date written YYYY-MM-DD, e.g. 2022-03-04, not '04/03/2022'"),
    "empty section": outline("deck:\n  title: T\nsections:\n  - title: A\n    items: []\n",
                             "o.yaml:5:12: empty section: 'items' needs at least 1 item"),
    "colon inside a bullet": outline(slide("bullets:\n              - 25/3/2021: ông Trần Lê Hồng"),
                                     "o.yaml:9:17: missing required key 'text' in bullet",
                                     "o.yaml:9:17: unknown key '25/3/2021' in bullet; a ': ' inside bullet text makes "
                                     "YAML read a mapping — put the bullet in quotes"),
    "misspelt nested key": outline(slide("bullets:\n              - text: a\n                childs: [b]"),
                                   "o.yaml:10:17: unknown key 'childs' in bullet; did you mean 'children'?"),
    "bad language tag": outline("deck:\n  title: T\n  language: vietnamese\nsections:\n  - title: A\n"
                                "    items: [{title: x}]\n",
                                "o.yaml:3:13: 'language' must be a BCP 47 tag such as vi-VN or en-US, not 'vietnamese'"),
    "two columns required": outline(slide("columns:\n              - bullets: [a]"),
                                    "o.yaml:9:15: 'columns' needs at least 2 entries"),
    "table row too long": outline(slide("table: {header: [a], rows: [[1, 2]]}"),
                                  "o.yaml:8:41: row 1 has 2 cells but the header has 1"),
    "table widths": outline(slide("table: {header: [a, b], rows: [[1, 2]], widths: [1]}"),
                            "o.yaml:8:61: 'widths' needs 2 positive numbers, one per column"),
    "table width not finite": outline(slide("table: {header: [a, b], rows: [[1, 2]], widths: [1, .nan]}"),
                                      "o.yaml:8:65: entry 2 must be a finite number, not 'nan'"),
    "unknown chart type": outline(slide("chart: {type: colum, categories: [a], series: [{name: S, values: [1]}]}"),
                                  "o.yaml:8:27: 'type' must be one of column, bar, line, pie, doughnut, area, scatter, "
                                  "combo, not 'colum'; did you mean 'column'?"),
    "chart series length": outline(slide("chart: {categories: [a, b], series: [{name: S, values: [1]}]}"),
                                   "o.yaml:8:68: series 'S' has 1 values for 2 categories"),
    "chart value not a number": outline(slide("chart: {categories: [a], series: [{name: S, values: [nhiều]}]}"),
                                        "o.yaml:8:66: entry 1 must be a number, not 'nhiều'"),
    "pie of two series": outline(slide("chart: {type: pie, categories: [a], series: [{name: S, values: [1]}, "
                                       "{name: T, values: [2]}]}"),
                                 "o.yaml:8:57: a pie chart shows one series; use a doughnut or a column chart for several"),
    # --- layouts named in the outline -----------------------------------------------------------
    "misspelt layout kind": outline("deck:\n  title: T\n  layouts: {bulets: Title and Content}\nsections:\n"
                                    "  - title: A\n    items: [{title: x}]\n",
                                    "o.yaml:3:13: deck.layouts: bulets: not a slide kind's layout; did you mean "
                                    "'bullets'? layouts: title, agenda, section, bullets, columns, comparison, table, "
                                    "image, timeline, figures, quote, code, chart, closing"),
    "missing layout": outline("deck:\n  title: T\n  layouts: {bullets: Nội dung chính}\nsections:\n"
                              "  - title: A\n    items: [{title: x}]\n",
                              "o.yaml:3:13: deck.layouts: bullets: the template has no layout named 'Nội dung chính'; "
                              "its layouts: 'Title Slide', 'Agenda'", prefix=True),
    # --- pictures -----------------------------------------------------------------------------
    "image outside the project": outline(picture("../../etc/passwd"),
                                         "o.yaml:8:27: image '../../etc/passwd' lies outside the project folder",
                                         prefix=True),
    "absolute image path": outline(picture("/etc/passwd"), "o.yaml:8:27: image path '/etc/passwd' is absolute; give a "
                                   "path relative to the outline (or to the theme that names it)"),
    "symlink pointing out": outline(picture("img/link.png"), "o.yaml:8:27: image 'img/link.png' lies outside the "
                                    "project folder", prefix=True, prepare=_symlink_out),
    "missing image": outline(picture("img/nope.png"), "o.yaml:8:27: image not found: 'img/nope.png'", prefix=True),
    "corrupt image": Case({"o.yaml": picture("img/broken.png"), "img/broken.png": b"\x89PNG\r\n\x1a\n" + b"junk" * 10},
                          ["o.yaml:8:27: image 'img/broken.png' is not a readable picture"], prefix=True),
    "decompression bomb": outline(picture("img/bomb.png"), "o.yaml:8:27: image 'img/bomb.png' is a decompression bomb "
                                  "(too many pixels); refused", prepare=lambda f: _png(f, "bomb.png", (20000, 20000), "1")),
    "unsupported image format": outline(picture("img/pic.ppm"), "o.yaml:8:27: image 'img/pic.ppm' is PPM; use one of "
                                        "BMP, GIF, JPEG, PNG, TIFF", prepare=lambda f: _ppm(f)),
    # --- includes, templates, data -------------------------------------------------------------
    "include loop": outline("deck: {title: T}\nsections:\n  - include: o.yaml\n", "o.yaml:3:14: include loop: ",
                            prefix=True),
    "include outside": outline("deck: {title: T}\nsections:\n  - include: ../x.yaml\n",
                               "o.yaml:3:14: include '../x.yaml' lies outside the project folder", prefix=True),
    "include too deep": Case({"o.yaml": "deck: {title: T}\nsections:\n  - include: p0.yaml\n",
                              **{f"p{n}.yaml": f"- include: p{n + 1}.yaml\n" for n in range(20)}},
                             ["p15.yaml:1:12: includes nested deeper than 16 files"]),
    "sandbox escape": outline(HEAD.replace("title: x", "title: \"{{ ''.__class__.__mro__[1].__subclasses__() }}\""),
                              "o.yaml:6:16: unsafe template expression refused", prefix=True),
    "undefined variable": outline(HEAD.replace("title: x", "title: \"{{ nope }}\""),
                                  "o.yaml:6:16: template error: 'nope' is undefined; define it under 'vars:', with --var "
                                  "or with --data"),
    "data file missing": outline("data: {m: data/m.csv}\n" + slide("bullets: [a]"),
                                 "o.yaml:1:11: data file not found: 'data/m.csv'"),
    "data file outside": outline("data: {m: ../m.csv}\n" + slide("bullets: [a]"),
                                 "o.yaml:1:11: data file '../m.csv' lies outside the project folder", prefix=True),
    "data file type": Case({"o.yaml": "data: {m: m.txt}\n" + slide("bullets: [a]"), "m.txt": "x"},
                           ["o.yaml:1:11: data file 'm.txt' must be .csv, .yaml, .yml, .json"]),
    "bad JSON data": Case({"o.yaml": "data: {m: m.json}\n" + slide("bullets: [a]"), "m.json": "{\n  \"a\": [1,\n}"},
                          ["m.json:3:1: invalid JSON: Expecting value"]),
    # --- options and outputs ---------------------------------------------------------------------
    "output is a directory": Case({"o.yaml": slide("bullets: [a]"), "out/keep": ""}, ["output path out is a "
                                  "directory; give a file name such as out/deck.pptx"], args=("build", "o.yaml", "-o", "out")),
    "output under a file": Case({"o.yaml": slide("bullets: [a]"), "afile": "x"},
                                ["cannot create afile/deck.pptx: afile is a file, not a folder"],
                                args=("build", "o.yaml", "-o", "afile/deck.pptx")),
    "report under a file": Case({"o.yaml": slide("bullets: [a]"), "afile": "x"},
                                ["cannot create afile/r.json: afile is a file, not a folder"],
                                args=(*BUILD, "--report-json", "afile/r.json")),
    "output is the template": Case({"o.yaml": slide("bullets: [a]")}, ["out.pptx is one of the deck's inputs; writing "
                                   "it would destroy it — choose another output file"],
                                   args=(*BUILD, "--template", "out.pptx"), prepare=lambda f: _template(f / "out.pptx")),
    "report is the outline": Case({"o.yaml": slide("bullets: [a]")}, ["o.yaml is one of the deck's inputs; writing it "
                                  "would destroy it — choose another output file"], args=(*BUILD, "--report-json", "o.yaml")),
    "unknown theme": Case({"o.yaml": slide("bullets: [a]")}, ["unknown theme 'nope'; built-in themes: dark, formal, "
                          "minimal (or give a folder that holds theme.yaml)"], args=(*BUILD, "--theme", "nope")),
    "var without value": Case({"o.yaml": slide("bullets: [a]")}, ["Invalid value for '--var': takes key=value with a "
                              "simple name as key, not 'year'"], args=(*BUILD, "--var", "year"), status=2),
    "layout without name": Case({}, ["Invalid value for '--layout': takes KIND=NAME, e.g. bullets=\"Nội dung chính\", "
                                "not 'bullets'"], args=("template", "check", "--theme", "formal", "--layout", "bullets"),
                                status=2),
}


def _ppm(folder: Path) -> None:
    from PIL import Image

    (folder / "img").mkdir(exist_ok=True)
    Image.new("RGB", (8, 8)).save(folder / "img" / "pic.ppm")


def _template(path: Path) -> None:
    from pptx import Presentation

    Presentation().save(str(path))


def _snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


@pytest.mark.parametrize("name", sorted(CASES))
def test_error_case(workdir: Path, name: str) -> None:
    case = CASES[name]
    for relative, content in case.files.items():
        path = workdir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    if case.prepare:
        case.prepare(workdir)
    if not (workdir / "out.pptx").exists():
        (workdir / "out.pptx").write_bytes(PREVIOUS)
    before = _snapshot(workdir)
    result = CliRunner().invoke(cli, list(case.args))
    assert result.exit_code == case.status, result.output
    assert "Traceback" not in result.output
    if case.status == 1:
        lines = [line.removeprefix("error: ") for line in result.output.strip().splitlines()]
        assert all(line != result.output for line in lines) or not lines
        if case.prefix:
            assert len(lines) == len(case.errors), result.output
            for line, expected in zip(lines, case.errors):
                assert line.startswith(expected), result.output
        else:
            assert lines == case.errors, result.output
    else:
        shown = " ".join(result.output.split())
        assert all(" ".join(e.split()) in shown for e in case.errors), result.output
    assert _snapshot(workdir) == before, "a file of the project changed"


def test_all_errors_of_a_file_are_reported_in_one_run(workdir: Path) -> None:
    (workdir / "o.yaml").write_text(
        "deck:\n  title: T\n  colour: red\nsections:\n  - title: A\n    items:\n      - title: x\n"
        "        slides:\n          - bulets: [a]\n          - table: {header: [a], rows: [[1]], widht: 2}\n",
        encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "o.yaml"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "error: o.yaml:3:3: unknown key 'colour' in deck; valid keys: agenda, author, closing, date, footer, language, "
        "languages, layouts, organisation, show_date, slide_numbers, sources, subtitle, template, theme, title",
        "error: o.yaml:9:13: unknown key 'bulets' in slide; did you mean 'bullets'?",
        "error: o.yaml:10:47: unknown key 'widht' in table; did you mean 'widths'?"]
