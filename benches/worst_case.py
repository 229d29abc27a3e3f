#!/usr/bin/env python3
"""The worst inputs kyr accepts under its default limits, with the time and
peak memory of building each (HTML and every PDF layout).

Each case is a one-locale project whose document has a handout, a booklet
and a wallet card. The first cases are refused before layout (their error
is shown); the others go as far as the defaults of `[limits]` let them:
320 KB of text per document, 2,000 pieces per paragraph, 200 pages per
PDF, 4,000 characters per card side, in the shapes that cost Typst the
most. A case may still be refused after layout (too many pages); that is
reported too. The target is at most 60 s and 1 GB for every case.

    cargo build --release && python3 benches/worst_case.py [--kyr BINARY] [CASE ...]
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KYR = os.path.join(ROOT, "target", "release", "kyr")

DOCUMENT_BYTES = 320 * 1024  # `max_document_bytes`
FILE_BYTES = 1024 * 1024  # `max_file_bytes`

FRONT = """+++
title = "doc-title"
layouts = ["handout", "booklet", "card"]
last_reviewed = 2026-11-26
sources = [{ name = "ACLU", url = "https://www.aclu.org/know-your-rights/immigrants-rights" }]

[card]
front = "doc-front"
back = "doc-back"
+++
# { doc-title }

"""

MESSAGES = """doc-title = A worst case
doc-front = Front
doc-back = Back
doc-officer = I do not consent to a search.
"""

# What a card side can hold (`MOST_CARD_SIDE_CHARS`) and a paragraph be
# made of (`max_paragraph_pieces`).
CARD_CHARS = 4000
PIECES = 2000


def fill(unit: str, budget: int) -> str:
    """`unit` repeated up to `budget` bytes."""
    return unit * (budget // len(unit.encode()))


def paragraphs(unit: str, per_paragraph: int, budget: int) -> str:
    """Paragraphs of `per_paragraph` units, up to `budget` bytes."""
    paragraph = unit * per_paragraph + "\n\n"
    return paragraph * (budget // len(paragraph.encode()))


# The document's text stays a little under `max_document_bytes`, for the
# skeleton's headings and the card.
UNDER = DOCUMENT_BYTES - CARD_CHARS - 2048


def cases() -> dict:
    """name -> (body, card front, extra messages, extra kyr.toml)."""
    big_message = "doc-big = " + fill("word ", FILE_BYTES - 4096) + "\n"
    placeables = "doc-many = " + "{ doc-big }" * 100 + "\n"
    words = fill("word ", CARD_CHARS - 10)
    return {
        # Refused before layout, at once.
        "a-1-MB-message-shown-50-times": ("\n\n".join(["{ doc-big }"] * 50), words, big_message, ""),
        "a-message-of-100-big-placeables": ("{ doc-many }", words, big_message + placeables, ""),
        "a-big-variable-shown-often": (
            fill("{ $big } ", FILE_BYTES - 16384),
            words,
            "",
            '[vars]\nbig = "' + fill("v", 200 * 1024) + '"\n',
        ),
        # Accepted: as much as the limits let through, in the shapes that
        # cost Typst the most.
        "plain-words-in-one-paragraph": (fill("word ", UNDER), words, "", ""),
        "plain-words-in-short-paragraphs": (paragraphs("word ", 40, UNDER), words, "", ""),
        # Finding 5: `*_*_…x…_*_*`, one character an emphasis.
        "alternating-emphasis": (
            paragraphs("*_" * 5_500 + "x" + "_*" * 5_500, 1, UNDER),
            words,
            "",
            "",
        ),
        # Three pieces a unit: the emphasis, its text, the text after.
        "an-emphasis-per-word": (paragraphs("*a* ", PIECES // 3 - 1, UNDER), words, "", ""),
        "an-emphasis-per-letter": (paragraphs("*a*b", PIECES // 3 - 1, UNDER), words, "", ""),
        "long-addresses": (
            paragraphs("ab/", (PIECES - 2) * 12 // 3, UNDER),
            words,
            "",
            "",
        ),
        # Two pieces a line: the text, the break; lines as many as the
        # page estimate lets through (120 a page, 200 pages).
        "line-breaks": (paragraphs("a\\\n", PIECES // 2 - 1, 2 * 23_000), words, "", ""),
        # Two lines each, with the space after: 12,000 fill the estimate.
        "short-paragraphs": (fill("a\n\n", 3 * 11_900), words, "", ""),
        # 11 quotes, a list and an item: 14 lines each in the estimate.
        "nesting-to-the-limit": (fill("> " * 11 + "- a\n\n", 27 * 1_700), words, "", ""),
        # Two such documents, built side by side (one job a core).
        "an-emphasis-per-letter-in-two-documents": (
            paragraphs("*a*b", PIECES // 3 - 1, UNDER),
            words,
            "",
            "",
        ),
        "card-front-of-emphasis": (
            fill("word ", UNDER),
            paragraphs("*a* ", 200, CARD_CHARS * 2),
            "",
            "",
        ),
    }


def project(tmp: str, body: str, card: str, messages: str, extra: str) -> None:
    os.makedirs(os.path.join(tmp, "content"))
    os.makedirs(os.path.join(tmp, "locales", "en"))
    shutil.copy(
        os.path.join(ROOT, "assets", "interface", "en.ftl"),
        os.path.join(tmp, "locales", "en", "kyr.ftl"),
    )
    with open(os.path.join(tmp, "kyr.toml"), "w") as f:
        f.write('title = "doc-title"\n\n' + extra)
        if "[vars]" not in extra:
            f.write("[vars]\n")
        f.write('hotline = "+1 212 555 0100"\norganization = "Legal Aid"\n\n')
        f.write('[locales.en]\nendonym = "English"\ncomplete = true\nreviewed = true\n')
    with open(os.path.join(tmp, "content", "doc.md"), "w") as f:
        f.write(FRONT + body + "\n\n## { doc-front }\n\n" + card)
        f.write("\n\n## { doc-back }\n\n{ doc-officer }\n")
    with open(os.path.join(tmp, "locales", "en", "doc.ftl"), "w") as f:
        f.write(MESSAGES + messages)


def run(kyr: str, tmp: str) -> tuple:
    """Builds; returns (seconds, peak MB, exit code, first error line)."""
    started = time.monotonic()
    proc = subprocess.Popen(
        [kyr, "build", "--force"],
        cwd=tmp,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "NO_COLOR": "1"},
    )
    stderr = proc.stderr.read().decode(errors="replace")
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.monotonic() - started
    code = os.waitstatus_to_exitcode(status)
    error = next((l for l in stderr.splitlines() if ": error:" in l), "")
    return seconds, usage.ru_maxrss / 1024, code, error


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kyr", default=KYR)
    parser.add_argument("cases", nargs="*")
    args = parser.parse_args()
    every = cases()
    chosen = args.cases or list(every)
    worst_s, worst_mb = 0.0, 0.0
    print(f"{'case':34} {'seconds':>8} {'peak MB':>8}  outcome")
    for name in chosen:
        body, card, messages, extra = every[name]
        with tempfile.TemporaryDirectory() as tmp:
            project(tmp, body, card, messages, extra)
            if name.endswith("-in-two-documents"):
                content = os.path.join(tmp, "content")
                shutil.copy(os.path.join(content, "doc.md"), os.path.join(content, "twin.md"))
            seconds, mb, code, error = run(args.kyr, tmp)
        worst_s, worst_mb = max(worst_s, seconds), max(worst_mb, mb)
        outcome = "built" if code == 0 else f"exit {code}: {error.split(': error: ', 1)[-1][:90]}"
        print(f"{name:34} {seconds:8.2f} {mb:8.0f}  {outcome}", flush=True)
    print(f"{'worst':34} {worst_s:8.2f} {worst_mb:8.0f}")
    if worst_s > 60 or worst_mb > 1024:
        sys.exit("over the target of 60 s and 1 GB")


if __name__ == "__main__":
    main()
