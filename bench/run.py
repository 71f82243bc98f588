"""Time slidegen against raw python-pptx and pandoc on the same content, in one run.

    python bench/run.py [--sizes 40,100,250,1000] [--repeat 3] [--json]

For each size N it writes an N-item outline (bench/make_deck.py), the same content as pandoc
markdown, and times three separate processes: `slidegen build`, `bench/floor_pptx.py` (plain
python-pptx) and pandoc (when installed: a `pandoc` on PATH or `pip install pypandoc-binary`).
Each figure is the best of --repeat runs; each produced deck is opened and its slide count
checked, so a failing build is an error, never a number.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
from make_deck import outline  # noqa: E402


def pandoc_path() -> str | None:
    found = shutil.which("pandoc")
    if found:
        return found
    try:
        import pypandoc

        return pypandoc.get_pandoc_path()
    except (ImportError, OSError):
        return None


def markdown(data: dict) -> str:
    """The outline as pandoc markdown: sections as level-1 headers, one level-2 slide per item."""
    parts = [f"---\ntitle: {data['deck']['title']}\n---\n"]
    for section in data["sections"]:
        parts.append(f"# {section['title']}\n")
        for number, item in enumerate(section["items"], start=1):
            for spec in item["slides"]:
                bullets = "\n".join(f"- {b}" for b in spec["bullets"])
                parts.append(f"## {number}. {item['title']}\n\n{bullets}\n\n::: notes\n{spec['notes']}\n:::\n")
    return "\n".join(parts)


def slide_count(path: Path) -> int:
    from pptx import Presentation

    return len(Presentation(str(path)).slides)


def measure(command: list[str], repeat: int, env: dict[str, str]) -> dict:
    best = None
    for _ in range(repeat):
        out = subprocess.run([sys.executable, str(BENCH / "measure_child.py"), *command], capture_output=True,
                             text=True, env=env, check=True)
        result = json.loads(out.stdout)
        if result["returncode"] != 0:
            raise SystemExit(f"failed: {' '.join(command)}\n{result['stderr']}")
        if best is None or result["wall"] < best["wall"]:
            best = result
    return best


def run(sizes: list[int], repeat: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    # Measure slidegen as installed: pip byte-compiles a package when it installs it, while a
    # checkout run with PYTHONDONTWRITEBYTECODE set would compile every module on every run.
    compileall.compile_dir(str(REPO / "slidegen"), quiet=1)
    pandoc = pandoc_path()
    rows = []
    with tempfile.TemporaryDirectory(prefix="slidegen-bench-") as folder:
        work = Path(folder)
        (work / "pyproject.toml").write_text("")
        for n in sizes:
            data = outline(n, 5, 8)
            source = work / f"deck{n}.yaml"
            source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
            expected = n + len(data["sections"]) + 1
            tools = {
                "slidegen": [sys.executable, "-m", "slidegen", "build", str(source), "-o", str(work / f"s{n}.pptx")],
                "python-pptx": [sys.executable, str(BENCH / "floor_pptx.py"), str(source), str(work / f"p{n}.pptx")],
            }
            if pandoc:
                md = work / f"deck{n}.md"
                md.write_text(markdown(data), encoding="utf-8")
                tools["pandoc"] = [pandoc, str(md), "--slide-level=2", "-o", str(work / f"d{n}.pptx")]
            for tool, command in tools.items():
                result = measure(command, repeat, env)
                target = Path(command[-1])
                count = slide_count(target)
                if tool != "pandoc" and count != expected:
                    raise SystemExit(f"{tool} wrote {count} slides for N={n}, expected {expected}")
                rows.append({"n": n, "tool": tool, "slides": count, "wall_s": round(result["wall"], 3),
                             "peak_mib": round(result["peak_mib"], 1),
                             "slides_per_s": round(count / result["wall"], 1)})
        help_time = min(measure([sys.executable, "-m", "slidegen", "--help"], 1, env)["wall"] for _ in range(5))
    return {"rows": rows, "help_s": round(help_time, 3), "pandoc": pandoc}


def report(results: dict) -> str:
    rows = results["rows"]
    by = {(r["n"], r["tool"]): r for r in rows}
    lines = [f"{'N':>5} {'tool':<12} {'slides':>6} {'wall s':>8} {'peak MiB':>9} {'slides/s':>9}  vs slidegen"]
    for r in rows:
        ours = by[(r["n"], "slidegen")]["wall_s"]
        ratio = "" if r["tool"] == "slidegen" else f"{r['wall_s'] / ours:5.1f}× slower"
        lines.append(f"{r['n']:>5} {r['tool']:<12} {r['slides']:>6} {r['wall_s']:>8.3f} {r['peak_mib']:>9.1f} "
                     f"{r['slides_per_s']:>9.1f}  {ratio}")
    sizes = sorted({r["n"] for r in rows})
    if len(sizes) > 1:
        small, large = sizes[-2], sizes[-1]
        growth = by[(large, "slidegen")]["wall_s"] / by[(small, "slidegen")]["wall_s"]
        lines.append(f"slidegen time({large}) / time({small}) = {growth:.2f}")
        if 100 in sizes and 1000 in sizes:
            lines.append(f"slidegen time(1000) / time(100) = {by[(1000, 'slidegen')]['wall_s'] / by[(100, 'slidegen')]['wall_s']:.2f}")
    lines.append(f"slidegen --help: {results['help_s']:.3f} s")
    if not results["pandoc"]:
        lines.append("pandoc: not installed (pip install pypandoc-binary), skipped")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="40,100,250,1000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = run([int(s) for s in args.sizes.split(",")], args.repeat)
    print(json.dumps(results, indent=2) if args.json else report(results))


if __name__ == "__main__":
    main()
