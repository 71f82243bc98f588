"""Render time of one planned deck with each writer, interleaved in one run, and a check that
both wrote the same bytes.

    python bench/writers.py [items] [--runs 7]

The deck is bench/make_deck.py's (N items, 5 bullets, notes, footer, slide numbers); it is
planned once, then rendered alternately by the direct writer and by python-pptx (the first
python-pptx render also pays its imports, so it runs once before timing). A fresh process then
builds the deck end to end with each writer (imports, load, plan, render, write). Then the same
for decks/charts.yaml (ten charts, every type), whose chart parts python-pptx builds for both.
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_deck import outline  # noqa: E402

_COLD = """
import io, sys, time
started = time.perf_counter()
from slidegen import plan
from slidegen.render.writer import render_deck
deck = plan(sys.argv[1])
buffer = io.BytesIO()
render_deck(deck.planned, deck.theme, buffer, writer=sys.argv[2])
open(sys.argv[3], "wb").write(buffer.getvalue())
print(time.perf_counter() - started, sorted(m for m in ("pptx", "PIL", "lxml") if m in sys.modules))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("items", type=int, nargs="?", default=1000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "pyproject.toml").write_text("")
        source = folder / "deck.yaml"
        source.write_text(yaml.safe_dump(outline(args.items, 5, 8), allow_unicode=True, sort_keys=False), "utf-8")
        _compare(source, f"{args.items} items", args.runs, folder / "o.pptx")
        print()
        _compare(_CHARTS, "decks/charts.yaml", args.runs, folder / "charts.pptx")


_CHARTS = Path(__file__).resolve().parents[1] / "decks" / "charts.yaml"


def _compare(source: Path, label: str, runs: int, out: Path) -> None:
    """Render ``source`` with each writer in process (interleaved), then build it in fresh
    processes."""
    from slidegen import plan
    from slidegen.render.writer import render_deck

    deck = plan(source)

    def render(writer: str) -> tuple[float, bytes]:
        buffer = io.BytesIO()
        started = time.perf_counter()
        render_deck(deck.planned, deck.theme, buffer, writer=writer)  # type: ignore[arg-type]
        return time.perf_counter() - started, buffer.getvalue()

    render("pptx")                       # imports python-pptx, lxml, Pillow once
    times: dict[str, list[float]] = {"direct": [], "pptx": []}
    outputs: dict[str, bytes] = {}
    for _ in range(runs):
        for writer in ("direct", "pptx"):
            seconds, outputs[writer] = render(writer)
            times[writer].append(seconds)
    print(f"{label}, {len(deck.slides)} slides, {len(outputs['direct']) / 1024:.0f} KiB; "
          f"byte-identical: {outputs['direct'] == outputs['pptx']}")
    print("render (planned deck → .pptx bytes), in process, interleaved:")
    for writer, values in times.items():
        print(f"  {writer:<7} best {min(values):.3f} s   median {statistics.median(values):.3f} s   ({runs} runs)")
    print(f"  python-pptx ÷ direct (best): {min(times['pptx']) / min(times['direct']):.1f}×")
    print("fresh process, import + load + plan + render + write:")
    cold: dict[str, list[float]] = {"direct": [], "pptx": []}
    loaded: dict[str, str] = {}
    for _ in range(3):
        for writer in ("direct", "pptx"):
            result = subprocess.run([sys.executable, "-c", _COLD, str(source), writer, str(out)],
                                    capture_output=True, text=True, check=True, cwd=source.parent)
            seconds, _, modules = result.stdout.strip().partition(" ")
            cold[writer].append(float(seconds))
            loaded[writer] = modules
    for writer, values in cold.items():
        print(f"  {writer:<7} best {min(values):.3f} s   loaded {loaded[writer]}")

if __name__ == "__main__":
    main()
