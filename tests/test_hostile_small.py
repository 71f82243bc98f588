"""Smaller promises: terminal markup shown literally, NUL characters and odd timeouts refused as
usage errors, and a preview never reports success from a PDF an earlier run left."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from conftest import soffice
from hostile import HEAD, assert_one_error, peak_memory_of, run_cli

MARKUP = "[bold red]Tiêu đề[/] [/]"


def test_the_report_shows_markup_in_titles_literally(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")   # wide enough that the title is not folded
    (workdir / "o.yaml").write_text(HEAD.replace("title: x", f"title: \"{MARKUP}\"") +
                                    "          - bullets: [a]\n", encoding="utf-8")
    run = run_cli(["build", "o.yaml", "--report"], workdir)
    assert run.exit_code == 0, run.output
    assert f"1. {MARKUP}" in run.output


def test_the_batch_summary_shows_markup_in_paths_literally(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    # "[bold]d/[/bold]x.yaml" is the file "bold]x.yaml" in the folder "[bold]d/[": read as markup
    # it would lose its brackets, and a lone "[/]" would stop rich with an error.
    names = ["[bold]d/[/bold]x.yaml", "[red]một.yaml", "[/x]/[/]y.yaml"]
    for name in names:
        (workdir / name).parent.mkdir(parents=True, exist_ok=True)
        (workdir / name).write_text(HEAD + "          - bullets: [a]\n", encoding="utf-8")
    (workdir / "[bold]hỏng.yaml").write_text("deck: [\n", encoding="utf-8")
    run = run_cli(["build", *names, "[bold]hỏng.yaml"], workdir)
    assert run.exit_code == 1
    for shown in (*names, "[bold]hỏng.yaml", "build/bold]x.pptx", "build/[red]một.pptx"):
        assert shown in run.output, run.output
    assert run.lines[-1] == "3 built, 1 failed"


@pytest.mark.parametrize("args", [
    ["build", "o\0.yaml"],
    ["build", "o.yaml", "-o", "out\0.pptx"],
    ["build", "o.yaml", "--template", "t\0.potx"],
    ["build", "o.yaml", "--data", "m=m\0.csv"],
    ["build", "o.yaml", "--report-json", "r\0.json"],
    ["check", "o\0.yaml"],
    ["watch", "o\0.yaml"],
    ["preview", "o\0.yaml"],
    ["template", "check", "t\0.pptx"],
], ids=lambda a: " ".join(a).replace("\0", "<NUL>"))
def test_a_nul_character_in_an_argument_is_a_usage_error(workdir: Path, args: list[str]) -> None:
    (workdir / "o.yaml").write_text(HEAD + "          - bullets: [a]\n", encoding="utf-8")
    run = run_cli(args, workdir)
    assert run.exit_code == 2, run.output
    assert "contains a NUL character" in run.output
    assert not (workdir / "build").exists()


@pytest.mark.parametrize("timeout", ["nan", "inf", "-inf", "-1", "0"])
def test_a_timeout_that_is_not_a_positive_number_of_seconds_is_a_usage_error(workdir: Path, timeout: str) -> None:
    (workdir / "o.yaml").write_text(HEAD + "          - bullets: [a]\n", encoding="utf-8")
    run = run_cli(["preview", "o.yaml", "--timeout", timeout], workdir)
    assert run.exit_code == 2, run.output
    assert "is not a number of seconds above 0" in run.output


def _fake_soffice(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A LibreOffice that exits 0 without writing anything, as the real one does for a file it
    cannot load."""
    bin_dir = folder / "fake-bin"
    bin_dir.mkdir()
    script = bin_dir / "soffice"
    script.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 0\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")


def test_preview_does_not_report_success_from_an_old_pdf(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (workdir / "deck.pptx").write_bytes(b"not a deck")
    out = workdir / "preview"
    out.mkdir()
    (out / "deck.pdf").write_bytes(b"%PDF-1.4 an earlier run's")
    _fake_soffice(workdir, monkeypatch)
    run = run_cli(["preview", "deck.pptx", "-o", "preview"], workdir)
    assert_one_error(run, "error: LibreOffice could not convert deck.pptx: Error: source file could not be loaded")
    assert (out / "deck.pdf").read_bytes() == b"%PDF-1.4 an earlier run's"   # left as it was, not reported
    assert sorted(p.name for p in out.iterdir()) == ["deck.pdf"]   # no leftover temporary folder


@pytest.mark.libreoffice
@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_real_libreoffice_on_a_broken_deck_is_an_error_despite_an_old_pdf(workdir: Path) -> None:
    (workdir / "deck.pptx").write_bytes(b"PK\x03\x04 broken zip")
    (workdir / "preview").mkdir()
    (workdir / "preview" / "deck.pdf").write_bytes(b"%PDF-1.4 an earlier run's")
    run = run_cli(["preview", "deck.pptx", "-o", "preview", "--timeout", "120"], workdir)
    assert run.exit_code == 1, run.output
    assert run.lines[-1].startswith("error: LibreOffice could not convert deck.pptx"), run.output


def _sections(count: int) -> dict:
    return {"deck": {"title": "T", "agenda": {"repeat": True}},
            "sections": [{"title": f"Phần {s}", "items": [{"title": f"Mục {s}", "slides": [{"bullets": ["a"]}]}]}
                         for s in range(count)]}


def _agenda_lines(deck_slides: tuple, name: str = "agenda") -> list[list[str]]:
    return [[p.text for p in slide.content.body.paras] for slide in deck_slides if slide.kind == name]


def test_a_repeated_agenda_of_500_sections_stays_linear() -> None:
    """Every section listed before every section would be 250,000 lines and thousands of slides;
    a repeated agenda shows a window of seven neighbours, so the deck grows with its sections."""
    result = peak_memory_of(
        "import time, slidegen\n"
        "started = time.perf_counter()\n"
        f"deck = slidegen.plan({_sections(500)!r})\n"
        "agendas = [s for s in deck.slides if s.kind == 'agenda']\n"
        "RESULT = {'slides': len(deck.slides), 'agendas': len(agendas), 'seconds': time.perf_counter() - started,\n"
        "          'longest': max(len(s.content.body.paras) for s in agendas[-499:])}\n")
    # title + the full agenda (split over a few slides) + 499 repeats + 500 dividers + 500 items + closing
    full_agenda_slides = result["agendas"] - 499
    assert 1 < full_agenda_slides <= 150    # 1,000 lines at about ten a slide
    assert result["slides"] == 1 + result["agendas"] + 500 + 500 + 1
    assert result["longest"] <= 7 + 1 + 2      # seven sections, the current one's item, two "…"
    assert result["seconds"] < 20 and result["rss_mib"] < 400, result


def test_a_repeated_agenda_windows_its_sections_around_the_current_one() -> None:
    import slidegen

    lines = _agenda_lines(slidegen.plan(_sections(20)).slides)
    repeat_before_10 = lines[-10]   # the repeats are for sections 1..19; section 10's is 10th from the end
    assert repeat_before_10 == ["…", "VIII. Phần 7", "IX. Phần 8", "X. Phần 9", "XI. Phần 10", "1. Mục 10",
                                "XII. Phần 11", "XIII. Phần 12", "XIV. Phần 13", "…"]
    assert lines[-1][-2:] == ["XX. Phần 19", "1. Mục 19"] and lines[-1][0] == "…"   # clamped at the end
    short = _agenda_lines(slidegen.plan(_sections(3)).slides)
    assert short[-1] == ["I. Phần 0", "II. Phần 1", "III. Phần 2", "1. Mục 2"]  # few sections: all listed


def _items(count: int, rows: int = 0) -> str:
    slide = ("          - table: {header: [a], rows: [" + ", ".join(["[x]"] * rows) + "]}\n") if rows else \
        "          - bullets: [a]\n"
    return "deck: {title: T, agenda: {enabled: false}, closing: {enabled: false}}\nsections:\n  - title: A\n" \
           "    items:\n" + "".join(f"      - title: m{i}\n        slides:\n{slide}" for i in range(count))


def test_a_deck_over_the_slide_limit_is_refused_before_it_is_fitted(workdir: Path) -> None:
    """8,000 items: counted and refused before any text is measured, in bounded time."""
    (workdir / "o.yaml").write_text(_items(8_000), encoding="utf-8")
    run = run_cli(["check", "o.yaml"], workdir)
    assert_one_error(run, "error: o.yaml:1:1: the deck would have 8,002 slides; the limit is 5,000 (raise it with "
                          "--max-slides (max_slides= from Python), up to 15,000)")
    assert run.seconds < 15


def test_continuation_slides_count_toward_the_limit_and_the_limit_can_be_raised(workdir: Path) -> None:
    (workdir / "o.yaml").write_text(_items(3, rows=60), encoding="utf-8")   # 3 tables of 60 rows, ~5 slides each
    refused = run_cli(["build", "o.yaml", "--max-slides", "10"], workdir)
    assert_one_error(refused, "slides; the limit is 10 (raise it with --max-slides")
    assert not (workdir / "build").exists()
    built = run_cli(["build", "o.yaml", "--max-slides", "100"], workdir)
    assert built.exit_code == 0, built.output


@pytest.mark.parametrize("value", ["0", "15001", "many"])
def test_a_slide_limit_out_of_range_is_a_usage_error(workdir: Path, value: str) -> None:
    (workdir / "o.yaml").write_text(_items(1), encoding="utf-8")
    run = run_cli(["build", "o.yaml", "--max-slides", value], workdir)
    assert run.exit_code == 2 and "--max-slides" in run.output, run.output
