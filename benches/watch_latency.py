#!/usr/bin/env python3
"""Save-to-rebuilt latency of `kyr watch` on the repository's own content.

Copies the project to a temporary folder, starts `kyr watch` (HTML and PDF,
every locale), then edits a French message several times and measures the
time from each save to the line that reports the rebuild. French is the
fallback of five other locales, so each save rebuilds six locales' pages.

    cargo build --release && python3 benches/watch_latency.py [RUNS]
    KYR=path/to/other/kyr python3 benches/watch_latency.py [RUNS]
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import queue
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Another binary (an earlier build, to compare) can be named in KYR.
KYR = os.environ.get("KYR", os.path.join(ROOT, "target", "release", "kyr"))


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    with tempfile.TemporaryDirectory() as tmp:
        for name in ["kyr.toml", "content", "locales", "templates"]:
            src = os.path.join(ROOT, name)
            dst = os.path.join(tmp, name)
            (shutil.copytree if os.path.isdir(src) else shutil.copy)(src, dst)
        proc = subprocess.Popen(
            [KYR, "watch"], cwd=tmp, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "NO_COLOR": "1"},
        )
        lines: "queue.Queue[str]" = queue.Queue()
        threading.Thread(
            target=lambda: [lines.put(l) for l in proc.stderr], daemon=True
        ).start()

        def wait_for(needle: str) -> str:
            while True:
                line = lines.get(timeout=60)
                if needle in line:
                    return line

        wait_for("watching")
        path = os.path.join(tmp, "locales", "fr", "at-the-door.ftl")
        original = open(path, encoding="utf-8").read()
        latencies = []
        for i in range(runs):
            text = original.replace("Que faire à la porte", f"Que faire à la porte ({i})")
            saved = time.perf_counter()
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            built = wait_for("built ")
            latencies.append(time.perf_counter() - saved)
            time.sleep(0.3)
        proc.terminate()
        proc.wait()
    print(f"last rebuild: {built.strip()}")
    print(
        f"save -> rebuilt, {runs} saves: median {statistics.median(latencies) * 1000:.0f} ms, "
        f"max {max(latencies) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
