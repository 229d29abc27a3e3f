#!/usr/bin/env python3
"""Builds kyr for one target and packs it as a release publishes it.

    python3 scripts/release.py [--target TRIPLE] [--profile release] [--out DIR] [--smoke]
    python3 scripts/release.py --binary target/release/kyr [--out DIR]
    python3 scripts/release.py --check-tag v0.1.0 --repository https://github.com/OWNER/kyr

The release workflow (.github/workflows/release.yml) runs this on each
platform, and `.ci/run` runs it here with `--smoke`, so that the Linux
binary tested is built and packed the way a release makes it.
tests/release.rs packs the tests' own binary with `--binary` (no second
cargo while the tests run) and checks the archive.

It builds `kyr` with `cargo build --locked` (with `--target` only when the
target is not this machine's, so a local run reuses `target/release/`), and
writes one archive to DIR (default `target/dist/`). Its name and the folder
inside it come from `[package.metadata.binstall]` in Cargo.toml, so
`cargo binstall` finds what this writes:

    kyr-<version>-<target>/kyr[.exe]
    kyr-<version>-<target>/README.md
    kyr-<version>-<target>/LICENSE-MIT, LICENSE-APACHE    kyr's licence
    kyr-<version>-<target>/OFL.txt                        the Noto fonts' licence
    kyr-<version>-<target>/LICENSE-CLDR.txt               the languages' names
    kyr-<version>-<target>/THIRD-PARTY-LICENSES.txt       every crate in the binary

The archive (tar.gz, or zip for Windows) is the same bytes for the same
binary: entries sorted, owned by 0, dated SOURCE_DATE_EPOCH (else the last
commit's time). A Linux binary that needs a glibc newer than 2.35 (Ubuntu
22.04, the oldest Debian and Ubuntu release still supported, has 2.35) is
refused, naming the versions it needs. `--smoke` then unpacks the archive
and runs `kyr init` and `kyr build` with an empty PATH and HOME.

Only Python's standard library (3.11 or newer, for tomllib); `cargo` and `rustc` for the build.
"""

import argparse
import gzip
import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The cargo that runs this (tests/release.rs, under `cargo test`), else the one on PATH.
CARGO = os.environ.get("CARGO", "cargo")
LICENSE_TEXTS = ROOT / "scripts" / "licenses"
GLIBC_FLOOR = (2, 35)
# Files of kyr's own beside the binary: (path in the repository, name in the archive).
OWN_FILES = [
    ("README.md", "README.md"),
    ("LICENSE-MIT", "LICENSE-MIT"),
    ("LICENSE-APACHE", "LICENSE-APACHE"),
    ("assets/fonts/OFL.txt", "OFL.txt"),
    ("assets/endonyms/LICENSE-CLDR.txt", "LICENSE-CLDR.txt"),
]
# A crate's own licence files, by name.
LICENSE_FILE = re.compile(r"^(licen[cs]e|copying|notice|unlicense|copyright)", re.IGNORECASE)
# The standard texts shipped for a crate that carries none: the first of
# these its licence expression allows. MIT and the BSD licences are not
# here: their text names the copyright holders, which only the crate has.
STANDARD_TEXTS = {
    "Apache-2.0": ROOT / "LICENSE-APACHE",
    "MPL-2.0": LICENSE_TEXTS / "MPL-2.0.txt",
    "CC0-1.0": LICENSE_TEXTS / "CC0-1.0.txt",
}


class Refused(Exception):
    """A reason not to publish, said to the person who runs this."""


def run(args, **kwargs):
    """Runs a command, stopping with its own words when it fails."""
    done = subprocess.run(args, cwd=ROOT, text=True, capture_output=True, **kwargs)
    if done.returncode != 0:
        raise Refused(f"`{' '.join(map(str, args))}` failed:\n{done.stderr.strip()}")
    return done.stdout


def host_target():
    """The target triple of this machine's rustc."""
    for line in run(["rustc", "-vV"]).splitlines():
        if line.startswith("host: "):
            return line.removeprefix("host: ").strip()
    raise Refused("`rustc -vV` names no host")


def manifest():
    """Cargo.toml, read as TOML, and its text (for line numbers)."""
    text = (ROOT / "Cargo.toml").read_text(encoding="utf-8")
    return tomllib.loads(text), text


def line_of(text, prefix):
    """The 1-based line of Cargo.toml that starts with `prefix`."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith(prefix):
            return number
    return 1


def expand(template, values):
    """A cargo-binstall template (`{ name }`) with its variables filled in."""

    def value(match):
        key = match.group(1)
        if key not in values:
            raise Refused(f"Cargo.toml: binstall template {template!r} names {{ {key} }}, unknown here")
        return values[key]

    return re.sub(r"\{\s*([a-z-]+)\s*\}", value, template)


def layout(cargo, target):
    """The archive's file name, the folder inside it and the binary's name, from the binstall metadata."""
    package = cargo["package"]
    binstall = dict(package["metadata"]["binstall"])
    binstall.update(binstall.pop("overrides", {}).get(target, {}))
    windows = "windows" in target
    values = {
        "name": package["name"],
        "version": package["version"],
        "target": target,
        "repo": package.get("repository", ""),
        "bin": "kyr",
        "binary-ext": ".exe" if windows else "",
        "archive-format": "zip" if binstall.get("pkg-fmt") == "zip" else "tgz",
    }
    url = expand(binstall["pkg-url"], values)
    inside = expand(binstall["bin-dir"], values)
    folder, binary = inside.rsplit("/", 1)
    archive = url.rsplit("/", 1)[1]
    wanted = ".zip" if binstall.get("pkg-fmt") == "zip" else ".tar.gz"
    if not archive.endswith(wanted):
        raise Refused(f"Cargo.toml: {archive} does not end in {wanted}, as its pkg-fmt says")
    return archive, folder, binary


def check_tag(cargo, text, tag, repository):
    """Refuses a tag that is not `v` + Cargo.toml's version, or a repository Cargo.toml does not name."""
    version = cargo["package"]["version"]
    if tag != f"v{version}":
        line = line_of(text, "version")
        raise Refused(f"Cargo.toml:{line}: the version is {version}, so the tag must be v{version}, not {tag}")
    named = cargo["package"].get("repository", "")

    def bare(url):
        return url.strip().lower().removesuffix("/").removesuffix(".git")

    if bare(named) != bare(repository):
        line = line_of(text, "repository")
        raise Refused(
            f"Cargo.toml:{line}: `repository` is {named!r}, but this release is published from "
            f"{repository}; cargo binstall would look for the archives there. Set it to {repository!r}."
        )
    print(f"the tag {tag} is Cargo.toml's version, published from {repository}")


def build(target, host, profile):
    """Builds the binary with cargo; returns its path."""
    args = [CARGO, "build", "--locked", "--bin", "kyr", "--profile", profile]
    if target != host:
        args += ["--target", target]
    print("$", " ".join(args), flush=True)
    subprocess.run(args, cwd=ROOT, check=True)
    meta = json.loads(run([CARGO, "metadata", "--format-version", "1", "--no-deps", "--locked"]))
    folder = Path(meta["target_directory"])
    if target != host:
        folder = folder / target
    folder = folder / ("debug" if profile == "dev" else profile)
    return folder / ("kyr.exe" if "windows" in target else "kyr")


def glibc_versions(binary):
    """The GLIBC_x.y versions an ELF binary asks for (its SHT_GNU_verneed section)."""
    data = binary.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise Refused(f"{binary} is not a 64-bit little-endian ELF file")
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    versions = set()
    for _, kind, _, _, offset, _, link, count, _, _ in sections:
        if kind != 0x6FFFFFFE:  # SHT_GNU_verneed
            continue
        strings = sections[link][4]
        entry = offset
        for _ in range(count):
            _, aux_count, _, aux, following = struct.unpack_from("<HHIII", data, entry)
            at = entry + aux
            for _ in range(aux_count):
                _, _, _, name, after = struct.unpack_from("<IHHII", data, at)
                end = data.index(b"\0", strings + name)
                versions.add(data[strings + name:end].decode())
                at += after
            entry += following
    return sorted(v for v in versions if v.startswith("GLIBC_"))


def check_glibc(binary):
    """Refuses a Linux binary that needs a glibc newer than GLIBC_FLOOR."""

    def number(version):
        return tuple(int(part) for part in version.removeprefix("GLIBC_").split(".") if part.isdigit())

    versions = glibc_versions(binary)
    newer = [v for v in versions if number(v) > GLIBC_FLOOR]
    floor = ".".join(map(str, GLIBC_FLOOR))
    if newer:
        raise Refused(
            f"{binary.name} needs {', '.join(newer)}, newer than glibc {floor} (Ubuntu 22.04, Debian 12): "
            "build it on an older system"
        )
    newest = max(versions, key=number) if versions else "no glibc version"
    print(f"{binary.name} needs at most {newest} (glibc {floor} or newer runs it)")


def crates_in_binary(target):
    """The packages compiled into kyr for `target`: its normal dependencies, followed from kyr."""
    meta = json.loads(
        run([CARGO, "metadata", "--format-version", "1", "--locked", "--filter-platform", target])
    )
    packages = {p["id"]: p for p in meta["packages"]}
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    root = meta["resolve"]["root"]
    seen, waiting = set(), [root]
    while waiting:
        node = waiting.pop()
        if node in seen:
            continue
        seen.add(node)
        for dep in nodes[node]["deps"]:
            if any(kind["kind"] is None for kind in dep["dep_kinds"]):
                waiting.append(dep["pkg"])
    seen.discard(root)
    return sorted((packages[i] for i in seen), key=lambda p: (p["name"], p["version"]))


def licence_files(package):
    """A package's own licence and notice files, sorted by name."""
    folder = Path(package["manifest_path"]).parent
    found = {f for f in folder.iterdir() if f.is_file() and LICENSE_FILE.match(f.name)}
    if package.get("license_file"):
        found.add(folder / package["license_file"])
    return sorted(found, key=lambda f: f.name)


def standard_text(package):
    """The shipped standard text for a package without licence files, from its licence expression."""
    expression = package.get("license") or ""
    for spdx in re.split(r"\s+OR\s+|/|\(|\)", expression):
        spdx = spdx.strip()
        if spdx in STANDARD_TEXTS:
            return spdx, STANDARD_TEXTS[spdx]
    raise Refused(
        f"{package['name']} {package['version']} ({expression or 'no licence named'}) carries no licence "
        f"file and allows none of {', '.join(STANDARD_TEXTS)}: add its text to scripts/licenses/"
    )


def third_party_licences(target):
    """THIRD-PARTY-LICENSES.txt: each crate in the binary, its source and its licence, each text once."""
    packages = crates_in_binary(target)
    own = {package["id"]: licence_files(package) for package in packages}
    by_repository = {}
    for package in packages:
        if own[package["id"]] and package.get("repository"):
            by_repository.setdefault(package["repository"], own[package["id"]])
    texts, numbers, listing = [], {}, []
    for package in packages:
        files = own[package["id"]] or by_repository.get(package.get("repository"))
        if files:
            sources = [(f"{f.name} of {f.parent.name}", f) for f in files]
        else:
            spdx, path = standard_text(package)
            sources = [(f"the standard text of {spdx}", path)]
        refs = []
        for title, path in sources:
            body = path.read_text(encoding="utf-8", errors="replace").strip()
            key = " ".join(body.split())
            if key not in numbers:
                numbers[key] = len(texts) + 1
                texts.append((title, body))
            refs.append(f"[{numbers[key]}]")
        where = f", {package['repository']}" if package.get("repository") else ""
        listing.append(
            f"{package['name']} {package['version']}: {package.get('license')}{where}; text {' '.join(refs)}"
        )
    head = (
        f"kyr for {target} is built from the {len(packages)} crates below, each under the licence\n"
        "it names, whose text follows (numbered). Each crate's source is at\n"
        "https://crates.io/crates/<name>/<version>. A crate that carries no licence file\n"
        "has the files of a crate from the same repository, or else the standard text\n"
        "of the licence it names.\n\n"
    )
    bodies = "".join(f"\n{'=' * 78}\n[{n}] {title}\n\n{body}\n" for n, (title, body) in enumerate(texts, 1))
    return head + "\n".join(listing) + "\n" + bodies


def source_epoch():
    """SOURCE_DATE_EPOCH, else the last commit's time, else 1980-01-01 (the oldest a zip can say)."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    done = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True)
    if done.returncode == 0 and done.stdout.strip():
        return int(done.stdout.strip())
    return 315532800


def write_tar_gz(archive, entries, epoch):
    """A gzipped tar of `entries` ((name, bytes, mode), sorted), the same bytes each time."""
    with open(archive, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=epoch, compresslevel=6) as packed:
            with tarfile.open(fileobj=packed, mode="w", format=tarfile.USTAR_FORMAT) as tar:
                folders = sorted({name.rsplit("/", 1)[0] for name, _, _ in entries})
                for folder in folders:
                    info = tarfile.TarInfo(folder)
                    info.type, info.mode, info.mtime = tarfile.DIRTYPE, 0o755, epoch
                    tar.addfile(info)
                for name, data, mode in entries:
                    info = tarfile.TarInfo(name)
                    info.size, info.mode, info.mtime = len(data), mode, epoch
                    tar.addfile(info, io.BytesIO(data))


def write_zip(archive, entries, epoch):
    """A zip of `entries`, dated `epoch` in UTC, with Unix modes, the same bytes each time."""
    stamp = time.gmtime(max(epoch, 315532800))[:6]
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zipped:
        for name, data, mode in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.create_system, info.external_attr = 3, (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zipped.writestr(info, data)


def pack(binary, target, names, out):
    """Writes `target`'s archive into `out`, named and laid out as `layout` says; returns its path."""
    name, folder, binary_name = names
    entries = [(f"{folder}/{binary_name}", binary.read_bytes(), 0o755)]
    for source, inside in OWN_FILES:
        entries.append((f"{folder}/{inside}", (ROOT / source).read_bytes(), 0o644))
    licences = third_party_licences(target).encode("utf-8")
    entries.append((f"{folder}/THIRD-PARTY-LICENSES.txt", licences, 0o644))
    entries.sort()
    out.mkdir(parents=True, exist_ok=True)
    archive = out / name
    partial = out / f".{name}.partial"
    writer = write_zip if name.endswith(".zip") else write_tar_gz
    writer(partial, entries, source_epoch())
    os.replace(partial, archive)
    print(f"wrote {archive}")
    return archive


def smoke(archive, folder, binary_name):
    """Unpacks the archive and runs `kyr init` and `kyr build` in it with an empty PATH and HOME."""
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        shutil.unpack_archive(archive, scratch / "unpacked")
        kyr = scratch / "unpacked" / folder / binary_name
        home = scratch / "home"
        home.mkdir()
        env = {"PATH": "", "HOME": str(home), "USERPROFILE": str(home)}
        if os.name == "nt":
            env["SYSTEMROOT"] = os.environ.get("SYSTEMROOT", r"C:\Windows")
        for args in (
            ["init", "project", "--reference", "ar", "--locale", "ff-Adlm", "--locale", "en"],
            ["-C", "project", "build", "--format", "all"],
        ):
            done = subprocess.run([str(kyr), *args], cwd=scratch, env=env, capture_output=True, text=True)
            if done.returncode != 0:
                raise Refused(f"the unpacked kyr {' '.join(args)} failed:\n{done.stderr}")
        pdfs = sorted(p.name for p in (scratch / "project" / "out" / "ar").glob("*.pdf"))
        if not pdfs:
            raise Refused("the unpacked kyr built no Arabic PDF")
        print(f"the unpacked kyr ran init and build with an empty PATH and HOME ({', '.join(pdfs)})")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--target", help="the target triple (default: this machine's)")
    parser.add_argument("--profile", default="release", help="cargo's profile (default: release)")
    parser.add_argument("--out", type=Path, default=None, help="where the archive goes (default: target/dist)")
    parser.add_argument("--binary", type=Path, help="pack this binary, built for --target, instead of building")
    parser.add_argument("--smoke", action="store_true", help="run the unpacked binary (this machine's target only)")
    parser.add_argument("--check-tag", metavar="TAG", help="only check TAG and --repository against Cargo.toml")
    parser.add_argument("--repository", help="with --check-tag: the address the release is published from")
    args = parser.parse_args(argv)
    try:
        cargo, text = manifest()
        if args.check_tag:
            if not args.repository:
                parser.error("--check-tag needs --repository")
            check_tag(cargo, text, args.check_tag, args.repository)
            return 0
        host = host_target()
        target = args.target or host
        names = layout(cargo, target)
        binary = args.binary or build(target, host, args.profile)
        if target.endswith("-linux-gnu"):
            check_glibc(binary)
        archive = pack(binary, target, names, args.out or ROOT / "target" / "dist")
        if args.smoke:
            if target != host:
                raise Refused(f"--smoke runs the binary, so it needs this machine's target ({host})")
            _, folder, binary_name = names
            smoke(archive, folder, binary_name)
    except Refused as refused:
        print(f"error: {refused}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
