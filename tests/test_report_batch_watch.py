"""Build report, batch builds and the watch loop."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

from click.testing import CliRunner

from conftest import DECKS
from hostile import wait_until
from pptx_facts import slides
from slidegen.__main__ import cli

SLIDE_KEYS = {"number", "kind", "title", "layout", "font_scale", "continuation_of", "warnings"}
SIMPLE = ("deck:\n  title: {title}\nsections:\n  - title: A\n    items:\n      - title: x\n"
          "        slides:\n          - bullets: [a, b]\n")


def test_report_json_shape_for_awgipc(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    result = CliRunner().invoke(cli, ["build", str(DECKS / "awgipc.yaml"), "-o", str(tmp_path / "a.pptx"),
                                      "--report", "--report-json", str(report)])
    assert result.exit_code == 0, result.output
    data = json.loads(report.read_text(encoding="utf-8"))
    assert set(data) == {"version", "outline", "output", "summary", "slides", "warnings"}
    assert set(data["summary"]) == {"slides", "warnings", "continuations", "seconds"}
    # The report describes the file that was written: its slides, titles and layouts, in order.
    written = slides(tmp_path / "a.pptx")
    assert data["summary"]["slides"] == len(written)
    assert [s["title"] for s in data["slides"]] == [f.title for f in written]
    assert [s["layout"] for s in data["slides"]] == [f.layout for f in written]
    assert data["summary"]["continuations"] == sum(f.title.endswith("(tiếp)") for f in written)
    for n, slide in enumerate(data["slides"], start=1):
        assert set(slide) == SLIDE_KEYS and slide["number"] == n
        assert 0.5 <= slide["font_scale"] <= 1.0
    assert data["slides"][0]["layout"] == "Title Slide" and data["slides"][-1]["kind"] == "closing"
    assert "Title Slide" in result.output  # the printed table


def test_batch_builds_the_good_ones_and_exits_1(workdir: Path) -> None:
    for name in ("one", "two"):
        (workdir / f"{name}.yaml").write_text(SIMPLE.format(title=name), encoding="utf-8")
    (workdir / "bad.yaml").write_text("deck: {title: x}\nsections: []\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "one.yaml", "bad.yaml", "two.yaml", "-j", "2"])
    assert result.exit_code == 1
    assert (workdir / "build" / "one.pptx").is_file() and (workdir / "build" / "two.pptx").is_file()
    assert not (workdir / "build" / "bad.pptx").exists()
    assert "2 built, 1 failed" in result.output
    assert "bad.yaml:2:11: 'sections' needs at least 1 entry" in result.output


def test_watch_rebuilds_after_an_edit_and_keeps_the_last_good_deck(workdir: Path) -> None:
    from slidegen import build
    from slidegen.render.dump import dump_pptx
    from slidegen.watch import watch

    outline = workdir / "w.yaml"
    outline.write_text(SIMPLE.format(title="Trước"), encoding="utf-8")
    target = workdir / "build" / "w.pptx"
    events = []
    stop = threading.Event()

    def rebuild() -> str:
        return str(build(outline, target).output)

    thread = threading.Thread(target=watch, args=(outline, target, rebuild, events.append, stop), daemon=True)
    thread.start()
    try:
        wait_until(lambda: len(events) >= 1)
        assert events[0].ok and "Trước" in dump_pptx(target)
        time.sleep(0.5)
        outline.write_text(SIMPLE.format(title="Sau"), encoding="utf-8")
        wait_until(lambda: len(events) >= 2)
        assert events[-1].ok and "Sau" in dump_pptx(target)
        good = target.read_bytes()
        outline.write_text("deck: [broken\n", encoding="utf-8")
        wait_until(lambda: len(events) >= 3)
        assert not events[-1].ok and "invalid YAML" in events[-1].message
        assert target.read_bytes() == good
    finally:
        stop.set()
        thread.join(timeout=5)


def test_stress_report_shows_continuations_and_font_scales(tmp_path: Path) -> None:
    stress = Path(__file__).resolve().parent / "decks" / "stress.yaml"
    report = tmp_path / "stress.json"
    result = CliRunner().invoke(cli, ["build", str(stress), "-o", str(tmp_path / "s.pptx"), "--report-json", str(report)])
    assert result.exit_code == 0, result.output
    data = json.loads(report.read_text(encoding="utf-8"))
    continued = [s for s in data["slides"] if s["continuation_of"]]
    assert data["summary"]["continuations"] == len(continued) >= 10
    for slide in continued:
        first = data["slides"][slide["continuation_of"] - 1]
        assert first["continuation_of"] is None and slide["title"] == first["title"] + " (tiếp)"
    scaled = [s for s in data["slides"] if s["font_scale"] < 1]
    assert all(0.5 <= s["font_scale"] < 1 for s in scaled)


def test_awgipc_agenda_is_shrunk_within_the_floor(tmp_path: Path) -> None:
    report = tmp_path / "a.json"
    result = CliRunner().invoke(cli, ["build", str(DECKS / "awgipc.yaml"), "-o", str(tmp_path / "a.pptx"),
                                      "--report-json", str(report)])
    assert result.exit_code == 0
    agenda = json.loads(report.read_text(encoding="utf-8"))["slides"][1]
    assert agenda["kind"] == "agenda" and 0.8 <= agenda["font_scale"] < 1
