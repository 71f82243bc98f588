"""Data files: inside the project (the current folder is no exception), every format's errors one
located line, rows and size bounded at load, and a max-size table planned in bounded time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hostile import HEAD, assert_one_error, peak_memory_of, run_cli

TABLE = "          - table: {header: [a, b], rows: \"{{ m | rows('a', 'b') }}\"}\n"


def _outline(folder: Path, data_path: str, slide: str = TABLE) -> None:
    (folder / "o.yaml").write_text(f"data: {{m: {data_path}}}\n" + HEAD + slide, encoding="utf-8")


def test_a_data_file_under_the_current_folder_but_outside_the_project_is_refused(tmp_path: Path,
                                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from slidegen.render.dump import dump_pptx

    (tmp_path / "secret.csv").write_text("a,b\nBÍ MẬT,1\n", encoding="utf-8")
    project = tmp_path / "proj"
    project.mkdir()
    (project / "pyproject.toml").write_text("")
    _outline(project, "../secret.csv")
    monkeypatch.chdir(tmp_path)   # the data file lies under the current folder
    run = run_cli(["build", "proj/o.yaml"], tmp_path)
    assert_one_error(run, "error: proj/o.yaml:1:11: data file '../secret.csv' lies outside the project folder proj/")
    assert not (tmp_path / "build").exists()
    run = run_cli(["build", "proj/o.yaml", "--data", "m=secret.csv"], tmp_path)   # typed, relative to here
    assert_one_error(run, "error: --data m: data file 'secret.csv' lies outside the project folder proj/")
    # A user who means it says so; then the data is used.
    run = run_cli(["build", "proj/o.yaml", "--allow-outside"], tmp_path)
    assert run.exit_code == 0, run.output
    assert "BÍ MẬT" in dump_pptx(tmp_path / "build" / "o.pptx")


CSV_ERRORS = {
    "ragged row": ("a,b\n1,2\n3,4,5\n", "m.csv:3: invalid CSV: this row has 3 values but the header names 2 columns"),
    "unclosed quote": ("a,b\n1,\"2\n", "m.csv:2: invalid CSV: unexpected end of data"),
    "stray quote": ("a,b\n1,\"2\"x\n", "m.csv:2: invalid CSV: ',' expected after '\"'"),
    "field too large": ("a,b\n1," + "x" * 200_000 + "\n", "m.csv:2: invalid CSV: field larger than field limit (131072)"),
    "unnamed column": ("a,\n1,2\n", "m.csv:1: invalid CSV: column 2 of the header row has no name"),
    "repeated column": ("a,a\n1,2\n", "m.csv:1: invalid CSV: the header names column 'a' twice"),
    "NUL byte": ("a,b\n1,\x002\n", "m.csv:2: binary file (NUL byte); a data file is UTF-8 text"),
    "not UTF-8": ("a,b\nVi\u00ea\u0323t,1\n".encode("cp1258"), "m.csv:2:3: not UTF-8 text"),
}
JSON_ERRORS = {
    "syntax": ('[{"a": 1,}]', "m.json:1:10: invalid JSON: Expecting property name enclosed in double quotes"),
    "duplicate key": ('[{"a": 1, "a": 2}]', "m.json: invalid JSON: duplicate key 'a' in an object"),
    "NaN": ('[{"a": NaN}]', "m.json: invalid JSON: NaN is not a JSON value"),
    "deep nesting": ("[" * 100_000 + "]" * 100_000, "m.json: invalid JSON: nested too deeply"),
    "long integer": ('[{"a": ' + "9" * 5000 + "}]", "m.json: invalid JSON: Exceeds the limit (4300 digits)"),
    "too many rows": (json.dumps([{"a": i} for i in range(10_001)]),
                      "m.json: data file has a list of 10,001 entries; the limit is 10,000"),
}
YAML_ERRORS = {
    "syntax": ("- a: [1, 2\n", "m.yaml:2:1: invalid YAML"),
    "alias bomb": ("a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]\n" for i in range(8)),
        "expands to more than 100,000 values"),
    "shared big text": ("t: &t " + "x" * 100_000 + "\nl: [" + ", ".join(["*t"] * 60) + "]\n",
                        "m.yaml:1:4: the document holds more than 5,000,000 characters of text with its YAML aliases"),
    "deep nesting": ("a: " + "[" * 200 + "]" * 200 + "\n", "m.yaml:1:68: lists and mappings nested deeper than 64 levels"),
    "python tag": ("a: !!python/object/apply:os.system ['echo hi']\n", "m.yaml:1:4: YAML tag '!!python/object/apply:os.system' is not allowed"),
}


@pytest.mark.parametrize("case", [f"csv-{k}" for k in CSV_ERRORS] + [f"json-{k}" for k in JSON_ERRORS]
                         + [f"yaml-{k}" for k in YAML_ERRORS])
def test_a_broken_data_file_is_one_located_error(workdir: Path, case: str) -> None:
    kind, name = case.split("-", 1)
    content, expected = {"csv": CSV_ERRORS, "json": JSON_ERRORS, "yaml": YAML_ERRORS}[kind][name]
    data = workdir / f"m.{kind}"
    data.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    _outline(workdir, data.name, "          - bullets: [\"{{ m | length }}\"]\n")
    run = run_cli(["build", "o.yaml"], workdir)
    assert_one_error(run, expected)
    assert run.seconds < 3


def test_too_many_rows_is_refused_at_load_naming_the_limit(workdir: Path) -> None:
    (workdir / "m.csv").write_text("a,b\n" + "".join(f"{i},x\n" for i in range(10_001)), encoding="utf-8")
    _outline(workdir, "m.csv")
    run = run_cli(["build", "o.yaml"], workdir)
    assert_one_error(run, "error: m.csv:10002: data file has more than 10,000 rows; the limit is 10,000")
    assert run.seconds < 2


def test_too_many_values_is_refused_at_load(workdir: Path) -> None:
    header = ",".join(f"c{i}" for i in range(11))
    (workdir / "m.csv").write_text(header + "\n" + (",".join("x" * 11) + "\n") * 10_000, encoding="utf-8")
    _outline(workdir, "m.csv")
    assert_one_error(run_cli(["build", "o.yaml"], workdir),
                     "error: m.csv: data file holds too much: data has more than 100,000 entries")


def test_an_oversized_data_file_is_refused_before_it_is_read(workdir: Path) -> None:
    (workdir / "m.csv").write_text("a,b\n" + "1,2\n" * 1_400_000, encoding="utf-8")
    _outline(workdir, "m.csv")
    assert_one_error(run_cli(["build", "o.yaml"], workdir),
                     "error: m.csv: data file is 5,600,004 bytes; the limit is 5,242,880 bytes")


def test_a_table_of_more_than_a_thousand_rows_from_data_is_refused(workdir: Path) -> None:
    (workdir / "m.csv").write_text("a,b\n" + "".join(f"{i},x\n" for i in range(1_001)), encoding="utf-8")
    _outline(workdir, "m.csv")
    assert_one_error(run_cli(["build", "o.yaml"], workdir),
                     "error: o.yaml:9:43: template exceeds a limit: the expression makes more than 1,000 entries")


def test_a_max_size_data_table_plans_in_bounded_time_and_memory(workdir: Path) -> None:
    """10,000 data rows, the 1,000 a table may hold selected from them: planned (check) in a
    fresh process, its time and peak memory measured."""
    rows = "".join(f"{i % 28 + 1}/3/2021,Cuộc họp AWGIPC lần thứ {i},{'Trực tuyến' if i < 1000 else ''}\n"
                   for i in range(10_000))
    (workdir / "m.csv").write_text("a,b,c\n" + rows, encoding="utf-8")
    _outline(workdir, "m.csv", "          - table: {header: [a, b, c], "
                               "rows: \"{{ m | selectattr('c') | list | rows('a', 'b', 'c') }}\"}\n")
    measured = peak_memory_of("""
import time
from click.testing import CliRunner
from slidegen.__main__ import cli
started = time.perf_counter()
result = CliRunner().invoke(cli, ["check", "o.yaml"])
RESULT = {"seconds": time.perf_counter() - started, "output": result.output, "code": result.exit_code}
""", cwd=workdir)
    assert measured["code"] == 0 and "o.yaml: ok (" in measured["output"], measured
    slides = int(measured["output"].split("(")[1].split()[0])
    assert slides > 70   # a thousand rows make about 80 slides
    assert measured["seconds"] < 5 and measured["rss_mib"] < 150, measured


def test_a_long_table_is_measured_once_per_row_not_once_per_shrink_step(monkeypatch: pytest.MonkeyPatch) -> None:
    """Shrinking helps only a table that then fits one slide: each smaller size is tried on the
    rows a slide could hold, and only the split measures every row."""
    import slidegen
    from slidegen.plan import measure

    calls = []
    real = measure.layout_paragraph
    monkeypatch.setattr(measure, "layout_paragraph", lambda *a, **k: calls.append(1) or real(*a, **k))
    rows = [[f"Dòng {i}", f"giá trị {i * 7}", str(i)] for i in range(1_000)]
    deck = slidegen.plan({"deck": {"title": "T"}, "sections": [{"title": "A", "items": [
        {"title": "x", "slides": [{"table": {"header": ["a", "b", "c"], "rows": rows}}]}]}]})
    pieces = [s for s in deck.slides if s.kind == "table"]
    assert sum(len(p.content.rows) for p in pieces) == 1_000 and len(pieces) > 50
    cells = 3 * 1_001
    assert cells <= len(calls) < 1.2 * cells, len(calls)   # was nine measurements per cell
