"""Batch and watch never die: whatever a deck fails with is its own line in the summary, the others
are built; outlines that share an output are refused before building; watch keeps going."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from pathlib import Path

import pytest

from hostile import HEAD, run_cli, wait_until

GOOD = HEAD + "          - bullets: [a]\n"
BAD_TEMPLATE = HEAD + "          - bullets: [\"{{ 1 / 0 }}\"]\n"


def _outlines(folder: Path, **texts: str) -> list[str]:
    for name, text in texts.items():
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return [f"{name}.yaml" for name in texts]


def _fail_for(monkeypatch: pytest.MonkeyPatch, stem: str, action) -> None:
    """Make the build of ``stem``.yaml do ``action`` (raise, or end its process) instead."""
    import slidegen.api as build_module

    real = build_module.build

    def build(outline, *args, **kwargs):
        if Path(outline).stem == stem:
            action()
        return real(outline, *args, **kwargs)

    monkeypatch.setattr(build_module, "build", build)


def _raise() -> None:
    raise RuntimeError("unexpected\nacross two lines")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_every_failure_is_one_line_and_the_rest_is_built(workdir: Path, monkeypatch: pytest.MonkeyPatch,
                                                          jobs: str) -> None:
    if jobs == "2" and multiprocessing.get_start_method() != "fork":
        pytest.skip("the failure is planted in this process; workers see it only when forked")
    _fail_for(monkeypatch, "boom", _raise)
    names = _outlines(workdir, one=GOOD, bad=BAD_TEMPLATE, boom=GOOD, two=GOOD)
    run = run_cli(["build", *names, "-j", jobs], workdir)
    assert run.exit_code == 1
    assert (workdir / "build" / "one.pptx").is_file() and (workdir / "build" / "two.pptx").is_file()
    assert not (workdir / "build" / "bad.pptx").exists() and not (workdir / "build" / "boom.pptx").exists()
    errors = [line for line in run.lines if line.startswith("error: ")]
    assert errors == ["error: bad.yaml:8:23: template error: division by zero",
                      "error: boom.yaml: internal error (RuntimeError: unexpected across two lines); this is a "
                      "bug in slidegen, please report it"], run.output
    assert run.lines[-1] == "2 built, 2 failed"


def test_a_worker_that_dies_fails_its_decks_not_the_batch(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the failure is planted in this process; workers see it only when forked")
    _fail_for(monkeypatch, "dies", lambda: os._exit(9))
    names = _outlines(workdir, dies=GOOD, one=GOOD, two=GOOD, three=GOOD)
    run = run_cli(["build", *names, "-j", "2"], workdir)
    assert run.exit_code == 1
    errors = [line for line in run.lines if line.startswith("error: ")]
    assert errors == ["error: dies.yaml: its build process stopped unexpectedly (killed, or out of memory?)"], run.output
    assert run.lines[-1] == "3 built, 1 failed"
    assert sorted(p.name for p in (workdir / "build").iterdir()) == ["one.pptx", "three.pptx", "two.pptx"]


def test_a_worker_killed_while_writing_leaves_no_temporary_file(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The process dies between writing its deck's temporary file and renaming it (as a worker the
    pool kills when another dies can): the batch removes what it left."""
    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the failure is planted in this process; workers see it only when forked")
    import slidegen.output as output

    real_replace = os.replace

    def replace(source, target):
        if Path(target).name == "dies.pptx":
            os._exit(9)
        return real_replace(source, target)

    monkeypatch.setattr(output.os, "replace", replace)
    names = _outlines(workdir, dies=GOOD, one=GOOD, two=GOOD)
    run = run_cli(["build", *names, "-j", "2"], workdir)
    assert run.exit_code == 1
    assert run.lines[-1] == "2 built, 1 failed", run.output
    assert sorted(p.name for p in (workdir / "build").iterdir()) == ["one.pptx", "two.pptx"]


def test_outlines_that_would_share_an_output_are_refused_before_building(workdir: Path) -> None:
    for folder in ("a", "b"):
        (workdir / folder).mkdir()
        (workdir / folder / "deck.yaml").write_text(GOOD, encoding="utf-8")
    run = run_cli(["build", "a/deck.yaml", "b/deck.yaml", "-j", "2"], workdir)
    assert run.exit_code == 2
    assert "a/deck.yaml and b/deck.yaml would all be built to build/deck.pptx" in run.output
    assert not (workdir / "build").exists()
    run = run_cli(["build", "a/deck.yaml", "a/deck.yaml"], workdir)
    assert run.exit_code == 2 and "would all be built to build/deck.pptx" in run.output


def test_a_batch_passes_the_template_on(workdir: Path) -> None:
    from pptx import Presentation

    Presentation().save(str(workdir / "house.pptx"))
    names = _outlines(workdir, one=GOOD, two=GOOD)
    run = run_cli(["build", *names, "--template", "house.pptx"], workdir)
    assert run.exit_code == 0, run.output
    for name in ("one", "two"):
        layouts = {s.slide_layout.name for s in Presentation(str(workdir / "build" / f"{name}.pptx")).slides}
        assert "Title and Content" in layouts   # the template's layout name, not the theme's


def test_watch_reports_a_failing_edit_and_keeps_the_last_good_deck(workdir: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from slidegen import build
    from slidegen.render.dump import dump_pptx
    from slidegen.watch import watch

    outline = workdir / "w.yaml"
    outline.write_text(GOOD.replace("[a]", "[Trước]"), encoding="utf-8")
    target = workdir / "build" / "w.pptx"
    events = []
    stop = threading.Event()
    unexpected = threading.Event()

    def rebuild() -> str:
        if unexpected.is_set():
            raise KeyError("a bug")
        return str(build(outline, target).output)

    thread = threading.Thread(target=watch, args=(outline, target, rebuild, events.append, stop), daemon=True)
    thread.start()
    try:
        wait_until(lambda: len(events) >= 1)
        assert events[0].ok
        good = target.read_bytes()
        for edit, expected in ((BAD_TEMPLATE, "w.yaml:8:23: template error: division by zero"),
                               (HEAD + "          - bullets: [\"{{ 'x' * 10**10 }}\"]\n",
                                "template exceeds a limit: a repeated value of more than 5,000,000 characters"),
                               (GOOD.replace("[a]", "[Sau]"), "internal error (KeyError: 'a bug')")):
            count = len(events)
            if "Sau" in edit:
                unexpected.set()
            time.sleep(0.3)
            outline.write_text(edit, encoding="utf-8")
            wait_until(lambda: len(events) > count)
            assert not events[-1].ok and expected in events[-1].message, events[-1]
            assert target.read_bytes() == good
        assert thread.is_alive()   # still watching
        unexpected.clear()
        count = len(events)
        outline.write_text(GOOD.replace("[a]", "[Cuối]"), encoding="utf-8")
        wait_until(lambda: len(events) > count)
        assert events[-1].ok and "Cuối" in dump_pptx(target)
    finally:
        stop.set()
        thread.join(timeout=5)
