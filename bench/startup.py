"""Where a small build's time goes: start-up floors against a whole 40-item build and pandoc.

    python bench/startup.py [--items 40] [--repeat 5]

Each line is a separate process, best of --repeat, timed like bench/run.py: the interpreter
alone; importing the libraries every python-pptx command line pays for (click, PyYAML,
python-pptx); adding pydantic, with one model defined; importing all of slidegen that a build uses; the whole build; and
pandoc on the same content. The differences between lines are what each layer costs.
"""

from __future__ import annotations

import argparse
import compileall
import os
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
    ("+ click, PyYAML, python-pptx", "import click, yaml, pptx"),
    # pydantic loads most of itself when the first model class is created: define one.
    ("+ pydantic, one model defined", "import click, yaml, pptx\nfrom pydantic import BaseModel\n"
                                      "class M(BaseModel):\n    x: int"),
    ("+ all slidegen modules a build imports", "import slidegen.__main__, slidegen.build, slidegen.render.deck"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    compileall.compile_dir(str(REPO / "slidegen"), quiet=1)
    rows = []
    for label, code in STEPS:
        rows.append((label, measure([sys.executable, "-c", code], args.repeat, env)["wall"]))
    with tempfile.TemporaryDirectory(prefix="slidegen-startup-") as folder:
        work = Path(folder)
        (work / "pyproject.toml").write_text("")
        data = outline(args.items, 5, 8)
        source = work / "deck.yaml"
        source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        build = [sys.executable, "-m", "slidegen", "build", str(source), "-o", str(work / "deck.pptx")]
        rows.append((f"slidegen build, {args.items} items", measure(build, args.repeat, env)["wall"]))
        pandoc = pandoc_path()
        if pandoc:
            md = work / "deck.md"
            md.write_text(markdown(data), encoding="utf-8")
            command = [pandoc, str(md), "--slide-level=2", "-o", str(work / "pandoc.pptx")]
            rows.append((f"pandoc, {args.items} items", measure(command, args.repeat, env)["wall"]))
    previous = None
    for label, wall in rows:
        step = f"  (+{1000 * (wall - previous):.0f} ms)" if previous is not None and label.startswith("+") else ""
        print(f"{label:<42} {wall:6.3f} s{step}")
        previous = wall


if __name__ == "__main__":
    main()
