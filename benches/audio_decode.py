#!/usr/bin/env python3
"""How long reading a long recording takes: `kyr check` on a project with
one ten-minute Ogg Opus recording, the first time (kyr decodes it for its
peak) and again (what was found is kept by the file's content), against
ffmpeg decoding the same file, by turns.

    python3 benches/audio_decode.py [--runs N] [--minutes M]

Needs sox, opusenc and ffmpeg (Debian: sox, opus-tools, ffmpeg), and
this checkout's `target/release/kyr`.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KYR = ROOT / "target" / "release" / "kyr"


def cpu(args, cwd=None):
    """Runs a command; its CPU time (user + system), in seconds."""
    process = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"`{' '.join(map(str, args))}` exited {code}")
    return usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--minutes", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kyr-audio-") as work:
        work = Path(work)
        wav, ogg = work / "long.wav", work / "door-title.ogg"
        seconds = str(args.minutes * 60)
        subprocess.run(["sox", "-n", "-r", "48000", "-c", "1", "-b", "16", str(wav),
                        "synth", seconds, "pinknoise", "vol", "0.3", "tremolo", "4", "90"],
                       check=True)
        subprocess.run(["opusenc", "--quiet", "--speech", "--bitrate", "24", str(wav), str(ogg)],
                       check=True)
        project = work / "project"
        shutil.copytree(ROOT / "tests" / "fixtures" / "build" / "basic", project)
        (project / "locales" / "fr" / "audio").mkdir(parents=True)
        shutil.copy(ogg, project / "locales" / "fr" / "audio" / "door-title.ogg")
        kept = project / ".kyr" / "recordings.json"
        figures = {"kyr check, first": [], "kyr check, again": [], "ffmpeg": []}
        for _ in range(args.runs):
            kept.unlink(missing_ok=True)
            figures["kyr check, first"].append(cpu([KYR, "check", "-q"], cwd=project))
            figures["kyr check, again"].append(cpu([KYR, "check", "-q"], cwd=project))
            figures["ffmpeg"].append(cpu(["ffmpeg", "-nostdin", "-v", "error", "-i", str(ogg),
                                          "-f", "null", "-"]))
        print(f"{args.minutes} min of Ogg Opus ({ogg.stat().st_size} bytes), "
              f"CPU s, median of {args.runs} by turns:")
        medians = {name: statistics.median(values) for name, values in figures.items()}
        for name, value in medians.items():
            print(f"  {name:18} {value:7.3f}")
        print(f"kyr check, first / ffmpeg: {medians['kyr check, first'] / medians['ffmpeg']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
