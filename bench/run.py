"""Time slidegen against python-pptx, pandoc and PptxGenJS on the same content, in one run.

    python bench/run.py [--sizes 40,100,250,1000] [--repeat 7] [--json]

For each size N it writes an N-item outline (bench/make_deck.py) and the same content for each
peer: plain python-pptx (bench/floor_pptx.py), pandoc markdown (a `pandoc` on PATH or
`pip install pypandoc-binary`) and PptxGenJS 4.0.1 (bench/pptxgenjs/gen.js; Node.js and npm
needed, it is installed into bench/.node on first use). Runs are interleaved — each round runs
every tool once — and the best of --repeat rounds is kept, so a burst of load on the machine
hits every tool alike; ratios are the stable figure. Each produced deck's slide count is
checked and its validity reported (../shared/ooxml/validate.py): a failing build is an error,
never a number.
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
VALIDATOR = REPO.parent / "shared" / "ooxml"
NODE_DIR = BENCH / ".node"
PPTXGENJS = "pptxgenjs@4.0.1"
sys.path.insert(0, str(BENCH))
from make_deck import outline  # noqa: E402


def pandoc_path() -> str | None:
    found = shutil.which("pandoc")
    if found:
        return found
    try:
        import pypandoc

        return str(pypandoc.get_pandoc_path())
    except (ImportError, OSError):
        return None


def pptxgenjs() -> tuple[list[str] | None, str]:
    """The command running bench/pptxgenjs/gen.js, or None and why it is skipped."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        return None, "Node.js and npm are not installed"
    if not (NODE_DIR / "node_modules" / "pptxgenjs").is_dir():
        proc = subprocess.run([npm, "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(NODE_DIR),
                               PPTXGENJS], capture_output=True, text=True)
        if proc.returncode != 0:
            return None, f"npm install {PPTXGENJS} failed: {proc.stderr.strip()[-200:]}"
    return [node, str(BENCH / "pptxgenjs" / "gen.js")], ""


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


def problems(path: Path) -> int | None:
    """How many problems the ECMA-376 validator finds (None when it is not beside the repo)."""
    if not (VALIDATOR / "validate.py").is_file():
        return None
    sys.path.insert(0, str(VALIDATOR))
    from validate import validate_pptx

    return len(validate_pptx(str(path)))


def measure(command: list[str], env: dict[str, str]) -> dict:
    out = subprocess.run([sys.executable, str(BENCH / "measure_child.py"), *command], capture_output=True,
                         text=True, env=env, check=True)
    result = json.loads(out.stdout)
    if result["returncode"] != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{result['stderr']}")
    return result


def run(sizes: list[int], repeat: int) -> dict:
    # NODE_PATH: gen.js finds PptxGenJS in the bench-only install, not beside the script
    env = {**os.environ, "PYTHONPATH": str(REPO), "NODE_PATH": str(NODE_DIR / "node_modules")}
    # Measure slidegen as installed: pip byte-compiles a package when it installs it, while a
    # checkout run with PYTHONDONTWRITEBYTECODE set would compile every module on every run.
    compileall.compile_dir(str(REPO / "slidegen"), quiet=1)
    pandoc = pandoc_path()
    node, node_skip = pptxgenjs()
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
            if node:
                as_json = work / f"deck{n}.json"
                as_json.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
                tools["pptxgenjs"] = [*node, str(as_json), str(work / f"g{n}.pptx")]
            best: dict[str, dict] = {}
            for _ in range(repeat):
                for tool, command in tools.items():
                    result = measure(command, env)
                    if tool not in best or result["wall"] < best[tool]["wall"]:
                        best[tool] = result
            for tool, command in tools.items():
                target = Path(command[-1])
                count = slide_count(target)
                if tool not in ("pandoc",) and count != expected:
                    raise SystemExit(f"{tool} wrote {count} slides for N={n}, expected {expected}")
                result = best[tool]
                rows.append({"n": n, "tool": tool, "slides": count, "wall_s": round(result["wall"], 3),
                             "peak_mib": round(result["peak_mib"], 1),
                             "slides_per_s": round(count / result["wall"], 1), "problems": problems(target)})
        help_time = min(measure([sys.executable, "-m", "slidegen", "--help"], env)["wall"] for _ in range(5))
    return {"rows": rows, "help_s": round(help_time, 3), "pandoc": pandoc, "pptxgenjs": node_skip or PPTXGENJS,
            "repeat": repeat}


def report(results: dict) -> str:
    rows = results["rows"]
    by = {(r["n"], r["tool"]): r for r in rows}
    lines = [f"{'N':>5} {'tool':<12} {'slides':>6} {'wall s':>8} {'peak MiB':>9} {'slides/s':>9} {'valid':>12}"
             "  slidegen ÷ tool"]
    for r in rows:
        ours = by[(r["n"], "slidegen")]["wall_s"]
        ratio = "" if r["tool"] == "slidegen" else f"{ours / r['wall_s']:5.2f}"
        valid = "?" if r["problems"] is None else "yes" if r["problems"] == 0 else f"{r['problems']} problems"
        lines.append(f"{r['n']:>5} {r['tool']:<12} {r['slides']:>6} {r['wall_s']:>8.3f} {r['peak_mib']:>9.1f} "
                     f"{r['slides_per_s']:>9.1f} {valid:>12}  {ratio}")
    sizes = sorted({r["n"] for r in rows})
    if 100 in sizes and 1000 in sizes:
        lines.append(f"slidegen time(1000) / time(100) = "
                     f"{by[(1000, 'slidegen')]['wall_s'] / by[(100, 'slidegen')]['wall_s']:.2f}  (target ≤ 4)")
    if (40, "pandoc") in by:
        lines.append(f"40 items: slidegen ÷ pandoc = {by[(40, 'slidegen')]['wall_s'] / by[(40, 'pandoc')]['wall_s']:.2f}"
                     "  (target ≤ 0.7)")
    if (1000, "pptxgenjs") in by:
        lines.append(f"1000 items: slidegen ÷ PptxGenJS = "
                     f"{by[(1000, 'slidegen')]['wall_s'] / by[(1000, 'pptxgenjs')]['wall_s']:.2f}  (target ≤ 1.0), "
                     f"slidegen peak {by[(1000, 'slidegen')]['peak_mib']:.0f} MiB (target ≤ 150)")
    lines.append(f"slidegen --help: {results['help_s']:.3f} s;  best of {results['repeat']} interleaved rounds")
    if not results["pandoc"]:
        lines.append("pandoc: not installed (pip install pypandoc-binary), skipped")
    if results["pptxgenjs"] != PPTXGENJS:
        lines.append(f"PptxGenJS: skipped ({results['pptxgenjs']})")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="40,100,250,1000")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = run([int(s) for s in args.sizes.split(",")], args.repeat)
    print(json.dumps(results, indent=2) if args.json else report(results))


if __name__ == "__main__":
    main()
