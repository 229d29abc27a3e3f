#!/usr/bin/env python3
"""Writes assets/endonyms/endonyms.tsv: the languages' own names kyr knows.

Usage: python3 assets/endonyms/extract.py CLDR_COMMON > assets/endonyms/endonyms.tsv

CLDR_COMMON is CLDR's `common/` folder, for example from Debian's
`unicode-cldr-core` package (`apt-get download unicode-cldr-core`, then
`dpkg -x` it into a temporary folder: `usr/share/unicode/cldr/common`).

Each tag in CLDR_TAGS gets its name from the language's own CLDR file
(`main/<tag>.xml`, then its parent: `ff_Adlm.xml`, then `ff.xml`), under
`localeDisplayNames/languages/language`, keyed by the tag or its language
(`fa_AF` in `fa.xml` is Dari's name). The name is written as CLDR says it
appears in a menu of languages (`contextTransforms`: `uiListOrMenu` with
`titlecase-firstword` makes `español` `Español`). The English name comes
from `en.xml` (language, then language and script).

The languages CLDR does not name are in `others.tsv` beside this script,
each with its own public source; they are copied after CLDR's. Standard
Python only.
"""

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

# The languages to take from CLDR: those of kyr's own example project, then
# the languages most asked for by language-access services in the U.S. and
# Mexico.
CLDR_TAGS = [
    "en", "fr", "es", "ar", "pt", "wo", "ff", "ff-Adlm",
    "zh", "zh-Hant", "yue", "vi", "ko", "tl", "fil", "ru", "uk", "pl",
    "ro", "sq", "ka", "hy", "uz", "tr", "fa", "fa-AF", "ps", "ur", "hi",
    "pa", "pa-Arab", "bn", "ne", "gu", "ta", "te", "ml", "mr", "km", "my",
    "lo", "th", "mn", "ja", "am", "ti", "so", "om", "sw", "rw", "rn",
    "ln", "bm", "ha", "yo", "ig", "ku", "ckb", "qu", "it", "de", "el",
    "he", "ky", "kk", "tg", "az", "bg", "sr", "bs", "hr", "kea", "pcm",
]

# Tags whose name is in another language's file: CLDR has no Tagalog
# locale, and its Filipino one (Filipino is standard Tagalog) names it.
OWN_FILE = {"tl": "fil"}

HEADER = """\
# The languages' own names (endonyms) kyr knows, one line per BCP 47 tag:
# tag, endonym, English name, source of the endonym (tab-separated).
# Written by assets/endonyms/extract.py from Unicode CLDR {version}
# (Debian's unicode-cldr-core), each name as CLDR writes it in a menu of
# languages, and from assets/endonyms/others.tsv (languages CLDR {version}
# does not name, each with its own public source). Do not edit by hand:
# change the script or others.tsv and run it again.
# CLDR data: Copyright © 1991-2022 Unicode, Inc.; see LICENSE-CLDR.txt.
"""


def cldr_version(common):
    dtd = (common / "dtd" / "ldml.dtd").read_text(encoding="utf-8")
    marker = 'cldrVersion CDATA #FIXED "'
    start = dtd.index(marker) + len(marker)
    return dtd[start : dtd.index('"', start)]


def load(common, name):
    path = common / "main" / f"{name}.xml"
    return ET.parse(path).getroot() if path.is_file() else None


def language_names(root):
    """The file's language names, by type, without alternatives or names
    CLDR marks as unconfirmed."""
    names = {}
    for e in root.findall("localeDisplayNames/languages/language"):
        if e.get("alt") is None and e.get("draft") not in ("unconfirmed", "provisional"):
            names[e.get("type")] = e.text
    return names


def menu_case(root, name):
    for usage in root.findall("contextTransforms/contextTransformUsage"):
        if usage.get("type") != "languages":
            continue
        for t in usage.findall("contextTransform"):
            if t.get("type") == "uiListOrMenu" and t.text == "titlecase-firstword":
                return name[:1].upper() + name[1:]
    return name


def endonym(common, tag):
    """The name and the file it comes from."""
    key = tag.replace("-", "_")
    language = key.split("_")[0]
    files = [key] if key == language else [key, language]
    files = [OWN_FILE.get(tag, f) for f in files]
    for file in files:
        root = load(common, file)
        if root is None:
            continue
        names = language_names(root)
        for k in dict.fromkeys([key, language]):
            if k in names:
                return menu_case(root, names[k]), f"{file}.xml"
    sys.exit(f"CLDR has no name for `{tag}` in its own files")


def english(common, tag):
    names = language_names(load(common, "en"))
    key = tag.replace("-", "_")
    if key in names:
        return names[key]
    language, script = key.split("_")
    scripts = {
        e.get("type"): e.text
        for e in load(common, "en").findall("localeDisplayNames/scripts/script")
        if e.get("alt") is None
    }
    return f"{names[language]} ({scripts[script]})"


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    common = Path(sys.argv[1])
    version = cldr_version(common)
    out = [HEADER.format(version=version)]
    seen = set()
    for tag in CLDR_TAGS:
        name, file = endonym(common, tag)
        out.append(f"{tag}\t{name}\t{english(common, tag)}\tUnicode CLDR {version}, common/main/{file}\n")
        seen.add(tag)
    others = Path(__file__).with_name("others.tsv").read_text(encoding="utf-8")
    for line in others.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4 or not all(f.strip() for f in fields):
            sys.exit(f"others.tsv: not four fields: {line!r}")
        if fields[0] in seen:
            sys.exit(f"others.tsv: `{fields[0]}` is named by CLDR already")
        seen.add(fields[0])
        out.append(line + "\n")
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()
