#!/usr/bin/env python3
"""How long the studio of `kyr serve` takes to answer, on the repository's
own content: the work index, a translation page, a recording page, and the
check a translation page asks for as a volunteer types (debounced to one
per 300 ms by its script). Every page is made from the project on disk for
each request, so this is the time a phone waits, less the network.

Copies the project to a temporary folder and starts `kyr serve --port 0`
there (127.0.0.1 only; every request goes to 127.0.0.1).

    cargo build --release && python3 benches/studio_latency.py [RUNS]
    KYR=path/to/other/kyr python3 benches/studio_latency.py [RUNS]
"""

import json
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KYR = os.environ.get("KYR", os.path.join(ROOT, "target", "release", "kyr"))


def timed(request: urllib.request.Request) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(request) as answer:
        answer.read()
    return time.perf_counter() - started


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    with tempfile.TemporaryDirectory() as tmp:
        for name in ["kyr.toml", "content", "locales", "templates"]:
            src = os.path.join(ROOT, name)
            dst = os.path.join(tmp, name)
            (shutil.copytree if os.path.isdir(src) else shutil.copy)(src, dst)
        proc = subprocess.Popen(
            [KYR, "serve", "--port", "0", "--format", "html"], cwd=tmp,
            stderr=subprocess.PIPE, text=True, env={**os.environ, "NO_COLOR": "1"},
        )
        lines: "queue.Queue[str]" = queue.Queue()
        threading.Thread(
            target=lambda: [lines.put(l) for l in proc.stderr], daemon=True
        ).start()
        address = None
        while True:
            line = lines.get(timeout=120)
            if address is None and "http://127.0.0.1:" in line:
                address = line.split("http://", 1)[1].split("/", 1)[0]
            if "watching" in line:
                break
        base = f"http://{address}"
        check = json.dumps({"text": "Am nga sañ-sañ **bu noppi."}).encode()
        cases = {
            "work index (GET /)": lambda: urllib.request.Request(base + "/"),
            "translation page (GET /translate/wo/red-card?at=2)":
                lambda: urllib.request.Request(base + "/translate/wo/red-card?at=2"),
            "recording page (GET /record/wo/red-card?at=2)":
                lambda: urllib.request.Request(base + "/record/wo/red-card?at=2"),
            "check as typed (POST .../card-intro/check)": lambda: urllib.request.Request(
                base + "/translate/wo/red-card/card-intro/check", data=check, method="POST",
                headers={"Content-Type": "application/json", "Origin": base},
            ),
        }
        try:
            for name, request in cases.items():
                times = [timed(request()) for _ in range(runs)]
                print(f"{name}: median {statistics.median(times) * 1000:.1f} ms, "
                      f"max {max(times) * 1000:.1f} ms ({runs} runs)")
        finally:
            proc.terminate()
            proc.wait()


if __name__ == "__main__":
    main()
