#!/usr/bin/env python3
"""Build gloss's common-English-words list (assets/lexicon/words.tsv).

usage: python3 tools/build_words.py SCOWL_SMALL SCOWL_MEDIUM SCOWL_LARGE GUM_TRAIN_DIR [OUT]

SCOWL_* are the word lists of Debian's wamerican-small, wamerican and
wamerican-large packages (/usr/share/dict/american-english{-small,,-large};
SCOWL sizes 35, 50 and 70; SCOWL licence, see assets/licenses/SCOWL.txt).
GUM_TRAIN_DIR holds the GUM train CoNLL-U files (CC BY 4.0).

Writes one line per lowercase word: word<TAB>tier<TAB>count, sorted by bytes:
tier 1 = in the small list (the most common words), 2 = in the medium list,
3 = in the large list only, 4 = not in SCOWL but written in lowercase in GUM;
count = how often GUM train writes the word in lowercase. Only words written
entirely in lowercase letters (with ' or - inside) are kept: an entry that
SCOWL writes capitalised is a name, not an ordinary word.
"""
import glob
import os
import re
import sys

WORD = re.compile(r"^[a-z][a-z'\-]*[a-z]$|^[a-z]$")


def main(argv):
    if len(argv) < 5:
        sys.exit(__doc__)
    out = argv[5] if len(argv) > 5 else os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                                                    "assets", "lexicon", "words.tsv")
    tier = {}
    for t, path in enumerate(argv[1:4], start=1):
        with open(path, encoding="utf-8") as f:
            for w in f:
                w = w.strip()
                if w.endswith("'s"):
                    continue
                if WORD.match(w) and w not in tier:
                    tier[w] = t
    counts = {}
    for path in sorted(glob.glob(os.path.join(argv[4], "*.conllu"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                cols = line.split("\t")
                if len(cols) == 10 and cols[0].isdigit():
                    w = cols[1].replace("\u2019", "'")
                    if WORD.match(w):
                        counts[w] = counts.get(w, 0) + 1
    words = set(tier) | set(counts)
    with open(out, "w", encoding="utf-8") as f:
        for w in sorted(words, key=lambda w: w.encode("utf-8")):
            f.write(f"{w}\t{tier.get(w, 4)}\t{counts.get(w, 0)}\n")
    print(f"{len(words)} words", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
