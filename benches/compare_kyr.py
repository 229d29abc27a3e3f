#!/usr/bin/env python3
"""Two kyr binaries on the same catalogue, run by turns.

Generates the catalogue bench's project (`KYR_BENCH_PROJECT`, 20 documents
x 13 locales), then builds it with each binary in turn, `--runs` times
(default 5): a cold build (`kyr build --force`, HTML and PDF) and a
no-change build after it, each timed for wall time, CPU time (user +
system) and peak memory (max RSS) of the kyr process. Runs alternate
between the binaries, so a machine that gets busier or quieter weighs on
both alike; compare the ratios, printed last.

    python3 benches/compare_kyr.py BEFORE AFTER [--runs N] [--format html,pdf]

BEFORE and AFTER are kyr binaries (for example one built from the commit
before a change, and this checkout's `target/release/kyr`).
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EPOCH = "1767225600"  # 2026-01-01T00:00:00Z


def timed(args, cwd):
    """Runs a command; returns (wall s, cpu s, max rss MiB)."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    # The warnings go to a file, not a pipe: a pipe read only after the
    # process ends fills up and stops kyr mid-build.
    with tempfile.TemporaryFile() as errors:
        start = time.monotonic()
        process = subprocess.Popen(args, cwd=cwd, env=env,
                                   stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.monotonic() - start
        errors.seek(0)
        stderr = errors.read().decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"`{' '.join(map(str, args))}` exited {code}:\n{stderr}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--format", default="html,pdf")
    args = parser.parse_args()
    binaries = {"before": args.before.resolve(), "after": args.after.resolve()}
    with tempfile.TemporaryDirectory(prefix="kyr-compare-") as work:
        project = Path(work) / "catalogue"
        env = dict(os.environ, KYR_BENCH_PROJECT=str(project))
        subprocess.run(["cargo", "bench", "--locked", "--bench", "catalogue"],
                       cwd=ROOT, env=env, check=True, capture_output=True)
        figures = {name: {"cold": [], "unchanged": []} for name in binaries}
        for run in range(args.runs):
            order = list(binaries.items())
            if run % 2:
                order.reverse()
            for name, kyr in order:
                out = Path(work) / f"out-{name}"
                build = [kyr, "build", "-q", "--color", "never", "--format", args.format,
                         "--out", str(out)]
                figures[name]["cold"].append(timed(build + ["--force"], project))
                figures[name]["unchanged"].append(timed(build, project))
    print(f"{args.runs} runs each, by turns; medians (wall s, CPU s, peak MiB):")
    medians = {}
    for name in binaries:
        for kind in ("cold", "unchanged"):
            columns = list(zip(*figures[name][kind]))
            medians[name, kind] = [statistics.median(c) for c in columns]
            wall, cpu, rss = medians[name, kind]
            print(f"  {name:6} {kind:9} wall {wall:6.3f}  cpu {cpu:6.3f}  peak {rss:6.1f}")
    for kind in ("cold", "unchanged"):
        before, after = medians["before", kind], medians["after", kind]
        ratios = [a / b if b else float("nan") for a, b in zip(after, before)]
        print(f"after / before, {kind}: wall {ratios[0]:.3f}  cpu {ratios[1]:.3f}  "
              f"peak {ratios[2]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
