"""Includes: fan-out is bounded in total (files × times included, and values), not only in depth."""

from __future__ import annotations

from pathlib import Path

from hostile import HEAD, assert_one_error, peak_memory_of, run_cli


def _chain(folder: Path, levels: int, fan: int) -> None:
    """part0 includes part1 ``fan`` times, which includes part2 ``fan`` times, …: fan**levels."""
    for level in range(levels):
        body = "".join(f"- include: part{level + 1}.yaml\n" for _ in range(fan))
        (folder / f"part{level}.yaml").write_text(body, encoding="utf-8")
    (folder / f"part{levels}.yaml").write_text("- bullets: [a]\n", encoding="utf-8")
    (folder / "o.yaml").write_text(HEAD + "          - include: part0.yaml\n", encoding="utf-8")


def test_exponential_fan_out_fails_fast_naming_the_limit(workdir: Path) -> None:
    _chain(workdir, levels=12, fan=4)   # 4**12 = 16.7 million inclusions unbounded
    run = run_cli(["build", "o.yaml"], workdir)
    line = assert_one_error(run, "includes expand to more than 1,000 inclusions (each time a file is included counts)")
    assert line.startswith("error: part"), line   # located in the included file that goes over
    assert run.seconds < 2, run.seconds
    assert not (workdir / "build").exists()


def test_fan_out_memory_and_time_stay_small(workdir: Path) -> None:
    _chain(workdir, levels=12, fan=4)
    measured = peak_memory_of("""
import time
from slidegen.outline import load_outline
from slidegen.errors import SlidegenError
started = time.perf_counter()
try:
    load_outline("o.yaml")
    message = "built"
except SlidegenError as error:
    message = str(error)
RESULT = {"seconds": time.perf_counter() - started, "message": message}
""", cwd=workdir)
    assert "more than 1,000 inclusions" in measured["message"]
    assert measured["seconds"] < 1 and measured["rss_mib"] < 120, measured


def test_a_large_file_included_a_few_times_is_bounded_by_values(workdir: Path) -> None:
    (workdir / "big.yaml").write_text("- bullets: [" + ", ".join(["a"] * 30_000) + "]\n", encoding="utf-8")
    (workdir / "o.yaml").write_text(HEAD + "".join("          - include: big.yaml\n" for _ in range(5)),
                                    encoding="utf-8")
    run = run_cli(["build", "o.yaml"], workdir)
    assert_one_error(run, "includes expand the outline to more than 100,000 values")
    assert run.seconds < 3


def test_a_file_included_several_times_within_the_limits_builds(workdir: Path) -> None:
    from slidegen.render.dump import dump_pptx

    _chain(workdir, levels=3, fan=3)   # 27 copies of one bullet slide
    (workdir / "part3.yaml").write_text("- bullets: [Lặp lại]\n", encoding="utf-8")
    run = run_cli(["build", "o.yaml"], workdir)
    assert run.exit_code == 0, run.output
    assert dump_pptx(workdir / "build" / "o.pptx").count("Lặp lại") == 27


def test_a_long_text_included_many_times_is_bounded_by_characters(workdir: Path) -> None:
    (workdir / "long.yaml").write_text("- bullets: [\"" + "Việt Nam " * 30_000 + "\"]\n", encoding="utf-8")
    (workdir / "o.yaml").write_text(HEAD + "".join("          - include: long.yaml\n" for _ in range(40)),
                                    encoding="utf-8")
    run = run_cli(["build", "o.yaml"], workdir)   # 40 × 270,000 characters, unbounded a 10,000-slide plan
    assert_one_error(run, "includes expand the outline to more than 4,194,304 characters of text")
    assert run.seconds < 2


def test_yaml_aliases_cannot_multiply_an_outlines_text(workdir: Path) -> None:
    # 140 KB of file, 40 million characters once the aliases are expanded: unbounded, a
    # 50,000-slide plan of more than a minute.
    text = HEAD + f"          - bullets: [&t \"{'Việt Nam hợp tác ' * 6000}\"]\n" + "          - bullets: [*t]\n" * 400
    (workdir / "o.yaml").write_text(text, encoding="utf-8")
    run = run_cli(["build", "o.yaml"], workdir)
    assert_one_error(run, "o.yaml:8:23: the document holds more than 2,097,152 characters of text with its "
                          "YAML aliases (*name) expanded")
    assert run.seconds < 2
