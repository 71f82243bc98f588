"""Only regular files are read: a FIFO does not block, a device (or a link to one) is not read;
and the size is checked while reading, not only from stat."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from hostile import HEAD, Run, assert_one_error, run_cli
from slidegen.errors import OutlineError
from slidegen.outline.source import read_bounded


def _run_without_blocking(args: list[str], folder: Path, timeout: float = 10) -> Run:
    """run_cli in a thread: should a FIFO be opened for reading, the test fails instead of hanging."""
    done: list[Run] = []
    thread = threading.Thread(target=lambda: done.append(run_cli(args, folder)), daemon=True)
    thread.start()
    thread.join(timeout)
    assert done, f"slidegen {' '.join(args)} blocked for {timeout} s"
    return done[0]


def _fifo(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)


def _dev_zero(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.symlink("/dev/zero", path)


OUTLINE_WITH_PARTS = ("data: {m: data/m.csv}\n" + HEAD + "          - include: parts/p.yaml\n"
                      "          - bullets: [\"{{ m | length }}\"]\n")


@pytest.mark.parametrize("make", [_fifo, _dev_zero], ids=["fifo", "link-to-dev-zero"])
def test_an_outline_that_is_not_a_regular_file_is_refused(workdir: Path, make) -> None:
    make(workdir / "o.yaml")
    run = _run_without_blocking(["build", "o.yaml"], workdir)
    kind = "a FIFO" if make is _fifo else "a character device"
    assert_one_error(run, f"error: o.yaml is not a regular file ({kind}); give an outline saved on disk")
    assert run.seconds < 2


@pytest.mark.parametrize("make", [_fifo, _dev_zero], ids=["fifo", "link-to-dev-zero"])
@pytest.mark.parametrize("which", ["parts/p.yaml", "data/m.csv"])
def test_an_include_or_data_file_that_is_not_a_regular_file_is_refused(workdir: Path, make, which: str) -> None:
    (workdir / "o.yaml").write_text(OUTLINE_WITH_PARTS, encoding="utf-8")
    for name, text in (("parts/p.yaml", "- bullets: [a]\n"), ("data/m.csv", "a\n1\n")):
        (workdir / name).parent.mkdir(exist_ok=True)
        if name != which:
            (workdir / name).write_text(text, encoding="utf-8")
    if make is _dev_zero:
        # a link to a device points out of the project, so the path rule refuses it even earlier
        make(workdir / which)
        run = _run_without_blocking(["build", "o.yaml"], workdir)
        assert_one_error(run, "lies outside the project folder")
        run = _run_without_blocking(["build", "o.yaml", "--allow-outside"], workdir)
        assert_one_error(run, "error: /dev/zero is not a regular file (a character device)")
    else:
        make(workdir / which)
        run = _run_without_blocking(["build", "o.yaml"], workdir)
        assert_one_error(run, f"error: {which} is not a regular file (a FIFO); give a")
    assert run.seconds < 2


def test_a_theme_file_that_is_a_fifo_is_refused(workdir: Path) -> None:
    _fifo(workdir / "themes" / "mine" / "theme.yaml")
    (workdir / "o.yaml").write_text(HEAD.replace("  title: T\n", "  title: T\n  theme: mine\n") +
                                    "          - bullets: [a]\n", encoding="utf-8")
    # A FIFO is not a file theme lookup accepts: the theme is not found, and nothing blocks.
    run = _run_without_blocking(["build", "o.yaml"], workdir)
    assert_one_error(run, "unknown theme 'mine'")


def test_the_size_is_checked_while_reading_not_only_from_stat() -> None:
    # /proc files say they are 0 bytes long, yet hold text: stat alone would let any size through.
    status = Path("/proc/self/status")
    if not status.is_file() or status.stat().st_size != 0:
        pytest.skip("needs Linux /proc")
    with pytest.raises(OutlineError) as caught:
        read_bounded(status, 100)
    assert str(caught.value).endswith("outline is more than 100 bytes (it grew while being read)")
    assert read_bounded(status, 1_000_000).startswith(b"Name:")


def test_a_directory_given_as_a_data_file_is_one_error(workdir: Path) -> None:
    (workdir / "data" / "m.csv").mkdir(parents=True)
    (workdir / "o.yaml").write_text("data: {m: data/m.csv}\n" + HEAD + "          - bullets: [a]\n",
                                    encoding="utf-8")
    assert_one_error(run_cli(["build", "o.yaml"], workdir), "error: data/m.csv is a directory, not a data file")
