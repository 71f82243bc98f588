"""Run one command and print its wall time (s) and peak memory (MiB) as JSON on stdout.

Run in a fresh process, so RUSAGE_CHILDREN holds exactly the one command's peak RSS.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time


def main() -> None:
    started = time.perf_counter()
    proc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    print(json.dumps({"wall": wall, "peak_mib": peak_kib / 1024, "returncode": proc.returncode,
                      "stderr": proc.stderr[-500:]}))


if __name__ == "__main__":
    main()
