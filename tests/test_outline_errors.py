"""Authoring mistakes: each gives an exact message at the exact file:line:col, all in one run."""

from __future__ import annotations

from pathlib import Path

import pytest

from slidegen.errors import OutlineError
from slidegen.outline import load_outline

HEAD = "deck:\n  title: Thử\nsections:\n  - title: Một\n    items:\n      - title: A\n        slides:\n"

CASES = {
    "unknown key with suggestion": (
        HEAD + "          - bulets: [x]\n",
        ["o.yaml:8:13: unknown key 'bulets' in slide; did you mean 'bullets'?"]),
    "unknown deck key": (
        "deck:\n  title: T\n  langage: vi-VN\nsections: []\n",
        ["o.yaml:3:3: unknown key 'langage' in deck; did you mean 'language'?",
         "o.yaml:4:11: 'sections' needs at least 1 entry"]),
    "unknown slide kind": (
        HEAD + "          - kind: chart\n            bullets: [x]\n",
        ["o.yaml:8:19: unknown slide kind 'chart'; valid kinds: bullets, columns, table, image, photos, "
         "timeline, figures, quote"]),
    "slide without content": (
        HEAD + "          - notes: only notes\n",
        ["o.yaml:8:13: a slide needs one content key: bullets, columns, table, image, photos, timeline, "
         "figures, quote"]),
    "missing deck title": (
        "deck:\n  subtitle: S\nsections:\n  - title: A\n    items: [{title: x}]\n",
        ["o.yaml:2:3: missing required key 'title' in deck"]),
    "wrong type": (
        "deck:\n  title: [a, b]\nsections:\n  - title: A\n    items: [{title: x}]\n",
        ["o.yaml:2:10: 'title' must be text, not a list"]),
    "bad date": (
        "deck:\n  title: T\n  date: 04/03/2022\nsections:\n  - title: A\n    items: [{title: x}]\n",
        ["o.yaml:3:9: 'date' must be a date written YYYY-MM-DD, e.g. 2022-03-04, not '04/03/2022'"]),
    "empty section": (
        "deck:\n  title: T\nsections:\n  - title: A\n    items: []\n",
        ["o.yaml:5:12: empty section: 'items' needs at least 1 item"]),
    "duplicate key": (
        "deck:\n  title: T\n  title: U\nsections:\n  - title: A\n    items: [{title: x}]\n",
        ["o.yaml:3:3: duplicate key 'title' (first written on line 2)"]),
    "colon inside a bullet": (
        HEAD + "          - bullets:\n              - 25/3/2021: ông Trần Lê Hồng\n",
        ["o.yaml:9:17: missing required key 'text' in bullet",
         "o.yaml:9:17: unknown key '25/3/2021' in bullet; a ': ' inside bullet text makes YAML read a "
         "mapping — put the bullet in quotes"]),
    "misspelt nested key": (
        HEAD + "          - bullets:\n              - text: a\n                childs: [b]\n",
        ["o.yaml:10:17: unknown key 'childs' in bullet; did you mean 'children'?"]),
    "bad language tag": (
        "deck:\n  title: T\n  language: vietnamese\nsections:\n  - title: A\n    items: [{title: x}]\n",
        ["o.yaml:3:13: 'language' must be a BCP 47 tag such as vi-VN or en-US, not 'vietnamese'"]),
    "two columns required": (
        HEAD + "          - columns:\n              - bullets: [a]\n",
        ["o.yaml:9:15: 'columns' needs at least 2 entries"]),
    "python tag refused": (
        "deck: !!python/object:os.system {}\n",
        ["o.yaml:1:7: YAML tag '!!python/object:os.system' is not allowed; an outline holds plain text, "
         "numbers, lists and mappings"]),
    "tab indentation": (
        "deck:\n\ttitle: T\n",
        ["o.yaml:2:1: invalid YAML: a tab character cannot indent YAML; indent with spaces"]),
    "empty file": ("", ["o.yaml:1:1: the outline is empty; it needs 'deck:' and 'sections:' (see "
                        "`slidegen new` for a starter)"]),
    "comments only": ("# nothing here\n# yet\n", ["o.yaml:1:1: the outline is empty; it needs 'deck:' and "
                                                  "'sections:' (see `slidegen new` for a starter)"]),
    "not a mapping": ("- a\n- b\n", ["o.yaml:1:1: the outline must be a mapping with 'deck:' and "
                                     "'sections:', not a list"]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_authoring_mistake_message(workdir: Path, case: str) -> None:
    text, expected = CASES[case]
    (workdir / "o.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(OutlineError) as caught:
        load_outline(Path("o.yaml"))
    assert [str(d) for d in caught.value.diagnostics] == expected


def test_all_errors_reported_in_one_run(workdir: Path) -> None:
    text = ("deck:\n  title: T\n  colour: red\nsections:\n  - title: A\n    items:\n      - title: x\n"
            "        slides:\n          - bulets: [a]\n          - table: {header: [a], rows: [[1]], widht: 2}\n")
    (workdir / "o.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(OutlineError) as caught:
        load_outline(Path("o.yaml"))
    lines = [str(d) for d in caught.value.diagnostics]
    assert lines == ["o.yaml:3:3: unknown key 'colour' in deck; valid keys: agenda, author, closing, date, "
                     "footer, language, layouts, organisation, show_date, slide_numbers, sources, subtitle, template, theme, "
                     "title",
                     "o.yaml:9:13: unknown key 'bulets' in slide; did you mean 'bullets'?",
                     "o.yaml:10:47: unknown key 'widht' in table; did you mean 'widths'?"]


def test_numbers_are_accepted_as_text(workdir: Path) -> None:
    (workdir / "o.yaml").write_text(HEAD + "          - table: {header: [Năm], rows: [[2020], [2021.5]]}\n",
                                    encoding="utf-8")
    table = load_outline(Path("o.yaml")).outline.sections[0].items[0].slides[0].table
    assert table.rows == (("2020",), ("2021.5",))


def test_bom_is_accepted_and_text_is_nfc(workdir: Path) -> None:
    decomposed = "Vie\u0302\u0323t Nam"  # "Việt" written with combining marks
    (workdir / "o.yaml").write_bytes(b"\xef\xbb\xbf" + f"deck:\n  title: {decomposed}\nsections:\n"
                                     "  - title: A\n    items: [{title: x}]\n".encode())
    assert load_outline(Path("o.yaml")).outline.deck.title == "Việt Nam"


def test_windows_1258_file_is_named(workdir: Path) -> None:
    (workdir / "o.yaml").write_bytes("deck:\n  title: Vi\u00ea\u0323t Nam\n".encode("cp1258"))
    with pytest.raises(OutlineError) as caught:
        load_outline(Path("o.yaml"))
    message = str(caught.value)
    assert message.startswith("o.yaml:2:")
    assert "not UTF-8 text" in message and "Windows-1258 (Vietnamese)" in message


def test_alias_bomb_is_refused(workdir: Path) -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 10) + "]")
    (workdir / "o.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(OutlineError) as caught:
        load_outline(Path("o.yaml"))
    assert "expands to more than 100,000 values" in str(caught.value)


def test_binary_file_is_refused(workdir: Path) -> None:
    (workdir / "o.yaml").write_bytes(b"deck:\x00\x01\x02")
    with pytest.raises(OutlineError) as caught:
        load_outline(Path("o.yaml"))
    assert str(caught.value) == "o.yaml:1: binary file (NUL byte); an outline is UTF-8 YAML text"
