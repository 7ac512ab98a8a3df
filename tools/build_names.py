#!/usr/bin/env python3
"""Build gloss's given-name and surname lists.

usage: python3 tools/build_names.py CENSUS_DIR [OUT_DIR]

CENSUS_DIR holds dist.male.first, dist.female.first and dist.all.last, the 1990
US Census name lists (public domain; shipped in the PyPI package `names` 0.3.0:
`pip download names==0.3.0 --no-deps`). Also reads the hand-written
assets/lexicon/src/given_names_intl.txt and surnames_intl.txt. Writes, in OUT_DIR (default
assets/lexicon), sorted by bytes so the program can binary-search them:

  given_names.tsv  name<TAB>male %<TAB>female %   (share of US men / women
                   bearing the name in 1990; names from the international list
                   that the Census lacks get a nominal 0.005 for their sex)
  surnames.tsv     name<TAB>%                     (share of the US population;
                   names only the international list has get 0.005)

Names are lowercased. Python standard library only; deterministic output.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
NOMINAL = 0.005


def census(path):
    with open(path, encoding="ascii") as f:
        for line in f:
            cols = line.split()
            if len(cols) >= 2:
                yield cols[0].lower(), float(cols[1])


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    src, out = argv[1], (argv[2] if len(argv) > 2 else os.path.join(ROOT, "assets", "lexicon"))
    given = {}
    for sex, fname in ((0, "dist.male.first"), (1, "dist.female.first")):
        for name, pct in census(os.path.join(src, fname)):
            given.setdefault(name, [0.0, 0.0])[sex] = pct
    with open(os.path.join(ROOT, "assets", "lexicon", "src", "given_names_intl.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            sex, names = line.split(":", 1)
            for name in names.split():
                entry = given.setdefault(name.lower(), [0.0, 0.0])
                for s in {"m": (0,), "f": (1,), "u": (0, 1)}[sex.strip()]:
                    entry[s] = max(entry[s], NOMINAL)
    with open(os.path.join(out, "given_names.tsv"), "w", encoding="utf-8") as f:
        for name in sorted(given, key=lambda n: n.encode("utf-8")):
            m, w = given[name]
            f.write(f"{name}\t{m:g}\t{w:g}\n")
    last = dict(census(os.path.join(src, "dist.all.last")))
    with open(os.path.join(ROOT, "assets", "lexicon", "src", "surnames_intl.txt"), encoding="utf-8") as f:
        for line in f:
            for name in line.split("#", 1)[0].split():
                key = name.replace("_", " ").lower()
                last[key] = max(last.get(key, 0.0), NOMINAL)
    with open(os.path.join(out, "surnames.tsv"), "w", encoding="utf-8") as f:
        for name in sorted(last, key=lambda n: n.encode("utf-8")):
            f.write(f"{name}\t{last[name]:g}\n")
    print(f"{len(given)} given names, {len(last)} surnames", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
