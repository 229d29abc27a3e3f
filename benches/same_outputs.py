#!/usr/bin/env python3
"""Whether two kyr builds write the same bytes.

Builds the shipped content and the catalogue bench's generated project
(`KYR_BENCH_PROJECT`, 20 documents x 12 locales) with `kyr build --force`
and a fixed SOURCE_DATE_EPOCH, and lists the sha256 of every file written.
Use it around a change that must not change any output:

    python3 benches/same_outputs.py record before.txt   # on the old commit
    python3 benches/same_outputs.py compare before.txt  # on the new one

`--kyr PATH` uses a kyr binary built elsewhere (default: this checkout's
`target/release/kyr`, built first). The incremental records under `.kyr/`
hold the binary's own size and modification time and each file's write
time, so those two fields are left out of their hash; every other byte
counts. Exits 1 when `compare` finds a difference, and prints it.
"""

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EPOCH = "1767225600"  # 2026-01-01T00:00:00Z


def run(args, cwd, env=None):
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"`{' '.join(map(str, args))}` failed ({result.returncode}):\n{result.stderr}")
    return result


def record_hash(path):
    """The hash of an incremental record without the fields that name the
    binary or a write time."""
    record = json.loads(path.read_text())

    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ("key", "modified")}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    text = json.dumps(strip(record), sort_keys=True)
    return "record:" + hashlib.sha256(text.encode()).hexdigest()


def sums(kyr, work):
    """`{path: hash}` of every file two builds write."""
    catalogue = work / "catalogue"
    env = dict(os.environ, KYR_BENCH_PROJECT=str(catalogue))
    run(["cargo", "bench", "--locked", "--bench", "catalogue"], ROOT, env)
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    out = work / "out"
    for name, project in [("shipped", ROOT), ("catalogue", catalogue)]:
        run([kyr, "build", "--force", "--quiet", "--color", "never",
             "--out", str(out / name)], project, env)
    found = {}
    for path in sorted(out.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(out).as_posix()
        if "/.kyr/" in f"/{relative}":
            found[relative] = record_hash(path)
        else:
            found[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["record", "compare"])
    parser.add_argument("file", type=Path)
    parser.add_argument("--kyr", type=Path, help="the kyr binary to run")
    args = parser.parse_args()
    kyr = args.kyr
    if kyr is None:
        run(["cargo", "build", "--release", "--locked"], ROOT)
        kyr = ROOT / "target" / "release" / "kyr"
    kyr = kyr.resolve()
    with tempfile.TemporaryDirectory(prefix="kyr-same-") as work:
        found = sums(kyr, Path(work))
    lines = [f"{digest}  {path}\n" for path, digest in found.items()]
    if args.action == "record":
        args.file.write_text("".join(lines))
        print(f"recorded {len(lines)} files in {args.file}")
        return 0
    before = {}
    for line in args.file.read_text().splitlines():
        digest, path = line.split("  ", 1)
        before[path] = digest
    differ = [p for p in sorted(set(before) | set(found)) if before.get(p) != found.get(p)]
    for path in differ:
        print(f"differs: {path} ({before.get(path, 'absent')} -> {found.get(path, 'absent')})")
    outputs = sum(1 for p in found if "/.kyr/" not in f"/{p}")
    print(f"{len(found)} files ({outputs} outputs, {len(found) - outputs} records): "
          f"{len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
