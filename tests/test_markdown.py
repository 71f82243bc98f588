"""The Markdown dialect: every kind, numbering, notes, errors and warnings at Markdown lines."""

from __future__ import annotations

import dataclasses
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from pptx_facts import slides
from slidegen.__main__ import cli
from slidegen import build, check
from slidegen.errors import OutlineError

KINDS = """\
---
title: Mọi loại trang
date: 2022-03-04
organisation: Cục Sở hữu trí tuệ
agenda: {repeat: true}
sources:
  1: "aseanip.org – About"
---

# I. Hợp tác ASEAN về SHTT

::: notes
Ghi chú cho trang Phần I.
:::

## 1. Cơ chế hợp tác

- Hiệp định khung ký ngày **15/12/1995** tại *Bangkok*
- Các kế hoạch tiếp nối:
  - Kế hoạch 2011–2015
  - Kế hoạch [2016–2025](https://www.aseanip.org)

::: notes
Nhấn mạnh mốc 1995.
:::

::: sources
1
:::

### Trước và sau

:::: columns
::: column
### Trước 2019
- Indonesia làm Chủ tịch
:::
::: column
### Sau 2019
- Việt Nam làm Chủ tịch
:::
::::

## 2. Các cuộc họp

| Thời gian | Cuộc họp |
| --- | --- |
| 11/11/2019 | AWGIPC 60 |
| 8–9/7/2020 | Cuộc họp đặc biệt |

---

```slidegen timeline
- {date: "9/2018", title: Indonesia là Chủ tịch}
- {date: "2/9/2019", title: Ông Lê Ngọc Lâm, detail: phát biểu với tư cách Chủ tịch}
```

# II. Kết quả

## 1. Số liệu

```slidegen figures
- {value: "20+", label: cuộc họp trực tuyến bên lề}
```

## 2. Trích dẫn

> Chủ động, tích cực phối hợp.
>
> — Bộ KH&CN, 2020

## 3. Hình ảnh

![Đại biểu dự họp](images/red.png)

---

![Ảnh 1]()

![Ảnh 2]()

## 4. Công tác chuẩn bị

::: todo
Bổ sung từ tài liệu nội bộ.
:::
"""


@pytest.fixture
def kinds(workdir: Path) -> Path:
    from PIL import Image

    (workdir / "images").mkdir()
    Image.new("RGB", (300, 200), (200, 30, 30)).save(workdir / "images" / "red.png")
    outline = workdir / "kinds.md"
    outline.write_text(KINDS, encoding="utf-8")
    return outline


def test_every_kind_from_markdown(kinds: Path, workdir: Path) -> None:
    from pptx import Presentation

    result = build(kinds, workdir / "kinds.pptx")
    assert result.warnings == ()
    facts = slides(workdir / "kinds.pptx")
    layouts = [s.layout for s in facts]
    assert layouts == ["Title Slide", "Agenda", "Section Header", "Title and Content", "Comparison",
                       "Title and Table", "Timeline", "Agenda", "Section Header", "Key Figures", "Quote",
                       "Picture with Caption", "Photos 2", "Title and Content", "Closing"]
    titles = [s.title for s in facts]
    assert titles[2:7] == ["Hợp tác ASEAN về SHTT", "1. Cơ chế hợp tác", "1. Trước và sau",
                           "2. Các cuộc họp", "2. Các cuộc họp"]
    assert facts[2].notes == "Ghi chú cho trang Phần I."
    assert facts[3].notes.startswith("Nhấn mạnh mốc 1995.") and "[1] aseanip.org – About" in facts[3].notes
    assert "[CẦN BỔ SUNG] Bổ sung từ tài liệu nội bộ." == facts[13].notes
    deck = Presentation(str(workdir / "kinds.pptx"))
    body = deck.slides[3].placeholders[1].text_frame
    assert [p.level for p in body.paragraphs] == [0, 0, 1, 1]
    bold = [r.text for p in body.paragraphs for r in p.runs if r.font.bold]
    assert bold == ["15/12/1995"]
    assert any(r.hyperlink.address == "https://www.aseanip.org" for p in body.paragraphs for r in p.runs)
    [table] = [sh.table for sh in deck.slides[5].shapes if sh.has_table]
    assert [[c.text_frame.text for c in row.cells] for row in table.rows] == [
        ["Thời gian", "Cuộc họp"], ["11/11/2019", "AWGIPC 60"], ["8–9/7/2020", "Cuộc họp đặc biệt"]]
    quote = " ".join(facts[10].texts)
    assert "Chủ động, tích cực phối hợp." in quote and "Bộ KH&CN, 2020" in quote
    assert len(deck.slides[11].shapes._spTree.xpath(".//a:blip")) == 1      # the picture itself
    assert len(deck.slides[12].shapes._spTree.xpath(".//a:blip")) == 0      # two empty photo frames


def test_missing_and_remote_pictures_are_located_warnings_and_empty_placeholders(workdir: Path) -> None:
    from pptx import Presentation
    from pptx.enum.shapes import PP_PLACEHOLDER

    outline = workdir / "talk.md"
    outline.write_text(textwrap.dedent("""\
        ---
        title: Ảnh
        ---
        # Phần một
        ## Ảnh thiếu
        Ảnh dưới đây chưa có:

        ![Hội nghị năm 2020](anh/khong-co.png)
        ## Ảnh trên mạng
          ![Đại biểu dự họp](https://example.org/a.png "Mô tả")
        """), encoding="utf-8")
    result = build(outline, workdir / "talk.pptx")
    located = {str(w.location): w.message for w in result.warnings}
    assert "not found: 'anh/khong-co.png'" in located["talk.md:8:1"]
    assert "on the web" in located["talk.md:10:3"]
    assert "mixes bullets, image" in located["talk.md:6:1"]
    deck = Presentation(str(workdir / "talk.pptx"))
    for caption in ("Hội nghị năm 2020", "Đại biểu dự họp"):
        [slide] = [s for s in deck.slides if any(caption in sh.text_frame.text for sh in s.shapes if sh.has_text_frame)]
        [picture] = [p for p in slide.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.PICTURE]
        assert not picture._element.xpath(".//a:blip")   # an empty placeholder to fill


def test_errors_in_a_slidegen_block_name_the_markdown_line(workdir: Path) -> None:
    outline = workdir / "talk.md"
    outline.write_text("# Phần\n\n## Mốc\n\n```slidegen timeline\n- {date: \"2019\", title: A}\n"
                       "- {date: \"2020\", titel: B}\n```\n", encoding="utf-8")
    with pytest.raises(OutlineError) as error:
        check(outline)
    messages = [str(d) for d in error.value.diagnostics]
    assert any(m.startswith("talk.md:7:") and "unknown key 'titel'" in m and "did you mean 'title'" in m
               for m in messages), messages
    outline.write_text("# Phần\n\n## Mốc\n\n```slidegen timeline\n- {date: \"2019\", title: A\n```\n",
                       encoding="utf-8")
    with pytest.raises(OutlineError) as error:
        check(outline)
    assert str(error.value).startswith("talk.md:7:")


def test_unknown_front_matter_key_and_typed_numbers(workdir: Path) -> None:
    outline = workdir / "talk.md"
    outline.write_text(textwrap.dedent("""\
        ---
        title: Số
        output: powerpoint_presentation
        subtitel: Phụ đề
        ---
        # II. Phần đầu
        ## 1. Mục một
        - a
        ## 3. Mục hai
        - b
        """), encoding="utf-8")
    with pytest.raises(OutlineError) as error:
        check(outline)
    assert str(error.value) == "talk.md:4:1: unknown key 'subtitel' in deck; did you mean 'subtitle'?"
    outline.write_text(outline.read_text(encoding="utf-8").replace("subtitel", "subtitle"), encoding="utf-8")
    deck = check(outline)
    located = {str(w.location): w.message for w in deck.warnings}
    assert "'output' is not a slidegen deck key" in located["talk.md:3:1"]
    assert "typed number 'II.' before section 'Phần đầu' does not match its position (1)" in located["talk.md:6:3"]
    assert "typed number '3.' before item 'Mục hai'" in located["talk.md:9:4"]
    assert "talk.md:7:4" not in located   # "1." as the first item is right
    assert [s.title for s in deck.slides][3:5] == ["1. Mục một", "2. Mục hai"]


def test_marp_file(workdir: Path) -> None:
    outline = workdir / "marp.md"
    outline.write_text(textwrap.dedent("""\
        ---
        marp: true
        paginate: false
        theme: gaia
        ---

        # Tổng kết năm 2020

        ## Cục Sở hữu trí tuệ

        ---

        <!-- _class: lead -->
        # Bối cảnh

        - Đại dịch COVID-19
        - Họp trực tuyến

        <!--
        Nhấn mạnh chuyển đổi
        -->

        ---

        # Bối cảnh

        - Phần tiếp theo
        """), encoding="utf-8")
    deck = check(outline)
    located = {str(w.location): w.message for w in deck.warnings}
    assert "Marp directive 'theme' is ignored" in located["marp.md:4:1"]
    assert "Marp directive 'class' is ignored" in located["marp.md:13:1"]
    titles = [s.title for s in deck.slides]
    assert titles[0] == "Tổng kết năm 2020"
    assert titles[3:5] == ["1. Bối cảnh", "1. Bối cảnh"]
    assert deck.slides[3].notes == "Nhấn mạnh chuyển đổi"
    build(outline, workdir / "marp.pptx")
    title = slides(workdir / "marp.pptx")[0]
    assert "Cục Sở hữu trí tuệ" in title.texts          # the "##" under the title: the subtitle
    assert not any("slidenum" in s.fields for s in slides(workdir / "marp.pptx"))   # paginate: false


def test_pandoc_title_block_and_language(workdir: Path) -> None:
    outline = workdir / "talk.md"
    outline.write_text("% Annual review\n% A. Author; B. Author\n% 26 November 2019\n\n# Results\n\n- Up\n",
                       encoding="utf-8")
    from pptx import Presentation

    build(outline, workdir / "talk.pptx")
    properties = Presentation(str(workdir / "talk.pptx")).core_properties
    assert (properties.title, properties.author, properties.language) == ("Annual review", "A. Author, B. Author",
                                                                        "en-US")
    facts = slides(workdir / "talk.pptx")
    assert [s.title for s in facts] == ["Annual review", "Contents", "Annual review", "1. Results", "Thank you"]
    assert "26 November 2019" in " ".join(facts[0].texts)


def test_cli_build_check_and_batch_take_markdown(kinds: Path, workdir: Path) -> None:
    (workdir / "broken.md").write_text("# Phần\n## Mục\n```slidegen table\nheader: [A]\n```\n", encoding="utf-8")
    runner = CliRunner()
    ok = runner.invoke(cli, ["check", str(kinds)])
    assert ok.exit_code == 0 and "ok (15 slides" in ok.output
    broken = runner.invoke(cli, ["build", str(workdir / "broken.md")])
    assert broken.exit_code == 1 and "Traceback" not in broken.output
    assert "broken.md:4:1: missing required key 'rows' in table" in broken.output
    batch = runner.invoke(cli, ["build", str(kinds), str(workdir / "broken.md"), "-j", "1"])
    assert batch.exit_code == 1 and (workdir / "build" / "kinds.pptx").exists()


def test_watch_notices_markdown_outlines(tmp_path: Path) -> None:
    from slidegen.watch import _relevant

    keep = _relevant(tmp_path / "build" / "talk.pptx")
    assert keep(None, str(tmp_path / "talk.md")) and keep(None, str(tmp_path / "talk.markdown"))


def test_code_block_becomes_a_code_slide(workdir: Path) -> None:
    outline = workdir / "code.md"
    outline.write_text("# Phần\n\n## Mã\n\n```python\nfor i in range(3):\n    print(i)\n```\n", encoding="utf-8")
    result = build(outline, workdir / "code.pptx")
    text = "\n".join(t for s in slides(workdir / "code.pptx") for t in s.texts)
    assert "for i in range(3):" in text and "print(i)" in text
    assert not [w for w in result.warnings if "code" in w.message]


def test_the_readme_example_builds_as_described(workdir: Path) -> None:
    from conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    example = readme.split("````markdown\n", 1)[1].split("\n````", 1)[0]
    outline = workdir / "talk.md"
    outline.write_text(example, encoding="utf-8")
    result = build(outline, workdir / "talk.pptx")
    assert [w.message.split(";")[0] for w in result.warnings] == ["picture not found: 'images/awgipc60.jpg'"]
    facts = slides(workdir / "talk.pptx")
    assert [s.layout for s in facts] == [
        "Title Slide", "Agenda", "Section Header", "Title and Content", "Comparison", "Title and Table",
        "Timeline", "Agenda", "Section Header", "Quote", "Picture with Caption", "Photos 2", "Title and Content",
        "Closing"]
    assert facts[2].notes == "Notes for the divider slide of part I."


def test_front_matter_takes_exactly_the_deck_keys_of_the_model() -> None:
    from slidegen import model
    from slidegen.outline.markdown.frontmatter import DECK_KEYS

    meta = model.DeckMeta
    fields = {f.name for f in dataclasses.fields(meta)} if dataclasses.is_dataclass(meta) else set(meta.model_fields)
    assert set(DECK_KEYS) == fields


def test_a_yaml_error_in_the_front_matter_names_the_markdown_line(workdir: Path) -> None:
    outline = workdir / "talk.md"
    outline.write_text("---\ntitle: Một\ndate: [2022\n---\n# Phần\n## Mục\n- a\n", encoding="utf-8")
    with pytest.raises(OutlineError) as error:
        check(outline)
    assert str(error.value).startswith("talk.md:4:")
