"""Peak memory of one batch job: 10 small decks against 100, in one process.

    python bench/batch_memory.py [--items 40]

A long batch must need no more memory than a short one (target: 100 decks ≤ 1.2 × 10 decks):
measurement caches are emptied and the garbage collected after each deck.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from make_deck import outline  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="slidegen-batch-") as folder:
        work = Path(folder)
        (work / "pyproject.toml").write_text("")
        for n in range(100):
            data = outline(args.items, 5, 8)
            data["deck"]["title"] = f"Deck {n}"
            (work / f"d{n}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        peaks = {}
        for count in (10, 100):
            decks = [str(work / f"d{n}.yaml") for n in range(count)]
            out = subprocess.run([sys.executable, str(BENCH / "measure_child.py"), sys.executable, "-m", "slidegen",
                                  "build", *decks], capture_output=True, text=True, cwd=work, check=True)
            result = json.loads(out.stdout)
            if result["returncode"] != 0:
                raise SystemExit(result["stderr"])
            peaks[count] = result
            print(f"{count:>3} decks of {args.items} items: {result['wall']:6.2f} s, peak {result['peak_mib']:6.1f} MiB")
    ratio = peaks[100]["peak_mib"] / peaks[10]["peak_mib"]
    print(f"peak(100) / peak(10) = {ratio:.2f}  (target ≤ 1.2)")


if __name__ == "__main__":
    main()
