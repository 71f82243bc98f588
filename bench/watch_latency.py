"""How long after saving an outline `slidegen watch` has the new deck written (40 slides).

    python bench/watch_latency.py [--items 40] [--saves 5]

Runs the watcher in-process (as `slidegen watch` does), saves a changed outline, and measures the
time until the rebuilt deck is on disk; prints each save and the worst.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))
from make_deck import outline  # noqa: E402

from slidegen import build  # noqa: E402
from slidegen.watch import watch  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--saves", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="slidegen-watch-") as folder:
        root = Path(folder)
        (root / "pyproject.toml").write_text("")
        source, target = root / "deck.yaml", root / "build" / "deck.pptx"
        data = outline(args.items, 5, 8)
        source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        done = threading.Event()
        stop = threading.Event()

        def rebuild() -> str:
            result = build(source, target)
            done.set()
            return str(result.output)

        thread = threading.Thread(target=watch, args=(source, target, rebuild, lambda event: None, stop), daemon=True)
        thread.start()
        done.wait(30)
        latencies = []
        for n in range(args.saves):
            done.clear()
            time.sleep(0.5)
            data["deck"]["title"] = f"Phiên bản {n + 1}"
            saved = time.perf_counter()
            source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
            if not done.wait(30):
                raise SystemExit("the watcher did not rebuild within 30 s")
            latencies.append(time.perf_counter() - saved)
            print(f"save {n + 1}: deck rebuilt {latencies[-1]:.3f} s after saving")
        stop.set()
        print(f"worst: {max(latencies):.3f} s (debounce included)")


if __name__ == "__main__":
    main()
