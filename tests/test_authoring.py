"""Authoring: templates (sandboxed, strict), data files, includes, `new`, `check`, JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from conftest import DECKS
from slidegen.__main__ import cli
from slidegen.errors import OutlineError
from slidegen.outline import load_outline
from slidegen.outline.schema import outline_json_schema

DECK = "deck:\n  title: T\nsections:\n  - title: A\n    items:\n"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def load_error(path: Path) -> list[str]:
    with pytest.raises(OutlineError) as caught:
        load_outline(path)
    return [str(d) for d in caught.value.diagnostics]


@pytest.mark.parametrize("expression, fragment", [
    ("{{ ''.__class__.__mro__ }}", "access to attribute '__class__' of 'str' object is unsafe"),
    ("{{ cycler.__init__.__globals__ }}", "access to attribute '__init__' of 'type' object is unsafe"),
    ("x {{ ().__class__.__base__.__subclasses__() }}", "access to attribute '__class__' of 'tuple' object is unsafe"),
])
def test_sandbox_escapes_are_refused_cleanly(workdir: Path, expression: str, fragment: str) -> None:
    write(workdir, "o.yaml", DECK + f'      - title: "{expression}"\n')
    assert load_error(Path("o.yaml")) == [f"o.yaml:6:16: unsafe template expression refused: {fragment}."]


def test_sandbox_escape_from_the_cli_prints_no_traceback(workdir: Path) -> None:
    write(workdir, "o.yaml", DECK + "      - title: \"{{ cycler.__init__.__globals__ }}\"\n")
    result = CliRunner().invoke(cli, ["build", "o.yaml"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.startswith("error: o.yaml:6:16: unsafe template expression refused")


def test_undefined_variable_names_it_and_its_line(workdir: Path) -> None:
    write(workdir, "o.yaml", DECK + '      - title: "Năm {{ yaer }}"\n')
    assert load_error(Path("o.yaml")) == [
        "o.yaml:6:16: template error: 'yaer' is undefined; define it under 'vars:', with --var or with --data"]


def test_vars_cli_vars_and_data_files(workdir: Path) -> None:
    write(workdir, "data/m.csv", "when,what\n2019,AWGIPC 60\n2020,AWGIPC 62\n")
    write(workdir, "o.yaml", "vars: {year: 2020}\ndata: {meetings: data/m.csv}\n"
          "deck:\n  title: \"Năm {{ year }} – {{ who }}\"\nsections:\n  - title: A\n    items:\n"
          "      - title: x\n        slides:\n"
          "          - table: {header: [Năm, Họp], rows: \"{{ meetings | rows('when', 'what') }}\"}\n"
          "          - timeline: \"{{ meetings | pick(date='when', title='what') }}\"\n")
    outline = load_outline(Path("o.yaml"), {"who": "Cục SHTT", "year": "2021"}).outline
    assert outline.deck.title == "Năm 2021 – Cục SHTT"   # --var overrides vars:
    slides = outline.sections[0].items[0].slides
    assert slides[0].table.rows == (("2019", "AWGIPC 60"), ("2020", "AWGIPC 62"))
    assert [(e.date, e.title) for e in slides[1].timeline] == [("2019", "AWGIPC 60"), ("2020", "AWGIPC 62")]


def test_include_keeps_the_included_files_lines(workdir: Path) -> None:
    write(workdir, "parts/two.yaml", "title: Hai\nitems:\n  - title: x\n    slides:\n      - bulets: [a]\n")
    write(workdir, "o.yaml", "deck: {title: T}\nsections:\n  - title: Một\n    items: [{title: y}]\n"
          "  - include: parts/two.yaml\n")
    assert load_error(Path("o.yaml")) == ["parts/two.yaml:5:9: unknown key 'bulets' in slide; did you mean 'bullets'?"]


def test_include_loop_and_escape_are_refused(workdir: Path) -> None:
    write(workdir, "a.yaml", "- include: b.yaml\n")
    write(workdir, "b.yaml", "- include: a.yaml\n")
    write(workdir, "o.yaml", "deck: {title: T}\nsections:\n  - include: a.yaml\n")
    [message] = load_error(Path("o.yaml"))
    assert message.startswith("b.yaml:1:12: include loop: ") and message.endswith("a.yaml → b.yaml → a.yaml")
    write(workdir, "p.yaml", "deck: {title: T}\nsections:\n  - include: ../../etc/passwd\n")
    [message] = load_error(Path("p.yaml"))
    assert message.startswith("p.yaml:3:14: include '../../etc/passwd' lies outside the project folder")


def test_new_writes_a_starter_that_builds_and_refuses_to_overwrite(workdir: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["new", "demo"])
    assert result.exit_code == 0, result.output
    starter = workdir / "decks" / "demo.yaml"
    text = starter.read_text(encoding="utf-8")
    for key in ("bullets:", "columns:", "table:", "image:", "photos:", "timeline:", "figures:", "quote:", "todo:"):
        assert key in text
    built = runner.invoke(cli, ["build", "decks/demo.yaml"])
    assert built.exit_code == 0, built.output
    again = runner.invoke(cli, ["new", "demo"])
    assert again.exit_code == 1 and "already exists" in again.output
    assert starter.read_text(encoding="utf-8") == text


def test_check_reports_warnings_and_strict_fails(workdir: Path) -> None:
    write(workdir, "o.yaml", DECK + "      - title: x\n        slides:\n          - bullets: [a]\n"
          "            sources: [9]\n")
    ok = CliRunner().invoke(cli, ["check", "o.yaml"])
    assert ok.exit_code == 0
    assert "warning: o.yaml:9:23: source [9] is cited but not listed in deck.sources" in ok.output
    strict = CliRunner().invoke(cli, ["check", "o.yaml", "--strict"])
    assert strict.exit_code == 1
    assert "error: o.yaml:9:23: warning (--strict): source [9] is cited" in strict.output
    assert not (workdir / "build").exists()


def test_schema_is_draft_2020_12_with_descriptions_and_examples() -> None:
    result = CliRunner().invoke(cli, ["schema"])
    schema = json.loads(result.output)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    for name, definition in [("Outline", schema), *schema["$defs"].items()]:
        # an editor shows this on hover: a sentence, not the dataclass signature Python makes up
        # for a class without a docstring
        description = definition.get("description", "")
        assert description and not description.startswith(f"{name}("), f"{name}: {description[:60]!r}"
        for field, prop in definition.get("properties", {}).items():
            assert prop.get("description"), f"{name}.{field} has no description"
            assert prop.get("examples"), f"{name}.{field} has no example"


@pytest.mark.parametrize("deck", sorted(DECKS.glob("*.yaml")), ids=lambda p: p.name)
def test_every_deck_validates_against_the_schema(deck: Path) -> None:
    import yaml

    data = yaml.safe_load(deck.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(outline_json_schema()).validate(json.loads(json.dumps(data, default=str)))


def test_schema_rejects_a_misspelt_key() -> None:
    bad = {"deck": {"title": "T"}, "sections": [{"title": "A", "items": [{"title": "x", "slides": [{"bulets": ["a"]}]}]}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(outline_json_schema()).validate(bad)
