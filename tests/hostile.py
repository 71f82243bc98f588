"""Helpers for the hostile-input tests: run the CLI, time it, and prove no file was touched."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from slidegen.__main__ import cli

HEAD = "deck:\n  title: T\nsections:\n  - title: A\n    items:\n      - title: x\n        slides:\n"
PREVIOUS = b"previous deck: must survive every failed build"


def outline_with(slide_yaml: str, deck_extra: str = "") -> str:
    """A one-slide outline; ``slide_yaml`` is the slide entry's YAML (indented by the caller)."""
    return HEAD.replace("  title: T\n", "  title: T\n" + deck_extra) + slide_yaml


def quoted(text: str) -> str:
    """A YAML double-quoted scalar holding ``text``."""
    return json.dumps(text, ensure_ascii=False)


def snapshot(folder: Path) -> dict[str, str]:
    """The SHA-256 of every file under ``folder`` (symlinks and special files by their target name)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            found[str(path.relative_to(folder))] = "link→" + str(path.readlink())
        elif path.is_file() and path.stat().st_size > 64 * 1024 * 1024:
            # a sparse stand-in for a huge input: hashing it would read gigabytes of zeros
            stat = path.stat()
            found[str(path.relative_to(folder))] = f"{stat.st_size} bytes, modified {stat.st_mtime_ns}"
        elif path.is_file():
            found[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
        elif not path.is_dir():
            found[str(path.relative_to(folder))] = "special"
    return found


@dataclass
class Run:
    exit_code: int
    output: str
    seconds: float

    @property
    def lines(self) -> list[str]:
        return self.output.splitlines()


def run_cli(args: list[str], folder: Path | None = None) -> Run:
    """Invoke the CLI in-process; when ``folder`` is given, assert no existing file in it changed
    (new files may appear: the deck of a successful build)."""
    before = snapshot(folder) if folder else {}
    started = time.perf_counter()
    result = CliRunner().invoke(cli, args, catch_exceptions=True)
    seconds = time.perf_counter() - started
    output = result.output
    if result.exception and not isinstance(result.exception, SystemExit):
        output += f"\nUNCAUGHT {type(result.exception).__name__}: {result.exception}"
    assert "Traceback" not in output and "UNCAUGHT" not in output, output
    if folder:
        after = snapshot(folder)
        changed = {k for k in before if after.get(k) != before[k]}
        assert not changed, f"files changed by the run: {sorted(changed)}"
    return Run(result.exit_code, output, seconds)


def assert_one_error(run: Run, fragment: str, exit_code: int = 1) -> str:
    """Exactly one line, an error holding ``fragment``; returns it."""
    assert run.exit_code == exit_code, run.output
    lines = run.lines
    assert len(lines) == 1, run.output
    assert lines[0].startswith("error: ") and fragment in lines[0], run.output
    return lines[0]


# The peak resident memory of this process image: VmHWM is kept per address space, so unlike
# getrusage's ru_maxrss it does not carry over the parent's (pytest's) size across fork and exec.
_PEAK_RSS = """
def _peak_rss_mib():
    for line in open('/proc/self/status'):
        if line.startswith('VmHWM:'):
            return int(line.split()[1]) / 1024
    return 0.0
"""


def peak_memory_of(code: str, cwd: Path | None = None, timeout: float = 60) -> dict:
    """Run ``code`` in a fresh interpreter; it sets ``RESULT`` (a dict). Adds the process's peak
    resident memory in MiB (``rss_mib``)."""
    wrapper = ("import json, sys\n" + _PEAK_RSS + code +
               "\nprint(json.dumps({**RESULT, 'rss_mib': _peak_rss_mib()}))\n")
    proc = subprocess.run([sys.executable, "-c", wrapper], capture_output=True, text=True, timeout=timeout,
                          cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def wait_until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    """Poll ``condition`` (a watcher's events arriving) until it holds; fail after ``timeout``."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting for the watcher"
        time.sleep(0.05)
