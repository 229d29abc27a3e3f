#!/usr/bin/env python3
"""Whether two kyr builds write the same bytes.

Builds three projects with `kyr build --force --format html,pdf,text` and
a fixed SOURCE_DATE_EPOCH, bundles each (`kyr bundle`), and lists the
sha256 of every file written: the shipped content, the catalogue bench's
generated project (`KYR_BENCH_PROJECT`, 20 documents x 13 locales), and
the shipped content with recordings (the audio test fixtures in four
formats, in French and in Wolof, Wolof read by ear first) and a QR
address, so that copied recordings, voice notes and the audio-first
card's code are compared too.
Use it around a change that must not change any output:

    python3 benches/same_outputs.py record before.txt   # on the old commit
    python3 benches/same_outputs.py compare before.txt  # on the new one

`--kyr PATH` uses a kyr binary built elsewhere (default: this checkout's
`target/release/kyr`, built first). The incremental records under `.kyr/`
hold the binary's own size and modification time and each file's write
time, so those fields are left out of their hash, and so are the fields a
later version of the records added (SKIPPED_RECORD_FIELDS); every other
byte counts. Exits 1 when `compare` finds a difference, and prints it.
"""

import argparse
import hashlib
import json
import os
import shutil
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


# Fields of an incremental record that name the binary or a write time,
# or that later records added (the facts each page's record carries since
# they were added), left out so that records of two kyrs compare on
# everything else.
SKIPPED_RECORD_FIELDS = ("key", "modified", "chars", "recordings", "facts_known")


def record_hash(path):
    """The hash of an incremental record without SKIPPED_RECORD_FIELDS."""
    record = json.loads(path.read_text())

    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in SKIPPED_RECORD_FIELDS}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    text = json.dumps(strip(record), sort_keys=True)
    return "record:" + hashlib.sha256(text.encode()).hexdigest()


# Recordings placed in the audio project: (locale, message id, fixture).
RECORDINGS = [
    ("wo", "card-title", "tone.ogg"),
    ("wo", "card-door", "tone.m4a"),
    ("wo", "card-show", "tone.mp3"),
    ("fr", "door-title", "tone.wav"),
    ("fr", "card-call", "tone.ogg"),
]


def audio_project(kyr, work):
    """The shipped content with recordings, Wolof read by ear first, and a
    QR address: a copy, so that the checkout is left as it is."""
    project = work / "audio"
    project.mkdir()
    for name in ["kyr.toml", "content", "locales", "templates"]:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        elif source.exists():
            shutil.copy(source, project / name)
    config = (project / "kyr.toml").read_text()
    config = config.replace(
        'reference = "en"',
        'reference = "en"\nqr = "https://example.org/kyr/{locale}/{document}.html"', 1)
    config = config.replace(
        '[locales.wo]\n', '[locales.wo]\naudio_first = true\n', 1)
    (project / "kyr.toml").write_text(config)
    fixtures = ROOT / "tests" / "fixtures" / "audio"
    for tag, message, fixture in RECORDINGS:
        target = project / "locales" / tag / "audio" / f"{message}{Path(fixture).suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(fixtures / fixture, target)
    for tag in sorted({tag for tag, _, _ in RECORDINGS}):
        run([kyr, "confirm", tag, "--audio", "--quiet"], project)
    return project


def sums(kyr, work):
    """`{path: hash}` of every file the builds and bundles write."""
    catalogue = work / "catalogue"
    env = dict(os.environ, KYR_BENCH_PROJECT=str(catalogue))
    run(["cargo", "bench", "--locked", "--bench", "catalogue"], ROOT, env)
    audio = audio_project(kyr, work)
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    out = work / "out"
    for name, project in [("shipped", ROOT), ("catalogue", catalogue), ("audio", audio)]:
        run([kyr, "build", "--force", "--quiet", "--color", "never",
             "--format", "html,pdf,text", "--out", str(out / name)], project, env)
        run([kyr, "bundle", "--quiet", "--color", "never", "--site", str(out / name),
             "--out", str(work / "bundles" / f"{name}.zip")], project, env)
    shutil.move(str(work / "bundles"), str(out / "bundles"))
    found = {}
    for path in sorted(out.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(out).as_posix()
        if "/.kyr/" in f"/{relative}":
            if path.suffix == ".json":
                found[relative] = record_hash(path)
            # The build lock (empty) and the list of temporary files say
            # nothing about what was built.
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
