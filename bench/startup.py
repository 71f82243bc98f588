"""Where a small build's time goes: start-up floors against a whole 40-item build and pandoc.

    python bench/startup.py [--items 40] [--repeat 5]

Each line is a separate process, best of --repeat, timed like bench/run.py: the interpreter
alone; the libraries slidegen's command line needs (click, PyYAML); slidegen's CLI, model and
planner; the direct writer; the whole build; and pandoc on the same content. The differences
between lines are what each layer costs. Last, which of the heavy libraries a plain build
loads (it should load none: python-pptx, lxml and Pillow are for charts, some house templates
and pictures).
"""

from __future__ import annotations

import argparse
import compileall
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
from make_deck import outline  # noqa: E402
from run import markdown, measure, pandoc_path  # noqa: E402

STEPS = [
    ("interpreter", "pass"),
    ("+ click, PyYAML", "import click, yaml"),
    ("+ slidegen's CLI, model and planner", "import slidegen.__main__, slidegen.api, slidegen.plan.deck"),
    ("+ the direct writer", "import slidegen.__main__, slidegen.api, slidegen.plan.deck, slidegen.render.writer, "
                            "slidegen.render.direct.deck"),
]
HEAVY = ("pptx", "lxml", "PIL", "jinja2", "pygments", "markdown_it", "fontTools")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    compileall.compile_dir(str(REPO / "slidegen"), quiet=1)
    with tempfile.TemporaryDirectory(prefix="slidegen-startup-") as folder:
        work = Path(folder)
        (work / "pyproject.toml").write_text("")
        data = outline(args.items, 5, 8)
        source = work / "deck.yaml"
        source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        commands = [(label, [sys.executable, "-c", code]) for label, code in STEPS]
        commands.append((f"slidegen build, {args.items} items",
                         [sys.executable, "-m", "slidegen", "build", str(source), "-o", str(work / "deck.pptx")]))
        pandoc = pandoc_path()
        if pandoc:
            md = work / "deck.md"
            md.write_text(markdown(data), encoding="utf-8")
            commands.append((f"pandoc, {args.items} items",
                             [pandoc, str(md), "--slide-level=2", "-o", str(work / "pandoc.pptx")]))
        best: dict[str, float] = {}
        for _ in range(args.repeat):          # interleaved: a burst of load hits every line alike
            for label, command in commands:
                wall = measure(command, env)["wall"]
                best[label] = min(best.get(label, wall), wall)
        loaded = _heavy_modules_loaded(source, work / "probe.pptx", env)
    previous = None
    for label, _ in commands:
        wall = best[label]
        step = f"  (+{1000 * (wall - previous):.0f} ms)" if previous is not None and label.startswith("+") else ""
        print(f"{label:<42} {wall:6.3f} s{step}")
        previous = wall
    print(f"heavy libraries a plain build loads: {', '.join(loaded) or 'none'}  (of {', '.join(HEAVY)})")


def _heavy_modules_loaded(source: Path, target: Path, env: dict[str, str]) -> list[str]:
    code = (f"import sys\nfrom slidegen import build\nbuild({str(source)!r}, {str(target)!r})\n"
            f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return proc.stdout.split()


if __name__ == "__main__":
    main()
