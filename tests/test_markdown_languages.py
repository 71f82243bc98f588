"""Markdown outlines in several languages: '::: {lang=en-US}' blocks read into the same
text-by-language data a YAML outline gives, and every difference between the languages is a
located warning at the Markdown line."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from pptx_facts import slides, text_runs
from slidegen.__main__ import cli
from slidegen.errors import Diagnostic
from slidegen.outline.markdown import read_markdown
from slidegen.outline.yaml_tree import parse_yaml
from test_languages import BILINGUAL, VIETNAMESE_WORDS

# test_languages.BILINGUAL, the same outline in Markdown.
MARKDOWN = """\
---
title: {vi-VN: Hợp tác ASEAN về SHTT, en-US: ASEAN IP cooperation}
date: 2022-03-04
languages: [vi-VN, en-US]
organisation: {vi-VN: Cục Sở hữu trí tuệ, en-US: IP Viet Nam}
agenda: {repeat: true}
sources: {1: "aseanip.org – About"}
---

# I. Cơ chế

::: {lang=en-US}
# I. Mechanisms
:::

## 1. Cơ chế hợp tác

- Hiệp định khung ký năm 1995
- AWGIPC
- Các kế hoạch
  - 2016–2025

::: notes
Ghi chú cho người trình bày
:::

::: sources
1
:::

::: {lang=en-US}
## 1. Cooperation mechanism

- Framework Agreement signed in 1995
- AWGIPC
- Action plans
  - 2016–2025

::: notes
Notes for the presenter
:::
:::

## 2. Nhóm công tác

::: todo
Bổ sung
:::

::: {lang=en-US}
## 2. The working group

::: todo
To add
:::
:::

# II. Chủ tịch

::: {lang=en-US}
# II. Chairmanship
:::

## 1. Nhiệm kỳ 2019–2021

```slidegen timeline
- {date: "11/11/2019", title: Họp AWGIPC 60}
```

::: {lang=en-US}
## 1. The 2019–2021 term

```slidegen timeline
- {date: "11/11/2019", title: AWGIPC 60 meeting}
```
:::
"""


def _read(text: str, warnings: list[Diagnostic] | None = None) -> dict:
    return read_markdown(text, "o.md", None, [] if warnings is None else warnings)[0]


def _line(text: str, needle: str, after: int = 0) -> int:
    return next(n for n, row in enumerate(text.splitlines(), start=1) if n > after and needle in row)


def test_a_translated_markdown_outline_reads_as_the_yaml_outline_does() -> None:
    warnings: list[Diagnostic] = []
    data = _read(MARKDOWN, warnings)
    assert warnings == []
    assert data == parse_yaml(BILINGUAL, "o.yaml")[0]


def test_both_decks_build_from_markdown_each_in_its_language(workdir: Path) -> None:
    (workdir / "o.md").write_text(MARKDOWN, encoding="utf-8")
    (workdir / "o.yaml").write_text(BILINGUAL, encoding="utf-8")
    for outline in ("o.md", "o.yaml"):
        result = CliRunner().invoke(cli, ["build", outline, "-o", f"{outline}.pptx"])
        assert result.exit_code == 0 and "warning:" not in result.output, result.output
    for language in ("", ".en-US"):
        md, yaml = slides(workdir / f"o.md{language}.pptx"), slides(workdir / f"o.yaml{language}.pptx")
        assert [(s.title, s.texts, s.notes) for s in md] == [(s.title, s.texts, s.notes) for s in yaml]
    english = slides(workdir / "o.md.en-US.pptx")
    assert [s.title for s in english][:4] == ["ASEAN IP cooperation", "Contents", "Mechanisms", "1. Cooperation mechanism"]
    assert not [w for w in VIETNAMESE_WORDS if w in "\n".join(" ".join(s.texts) + s.notes for s in english)]
    assert {rPr.get("lang") for _, rPr, _ in text_runs(workdir / "o.md.en-US.pptx") if rPr is not None} == {"en-US"}


def test_a_missing_english_heading_falls_back_with_a_warning_at_the_markdown_line(workdir: Path) -> None:
    text = MARKDOWN.replace("## 1. Cooperation mechanism\n\n", "")
    (workdir / "o.md").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "o.md"])
    assert result.exit_code == 0, result.output
    line = _line(text, "## 1. Cơ chế hợp tác")
    assert f"warning: o.md:{line}:4: no en-US text; shown in vi-VN: 'Cơ chế hợp tác'" in result.output.splitlines()
    assert slides(workdir / "build" / "o.en-US.pptx")[3].title == "1. Cơ chế hợp tác"
    strict = CliRunner().invoke(cli, ["build", "o.md", "--strict"])
    assert strict.exit_code == 1
    assert f"error: o.md:{line}:4: warning (--strict): no en-US text; shown in vi-VN: 'Cơ chế hợp tác'" in strict.output
    coverage = CliRunner().invoke(cli, ["check", "o.md", "--lang", "en-US"])
    assert f"  missing: o.md:{line}:4: 'Cơ chế hợp tác'" in coverage.output.splitlines()


def test_a_missing_bullet_is_one_warning_at_the_translation_and_the_slide_stays_vietnamese() -> None:
    text = MARKDOWN.replace("- Framework Agreement signed in 1995\n", "")
    warnings: list[Diagnostic] = []
    data = _read(text, warnings)
    where = _line(text, "- AWGIPC", after=_line(text, "## 1. Cooperation mechanism"))
    assert [str(w) for w in warnings] == [
        f"o.md:{where}:1: the en-US translation differs from the vi-VN text: it has 2 bullets where the vi-VN "
        "text has 3; this slide is shown in vi-VN in the en-US deck"]
    slide = data["sections"][0]["items"][0]["slides"][0]
    assert slide["bullets"][0] == {"vi-VN": "Hiệp định khung ký năm 1995"}        # falls back, and says so
    assert slide["notes"] == {"vi-VN": "Ghi chú cho người trình bày"}
    assert data["sections"][0]["items"][0]["title"] == {"vi-VN": "Cơ chế hợp tác", "en-US": "Cooperation mechanism"}


def test_differences_of_shape_name_what_differs() -> None:
    cases = {
        "a sub-bullet": (MARKDOWN.replace("- Action plans\n  - 2016–2025\n", "- Action plans\n"),
                         "bullet 3 is shaped differently"),
        "another kind": (MARKDOWN.replace("- Framework Agreement signed in 1995\n- AWGIPC\n- Action plans\n  - 2016–2025\n",
                                          "| A | B |\n| --- | --- |\n| 1 | 2 |\n"),
                         "it makes a table slide where the vi-VN text makes a bullets slide"),
        "an event": (MARKDOWN.replace("- {date: \"11/11/2019\", title: AWGIPC 60 meeting}",
                                      "- {date: \"11/11/2019\", title: AWGIPC 60 meeting}\n- {date: x, title: y}"),
                     "it has 2 events where the vi-VN text has 1"),
        "the same source": (MARKDOWN.replace("Notes for the presenter\n:::\n",
                                             "Notes for the presenter\n:::\n\n::: sources\n1\n:::\n"), None),
        "another source": (MARKDOWN.replace("Notes for the presenter\n:::\n",
                                            "Notes for the presenter\n:::\n\n::: sources\n2\n:::\n"),
                           "source 1 reads '2' where the vi-VN text has '1' (it is written once, not translated)"),
    }
    for name, (text, message) in cases.items():
        warnings: list[Diagnostic] = []
        _read(text, warnings)
        if message is None:
            assert warnings == [], name
            continue
        assert len(warnings) == 1 and message in warnings[0].message, (name, [str(w) for w in warnings])
        assert warnings[0].location is not None and warnings[0].location.file == "o.md"
        assert text.splitlines()[warnings[0].location.line - 1].strip(), name  # a line the author wrote


def test_what_a_translation_leaves_out_falls_back_and_is_counted(workdir: Path) -> None:
    """An untranslated part (no lang block) and a block that leaves out the content: each text
    falls back, and check --lang lists each at its Markdown line."""
    text = MARKDOWN.replace("::: {lang=en-US}\n# II. Chairmanship\n:::\n", "").replace(
        "```slidegen timeline\n- {date: \"11/11/2019\", title: AWGIPC 60 meeting}\n```\n:::", ":::")
    (workdir / "o.md").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "o.md", "--lang", "en-US"])
    assert result.exit_code == 0, result.output
    assert f"  missing: o.md:{_line(text, '# II. Chủ tịch')}:3: 'Chủ tịch'" in result.output.splitlines()
    data = _read(text)
    section = data["sections"][1]
    assert section["title"] == {"vi-VN": "Chủ tịch"}
    assert section["items"][0]["title"] == {"vi-VN": "Nhiệm kỳ 2019–2021", "en-US": "The 2019–2021 term"}
    assert section["items"][0]["slides"][0]["timeline"] == [{"date": "11/11/2019", "title": "Họp AWGIPC 60"}]


def test_a_block_in_another_language_than_the_decks_is_named() -> None:
    cases = {
        "{lang=en-UK}": "en-UK is not one of the deck's languages (vi-VN, en-US); its translations are kept but no "
                        "deck is built in it — add it to 'languages'",
        "{lang=en_US}": "'en_US' is not a language tag (write it like en-US or vi-VN); this translation is left out",
        "{lang=vi-VN}": "vi-VN is the deck's default language: its text is the one written outside '::: {lang=…}' "
                        "blocks; this block is left out",
    }
    for attribute, message in cases.items():
        text = MARKDOWN.replace("::: {lang=en-US}\n## 2. The working group", f"::: {attribute}\n## 2. The working group")
        warnings: list[Diagnostic] = []
        data = _read(text, warnings)
        line = _line(text, f"::: {attribute}")
        assert f"o.md:{line}:1: {message}" in [str(w) for w in warnings], [str(w) for w in warnings]
        title = data["sections"][0]["items"][1]["title"]
        assert title == ({"vi-VN": "Nhóm công tác", "en-UK": "The working group"} if "UK" in attribute
                         else {"vi-VN": "Nhóm công tác"})
    text = MARKDOWN.replace("languages: [vi-VN, en-US]\n", "")
    warnings = []
    _read(text, warnings)
    assert str(warnings[0]) == (f"o.md:{_line(text, '::: {lang=en-US}')}:1: the outline gives translations (en-US) but "
                                "its front matter names no 'languages'; add languages: [vi-VN, en-US] to build a "
                                "deck in each")


def test_a_block_holds_one_part() -> None:
    text = MARKDOWN.replace("::: {lang=en-US}\n# I. Mechanisms\n:::\n", "::: {lang=en-US}\n# I. Mechanisms\n\n## 1. X\n:::\n")
    warnings: list[Diagnostic] = []
    data = _read(text, warnings)
    assert [w.message.split(";")[0] for w in warnings] == ["a '##' heading inside a translation begins another part"]
    assert data["sections"][0]["title"] == {"vi-VN": "Cơ chế", "en-US": "Mechanisms"}
    twice = MARKDOWN.replace("::: {lang=en-US}\n# I. Mechanisms\n:::\n", "::: {lang=en-US}\n# I. Mechanisms\n:::\n" * 2)
    warnings = []
    _read(twice, warnings)
    assert [w.message for w in warnings] == ["a second en-US translation of the same part is left out"]


def test_one_language_outlines_read_as_before() -> None:
    """Without languages and lang blocks every text stays one text, as it always was."""
    text = "---\ntitle: T\n---\n\n# A\n\n## B\n\n- một\n- hai\n\n::: notes\nghi chú\n:::\n"
    assert _read(text)["sections"] == [{"title": "A", "items": [{"title": "B", "slides": [
        {"bullets": ["một", "hai"], "notes": "ghi chú"}]}]}]


def test_a_marp_file_leaves_translations_out_with_a_warning() -> None:
    text = "---\nmarp: true\n---\n\n# Một\n\n- a\n\n::: {lang=en-US}\n# One\n:::\n"
    warnings: list[Diagnostic] = []
    data = _read(text, warnings)
    assert data["sections"][0]["items"][0]["slides"] == [{"bullets": ["a"]}]
    assert any("translations ('::: {lang=…}') are read in pandoc-style outlines" in w.message for w in warnings)


def test_the_readme_examples_say_the_same_in_yaml_and_markdown(workdir: Path) -> None:
    from conftest import REPO

    section = (REPO / "README.md").read_text(encoding="utf-8").split("## One outline, several languages", 1)[1]
    yaml_example = section.split("```yaml\n", 1)[1].split("\n```", 1)[0]
    markdown_example = section.split("````markdown\n", 1)[1].split("\n````", 1)[0]
    warnings: list[Diagnostic] = []
    assert read_markdown(markdown_example, "talk.md", None, warnings)[0] == parse_yaml(yaml_example, "talk.yaml")[0]
    assert warnings == []
    (workdir / "talk.md").write_text(markdown_example, encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "talk.md"])
    assert result.exit_code == 0 and "warning:" not in result.output, result.output
    english = slides(workdir / "build" / "talk.en-US.pptx")
    assert [s.title for s in english] == ["ASEAN cooperation on IP", "Contents", "Cooperation mechanism",
                                          "1. The AWGIPC", "Thank you"]
    assert "Established in 1996 under the 1995 Framework Agreement\nASPEC" in english[3].texts
