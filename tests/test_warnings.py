"""Warnings: a deck is built, each warning names its place; with --strict the build fails.

Also the options and commands that shape a build (--var, --data, --template, --layout, batch
with a template, check with a template), each run through the real command line.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from pptx_facts import slides, xml_parts
from slidegen.__main__ import cli

HEAD = "deck:\n  title: T\nsections:\n  - title: A\n    items:\n      - title: x\n        slides:\n"


def slide(line: str) -> str:
    return HEAD + f"          - {line}\n"


DEEP = "bullets:\n" + "".join(f"{'  ' * (n + 7)}- text: l{n}\n{'  ' * (n + 8)}children:\n" for n in range(6)) + \
    f"{'  ' * 14}- deepest"
WARNINGS: dict[str, tuple[dict[str, str], list[str]]] = {
    "nesting deeper than five levels": ({"o.yaml": slide(DEEP)}, [
        "o.yaml:19:25: bullets nested deeper than 5 levels are shown at level 5"]),
    "title that cannot fit": ({"o.yaml": HEAD.replace("title: x", "title: " + "Tiêu đề rất dài " * 30) +
                               "          - bullets: [a]\n"}, [
        "o.yaml:8:13: title '1. " + ("Tiêu đề rất dài " * 30).strip() + "' does not fit its box even at 20 pt; "
        "shorten it"]),
    "character missing from the font": ({"o.yaml": slide("bullets: [\"Hán tự: 漢字\"]")}, [
        "o.yaml:8:13: character '漢' (U+6F22 CJK UNIFIED IDEOGRAPH-6F22) on slide 4 is missing from font 'Arial'; "
        "PowerPoint will show it in another font",
        "o.yaml:8:13: character '字' (U+5B57 CJK UNIFIED IDEOGRAPH-5B57) on slide 4 is missing from font 'Arial'; "
        "PowerPoint will show it in another font"]),
    "font without metrics": ({"o.yaml": HEAD.replace("title: T", "title: T\n  theme: themes/v") +
                              "          - bullets: [a]\n",
                              "themes/v/theme.yaml": "extends: formal\nname: v\nfonts: {major: Verdana, minor: Arial}\n"}, [
        "o.yaml:3:10: theme heading font 'Verdana' has no metrics in slidegen: text is measured with Liberation Sans "
        "and glyph coverage cannot be checked; prefer Arial, Times New Roman or Calibri"]),
    "source not listed": ({"o.yaml": slide("bullets: [a]\n            sources: [7]")}, [
        "o.yaml:9:23: source [7] is cited but not listed in deck.sources"]),
    "item without slides": ({"o.yaml": "deck: {title: T}\nsections:\n  - title: A\n    items:\n      - title: x\n"}, [
        "o.yaml:5:9: item 'x' has no slides and no 'todo'; it gets an empty slide"]),
    "todo beside slides": ({"o.yaml": HEAD.replace("      - title: x\n", "      - title: x\n        todo: later\n")
                            + "          - bullets: [a]\n"}, [
        "o.yaml:7:15: 'todo' is for items without slides; it is ignored here"]),
}


@pytest.mark.parametrize("name", sorted(WARNINGS))
def test_warning_is_located_and_strict_fails(workdir: Path, name: str) -> None:
    files, expected = WARNINGS[name]
    for relative, text in files.items():
        (workdir / relative).parent.mkdir(parents=True, exist_ok=True)
        (workdir / relative).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "o.yaml"])
    assert result.exit_code == 0, result.output
    warnings = [line.removeprefix("warning: ") for line in result.output.splitlines() if line.startswith("warning:")]
    assert warnings == expected
    assert (workdir / "build" / "o.pptx").is_file()
    strict = CliRunner().invoke(cli, ["check", "o.yaml", "--strict"])
    assert strict.exit_code == 1
    located = [re.match(r"^(\S+?): (.*)$", line).groups() for line in expected]  # type: ignore[union-attr]
    assert strict.output.splitlines() == [f"error: {where}: warning (--strict): {message}" for where, message in located]


def test_var_and_data_options_fill_templates(workdir: Path) -> None:
    (workdir / "m.csv").write_text("when,what\n2019,AWGIPC 60\n", encoding="utf-8")
    (workdir / "o.yaml").write_text(HEAD.replace("title: T", "title: \"Năm {{ year }}\"") +
                                    "          - table: {header: [Năm, Họp], rows: \"{{ m | rows('when', 'what') }}\"}\n",
                                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "o.yaml", "--var", "year=2021", "--data", "m=m.csv"])
    assert result.exit_code == 0, result.output
    facts = slides(workdir / "build" / "o.pptx")
    assert facts[0].title == "Năm 2021"
    from pptx import Presentation

    table = next(sh.table for sh in Presentation(str(workdir / "build" / "o.pptx")).slides[3].shapes if sh.has_table)
    assert [[c.text_frame.text for c in row.cells] for row in table.rows] == [["Năm", "Họp"], ["2019", "AWGIPC 60"]]


def test_template_option_of_build_check_and_batch(workdir: Path, office_template: Path) -> None:
    for name in ("a", "b"):
        (workdir / f"{name}.yaml").write_text(slide("bullets: [x]").replace("title: T", f"title: {name}"),
                                              encoding="utf-8")
    tpl = workdir / "tpl" / "office.pptx"            # the template inside the project
    tpl.parent.mkdir()
    tpl.write_bytes(office_template.read_bytes())
    assert CliRunner().invoke(cli, ["check", "a.yaml", "--template", "tpl/office.pptx"]).exit_code == 0
    result = CliRunner().invoke(cli, ["build", "a.yaml", "b.yaml", "--template", "tpl/office.pptx"])
    assert result.exit_code == 0, result.output
    for name in ("a", "b"):
        masters = [part for part, _ in xml_parts(workdir / "build" / f"{name}.pptx") if part.startswith("ppt/slideLayouts/")]
        assert len(masters) == 11          # PowerPoint's eleven layouts, not slidegen's seventeen
        assert slides(workdir / "build" / f"{name}.pptx")[3].layout == "Title and Content"


def test_layout_option_of_template_check(office_template: Path) -> None:
    result = CliRunner().invoke(cli, ["template", "check", str(office_template), "--layout", "quote=Two Content"])
    assert result.exit_code == 0, result.output
    assert "  quote       'Two Content' (override; title=0, body=1, meta=2)" in result.output.splitlines()


def test_javascript_links_are_not_links(workdir: Path) -> None:
    (workdir / "o.yaml").write_text(slide("bullets: [\"[bấm](javascript:alert(1)) và [web](https://noip.gov.vn)\"]"),
                                    encoding="utf-8")
    assert CliRunner().invoke(cli, ["build", "o.yaml"]).exit_code == 0
    with zipfile.ZipFile(workdir / "build" / "o.pptx") as archive:
        rels = archive.read("ppt/slides/_rels/slide4.xml.rels").decode()
    targets = re.findall(r'Target="([^"]*)"', rels)
    assert "https://noip.gov.vn" in targets
    assert not any("javascript" in (t or "").lower() for t in targets)


def test_yaml_merge_keys_build(workdir: Path) -> None:
    (workdir / "o.yaml").write_text("base: &base {organisation: Cục SHTT, footer: Cục SHTT}\n"
                                    "deck:\n  <<: *base\n  title: T\nsections: []\n".replace("sections: []",
                                    "sections:\n  - title: A\n    items: [{title: x, todo: t}]"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "o.yaml"])
    assert result.exit_code == 1 and "unknown key 'base' in outline" in result.output
    (workdir / "o.yaml").write_text("vars:\n  base: &base {organisation: Cục SHTT, footer: Cục SHTT}\n"
                                    "deck:\n  <<: *base\n  title: T\nsections:\n  - title: A\n"
                                    "    items: [{title: x, todo: t}]\n", encoding="utf-8")
    assert CliRunner().invoke(cli, ["build", "o.yaml"]).exit_code == 0
    assert "Cục SHTT" in " ".join(slides(workdir / "build" / "o.pptx")[0].texts)


def test_theme_extends_loop_is_refused(workdir: Path) -> None:
    for name, parent in (("a", "b"), ("b", "a")):
        (workdir / "themes" / name).mkdir(parents=True)
        (workdir / "themes" / name / "theme.yaml").write_text(f"extends: {parent}\nname: {name}\n", encoding="utf-8")
    (workdir / "o.yaml").write_text(slide("bullets: [x]").replace("title: T", "title: T\n  theme: a"),
                                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "o.yaml"])
    assert result.exit_code == 1
    assert result.output.strip() == "error: themes/b/theme.yaml:1:10: themes extend each other in a loop: a → b → a"
