"""The public API: the README's example runs as written, and in-memory errors name data paths."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

import slidegen
from conftest import REPO
from pptx_facts import slides


def _readme_example() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Use from Python", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)  # type: ignore[union-attr]


def test_readme_example_builds_a_deck_from_a_dict(workdir: Path) -> None:
    code = _readme_example()
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "README.md", "exec"), {})
    lines = printed.getvalue().splitlines()
    # What the example says it prints, it prints.
    expected = [m.group(1) for m in re.finditer(r"# (.+)$", code, re.M) if m.group(1)[:1] in "(s"]
    assert lines == expected
    facts = slides(workdir / "build" / "don-dang-ky-2021.pptx")
    assert [f.title for f in facts[2:5]] == ["1. Hà Nội", "2. Đà Nẵng", "3. TP. Hồ Chí Minh"]
    assert "1.520" in " ".join(facts[2].texts) and "nhãn hiệu" in " ".join(facts[2].texts)


def test_model_objects_and_data_values(workdir: Path) -> None:
    outline = slidegen.Outline(
        deck=slidegen.DeckMeta(title="Từ đối tượng", language="vi-VN"),
        sections=(slidegen.Section(title="A", items=(
            slidegen.Item(title="Bảng", slides=(slidegen.TableSlide(
                table=slidegen.Table(header=("Năm", "Số"), rows=(("2020", "1"),))),)),
        )),))
    deck = slidegen.plan(outline)
    assert [s.kind for s in deck.slides] == ["title", "agenda", "section", "table", "closing"]
    data = slidegen.plan({"deck": {"title": "T"}, "sections": [{"title": "A", "items": [
        {"title": "B", "slides": [{"table": {"header": ["Năm"], "rows": "{{ m | rows('y') }}"}}]}]}]},
        data={"m": [{"y": "2019"}, {"y": "2020"}]})
    assert [["".join(r.text for r in c) for c in row] for row in data.slides[3].content.rows] == [["2019"], ["2020"]]
    result = slidegen.build(outline, "out/o.pptx")
    assert result.slide_count == len(slides(workdir / "out" / "o.pptx"))


def test_in_memory_errors_name_the_data_path() -> None:
    with pytest.raises(slidegen.OutlineError) as caught:
        slidegen.plan({"deck": {"title": 1.5, "langauge": "vi"}, "sections": [{"title": "A", "items": [
            {"title": "B", "slides": [{"bullets": ["ok"]}, {"tabel": {}}]}]}]})
    assert [str(d) for d in caught.value.diagnostics] == [
        "deck.langauge: unknown key 'langauge' in deck; did you mean 'language'?",
        "sections[0].items[0].slides[1].tabel: unknown key 'tabel' in slide; did you mean 'table'?"]


def test_a_deck_from_data_needs_an_output_path() -> None:
    with pytest.raises(slidegen.OutputError) as caught:
        slidegen.build({"deck": {"title": "T"}, "sections": []})
    assert str(caught.value) == "give an output path for a deck built from data"


def test_every_type_the_library_defines_says_what_it_is() -> None:
    """Dataclasses without a docstring get their signature as one (and pay inspect.signature at
    import): every one in slidegen has a sentence instead."""
    import dataclasses
    import importlib
    import pkgutil

    import slidegen

    undocumented = []
    for info in pkgutil.walk_packages(slidegen.__path__, "slidegen."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == info.name:
                if not value.__doc__ or value.__doc__.startswith(f"{value.__name__}("):
                    undocumented.append(f"{info.name}.{value.__name__}")
    assert not undocumented, undocumented
