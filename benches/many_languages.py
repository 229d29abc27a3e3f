#!/usr/bin/env python3
"""Page sizes, time and peak memory of an HTML build with many languages.

Copies the basic test fixture (one document, five languages), adds N
languages that fall back to French, builds the HTML and prints the largest
page of each kind (document pages, each language's index, the lists of
languages, the site's index) against the 30 KB budget.

    cargo build --release && python3 benches/many_languages.py [N ...]
    KYR=path/to/other/kyr python3 benches/many_languages.py [N ...]

Without N: 40, 1000 and 10000.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Another binary (an earlier build, to compare) can be named in KYR.
KYR = os.environ.get("KYR", os.path.join(ROOT, "target", "release", "kyr"))
FIXTURE = os.path.join(ROOT, "tests", "fixtures", "build", "basic")
BUDGET = 30 * 1024


def tag(n: int) -> str:
    """fr-vaaaa, fr-vaaab, …: French with distinct variant subtags."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    out = ""
    for _ in range(4):
        n, i = divmod(n, 26)
        out = letters[i] + out
    return f"fr-v{out}"


def build(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = os.path.join(tmp, "p")
        shutil.copytree(FIXTURE, project)
        with open(os.path.join(project, "kyr.toml"), "a") as f:
            for n in range(count):
                t = tag(n)
                f.write(f'\n[locales.{t}]\nendonym = "Français {t}"\nfallback = ["fr"]\n')
        started = time.monotonic()
        proc = subprocess.Popen(
            [KYR, "build", "-q", "--format", "html"],
            cwd=project,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        stderr = proc.stderr.read().decode(errors="replace")
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.monotonic() - started
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(stderr)
        out = os.path.join(project, "out")
        largest = {"document": 0, "language index": 0, "language list": 0, "site index": 0}
        for folder, _, files in os.walk(out):
            if ".kyr" in folder:
                continue
            for name in files:
                path = os.path.join(folder, name)
                relative = os.path.relpath(path, out)
                size = os.path.getsize(path)
                if relative == "index.html":
                    kind = "site index"
                elif relative.startswith("languages/"):
                    kind = "language list"
                elif name == "index.html":
                    kind = "language index"
                else:
                    kind = "document"
                largest[kind] = max(largest[kind], size)
        sizes = "  ".join(f"{k} {v / 1024:.1f} KB" for k, v in largest.items())
        over = [k for k, v in largest.items() if v > BUDGET]
        print(
            f"{count + 5:6} languages: {seconds:6.1f} s {usage.ru_maxrss / 1024:6.0f} MB  "
            f"largest: {sizes}{'  OVER: ' + ', '.join(over) if over else ''}",
            flush=True,
        )


def main() -> None:
    counts = [int(a) for a in sys.argv[1:]] or [40, 1000, 10000]
    for count in counts:
        build(count)


if __name__ == "__main__":
    main()
