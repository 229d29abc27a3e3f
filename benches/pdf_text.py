#!/usr/bin/env python3
"""How much of a translation copies out of kyr's PDFs whole.

Builds the shipped content's PDFs (`kyr build --format pdf`) in the
locales asked for (default: ar and ff-Adlm), extracts the text of each
document's reading PDFs (`<doc>.pdf`, `.card.pdf`, `.booklet.pdf`) with
`pdftotext` (poppler) and `mutool draw -F txt` (MuPDF), and counts the
paragraphs of the locale's own Fluent messages for that document (the
ids its skeleton names; a message's paragraphs are split at blank lines,
list items each one) that come out whole: their text, Markdown marks
taken off and spaces made one, found as it is in the extracted text
with line breaks made spaces. Text between placeables counts piece by
piece. Needs poppler-utils and mupdf-tools.

    python3 benches/pdf_text.py                 # this checkout's kyr, built first
    python3 benches/pdf_text.py --kyr PATH --locale ar --show
"""

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EPOCH = "1767225600"
# Bidi controls extractors add around right-to-left lines.
CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")


def messages(ftl):
    """id -> value text of a Fluent file (attributes left out)."""
    out, current = {}, None
    for line in ftl.read_text().splitlines():
        m = re.match(r"^([a-zA-Z][\w-]*)\s*=\s*(.*)$", line)
        if m:
            current = m.group(1)
            out[current] = [m.group(2)]
        elif current and (line.startswith(" ") or not line.strip()):
            if line.strip().startswith("."):
                current = None
            else:
                out[current].append(line.strip())
        else:
            current = None
    return {k: "\n".join(v).strip() for k, v in out.items()}


def paragraphs(value):
    """The pieces of text one message shows, each to be found whole."""
    pieces = []
    for block in re.split(r"\n\s*\n", value):
        items = re.split(r"\n(?=- )", block) if block.startswith("- ") else [block]
        for item in items:
            text = re.sub(r"^- ", "", item)
            text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
            text = text.replace("**", "").replace("__", "")
            text = re.sub(r"(?<!\w)[*_]|[*_](?!\w)", "", text)
            parts = [normal(p) for p in re.split(r"\{[^}]*\}", text)]
            parts = [p for p in parts if len(p) > 1]
            if parts:
                pieces.append(parts)
    return pieces


def normal(text):
    return " ".join(CONTROLS.sub("", text).split())


def extracted(tool, pdf):
    if tool == "pdftotext":
        args = ["pdftotext", "-enc", "UTF-8", str(pdf), "-"]
    else:
        args = ["mutool", "draw", "-q", "-F", "txt", "-o", "-", str(pdf)]
    result = subprocess.run(args, capture_output=True)
    return normal(result.stdout.decode("utf-8", "replace"))


def measure(out, locale, show):
    """{tool: (whole, total)} over the locale's documents."""
    totals = {"pdftotext": [0, 0], "mutool": [0, 0]}
    for ftl in sorted((ROOT / "locales" / locale).glob("*.ftl")):
        skeleton = ROOT / "content" / f"{ftl.stem}.md"
        if not skeleton.exists():
            continue
        source = skeleton.read_text()
        named = re.findall(r"\{([^}]*)\}", source) + re.findall(r'"([a-z][a-z0-9-]*)"', source)
        used = set(re.findall(r"[a-z][a-z0-9-]*", " ".join(named)))
        pdfs = [p for p in (out / locale).glob(f"{ftl.stem}*.pdf") if "print" not in p.name
                and "sheet" not in p.name]
        for tool in totals:
            text = " ".join(extracted(tool, p) for p in pdfs)
            for message, value in messages(ftl).items():
                if message not in used:
                    continue
                for parts in paragraphs(value):
                    whole = all(part in text for part in parts)
                    totals[tool][0] += whole
                    totals[tool][1] += 1
                    if show and not whole:
                        print(f"  {tool} {locale}/{ftl.stem} {message}: {' … '.join(parts)}")
    return totals


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kyr", help="kyr binary (default: target/release/kyr, built first)")
    parser.add_argument("--locale", action="append", help="locale (repeatable; default ar, ff-Adlm)")
    parser.add_argument("--show", action="store_true", help="print each paragraph that is not whole")
    args = parser.parse_args()
    kyr = args.kyr
    if kyr is None:
        subprocess.run(["cargo", "build", "--release", "--locked"], cwd=ROOT, check=True)
        kyr = str(ROOT / "target" / "release" / "kyr")
    locales = args.locale or ["ar", "ff-Adlm"]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        command = [kyr, "build", "--force", "--quiet", "--color", "never", "--format", "pdf", "--out", str(out)]
        for locale in locales:
            command += ["--locale", locale]
        result = subprocess.run(command, cwd=ROOT, env={"SOURCE_DATE_EPOCH": EPOCH, "PATH": "/usr/bin:/bin"},
                                capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"kyr build failed:\n{result.stderr}")
        for locale in locales:
            for tool, (whole, total) in measure(out, locale, args.show).items():
                share = 100 * whole / total if total else 0
                print(f"{locale:8} {tool:10} {whole:3} of {total:3} paragraphs whole ({share:5.1f} %)")


if __name__ == "__main__":
    main()
