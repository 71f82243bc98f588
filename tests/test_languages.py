"""One outline, several languages: a deck per language, each wholly in its language."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from pptx_facts import slides, text_runs
from slidegen.__main__ import cli

BILINGUAL = """\
deck:
  title: {vi-VN: Hợp tác ASEAN về SHTT, en-US: ASEAN IP cooperation}
  date: 2022-03-04
  languages: [vi-VN, en-US]
  organisation: {vi-VN: Cục Sở hữu trí tuệ, en-US: IP Viet Nam}
  agenda: {repeat: true}
  sources: {1: "aseanip.org – About"}
sections:
  - title: {vi-VN: Cơ chế, en-US: Mechanisms}
    items:
      - title: {vi-VN: Cơ chế hợp tác, en-US: Cooperation mechanism}
        slides:
          - bullets:
              - {vi-VN: Hiệp định khung ký năm 1995, en-US: Framework Agreement signed in 1995}
              - AWGIPC
              - text: {vi-VN: Các kế hoạch, en-US: Action plans}
                children: ["2016–2025"]
            notes: {vi-VN: Ghi chú cho người trình bày, en-US: Notes for the presenter}
            sources: [1]
      - title: {vi-VN: Nhóm công tác, en-US: The working group}
        todo: {vi-VN: Bổ sung, en-US: To add}
  - title: {vi-VN: Chủ tịch, en-US: Chairmanship}
    items:
      - title: {vi-VN: Nhiệm kỳ 2019–2021, en-US: The 2019–2021 term}
        slides:
          - timeline:
              - {date: "11/11/2019", title: {vi-VN: Họp AWGIPC 60, en-US: AWGIPC 60 meeting}}
"""
VIETNAMESE_WORDS = ("Nội dung", "PHẦN", "(tiếp)", "Xin trân trọng cảm ơn", "Nguồn", "CẦN BỔ SUNG", "tháng")


def test_one_deck_per_language_with_its_own_words_and_tags(workdir: Path) -> None:
    (workdir / "o.yaml").write_text(BILINGUAL, encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "o.yaml"])
    assert result.exit_code == 0, result.output
    assert "build/o.pptx  (vi-VN" in result.output and "build/o.en-US.pptx  (en-US" in result.output
    vi, en = slides(workdir / "build" / "o.pptx"), slides(workdir / "build" / "o.en-US.pptx")
    assert len(vi) == len(en)
    assert [s.layout for s in vi] == [s.layout for s in en]
    titles = [s.title for s in en]
    assert titles[:4] == ["ASEAN IP cooperation", "Contents", "Mechanisms", "1. Cooperation mechanism"]
    assert "2. The working group" in titles and titles[-1] == "Thank you"
    english = "\n".join(" ".join(s.texts) + "\n" + s.notes for s in en)
    assert "4 March 2022" in english and "PART I" in english and "Sources:\n[1] aseanip.org" in english
    assert "[TO COMPLETE] To add" in english
    assert not [w for w in VIETNAMESE_WORDS if w in english]
    assert "04/03/2022" in " ".join(vi[0].texts) and "Nội dung" == vi[1].title
    languages = {(rPr.get("lang") if rPr is not None else None) for _, rPr, _ in text_runs(workdir / "build" / "o.en-US.pptx")}
    assert languages == {"en-US"}


def test_a_missing_translation_is_located_and_strict_fails(workdir: Path) -> None:
    text = BILINGUAL.replace("{vi-VN: Cơ chế hợp tác, en-US: Cooperation mechanism}", "{vi-VN: Cơ chế hợp tác}")
    (workdir / "o.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "o.yaml"])
    assert result.exit_code == 0, result.output
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if "{vi-VN: Cơ chế hợp tác}" in row)
    assert f"warning: o.yaml:{line}:16: no en-US text; shown in vi-VN: 'Cơ chế hợp tác'" in result.output.splitlines()
    assert slides(workdir / "build" / "o.en-US.pptx")[3].title == "1. Cơ chế hợp tác"
    strict = CliRunner().invoke(cli, ["check", "o.yaml", "--strict"])
    assert strict.exit_code == 1
    assert f"error: o.yaml:{line}:16: warning (--strict): no en-US text" in strict.output
    coverage = CliRunner().invoke(cli, ["check", "o.yaml", "--lang", "en-US"])
    assert re.search(r"en-US: (\d+) of (\d+) texts given by language are translated", coverage.output)
    assert f"  missing: o.yaml:{line}:16: 'Cơ chế hợp tác'" in coverage.output.splitlines()


def test_one_language_on_request_and_an_undeclared_one_refused(workdir: Path) -> None:
    (workdir / "o.yaml").write_text(BILINGUAL, encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "o.yaml", "--lang", "en-US", "-o", "out/talk.pptx"])
    assert result.exit_code == 0, result.output
    assert (workdir / "out" / "talk.en-US.pptx").is_file() and not (workdir / "out" / "talk.pptx").exists()
    refused = CliRunner().invoke(cli, ["build", "o.yaml", "--lang", "fr-FR"])
    assert refused.exit_code == 1
    assert refused.output.strip() == ("error: o.yaml:4:14: the deck is not written in fr-FR; its languages: vi-VN, "
                                      "en-US (add it to deck.languages)")


def test_english_text_is_fitted_in_english(workdir: Path) -> None:
    """The split points follow each language's own text: a long English text continues where
    the short Vietnamese one fits."""
    long_en = " ".join(["An English bullet that is much longer than its Vietnamese original"] * 3)
    bullets = "".join(f"              - {{vi-VN: Ý {n}, en-US: '{long_en} {n}'}}\n" for n in range(7))
    (workdir / "o.yaml").write_text(
        "deck: {title: T, languages: [vi-VN, en-US], agenda: {enabled: false}}\nsections:\n  - title: A\n"
        "    items:\n      - title: X\n        slides:\n          - bullets:\n" + bullets, encoding="utf-8")
    assert CliRunner().invoke(cli, ["build", "o.yaml"]).exit_code == 0
    vi, en = slides(workdir / "build" / "o.pptx"), slides(workdir / "build" / "o.en-US.pptx")
    assert len(en) > len(vi)
    assert any(s.title.endswith("(continued)") for s in en) and not any("(tiếp)" in s.title for s in vi)


def test_tables_and_data_files_give_text_by_language(workdir: Path) -> None:
    """Table cells take text by language, and rows()/pick() take a column by language, so a
    table or timeline made from a data file is built in each language from its own columns."""
    (workdir / "meetings.csv").write_text("date,date_en,what,what_en\n11/11/2019,11 Nov 2019,Họp AWGIPC 60,AWGIPC 60 meeting\n"
                                          "7/2020,July 2020,Phiên trực tuyến,Online session\n", encoding="utf-8")
    (workdir / "o.yaml").write_text(
        "data: {meetings: meetings.csv}\n"
        "deck: {title: T, languages: [vi-VN, en-US], agenda: {enabled: false}}\nsections:\n  - title: A\n"
        "    items:\n      - title: X\n        slides:\n"
        "          - table:\n              header: [{vi-VN: Thời gian, en-US: Date}, {vi-VN: Cuộc họp, en-US: Meeting}]\n"
        "              rows: \"{{ meetings | rows({'vi-VN': 'date', 'en-US': 'date_en'}, {'vi-VN': 'what', 'en-US': 'what_en'}) }}\"\n"
        "          - timeline: \"{{ meetings | pick(date={'vi-VN': 'date', 'en-US': 'date_en'}, title='what') }}\"\n",
        encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "o.yaml"])
    assert result.exit_code == 0, result.output
    from pptx import Presentation

    def table(path: Path) -> list[list[str]]:
        shapes = [sh for s in Presentation(str(path)).slides for sh in s.shapes if sh.has_table]
        return [[c.text_frame.text for c in row.cells] for row in shapes[0].table.rows]

    assert table(workdir / "build" / "o.pptx") == [["Thời gian", "Cuộc họp"], ["11/11/2019", "Họp AWGIPC 60"],
                                                  ["7/2020", "Phiên trực tuyến"]]
    assert table(workdir / "build" / "o.en-US.pptx") == [["Date", "Meeting"], ["11 Nov 2019", "AWGIPC 60 meeting"],
                                                        ["July 2020", "Online session"]]
    timeline = " ".join(slides(workdir / "build" / "o.en-US.pptx")[-2].texts)
    assert "11 Nov 2019" in timeline and "July 2020" in timeline and "Họp AWGIPC 60" in timeline  # title: one column
    bad = (workdir / "o.yaml").read_text(encoding="utf-8").replace("'date_en'}, {'vi-VN'", "'date_x'}, {'vi-VN'")
    (workdir / "o.yaml").write_text(bad, encoding="utf-8")
    refused = CliRunner().invoke(cli, ["build", "o.yaml"])
    assert refused.exit_code == 1 and "template error: no column 'date_x'" in refused.output
