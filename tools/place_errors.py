#!/usr/bin/env python3
"""List the places an annotator missed (FN) and the ones it listed wrongly (FP), by kind.

usage: python3 tools/place_errors.py OUT_DIR 'CMD' GOLD.json... [--eval ../shared/eval]
e.g.   python3 tools/place_errors.py target/place-errors 'target/release/gloss annotate --raw' \
           ../shared/eval/gold/*.json ../shared/eval/gold/gum-dev/*.json

Each gold's article is annotated once by CMD (the JSON kept in OUT_DIR/DOC.json;
delete it to annotate again) and scored by the eval's own score.py. One line
per error, tab-separated: FN or FP; the kind (FN: what the annotator made of
the gold place's first mention: person, organization, place (merged into
another place) or none; FP: the gold kind that covers the name, or nogold);
the document; the name; its context with the mention in brackets. Counts by
kind go to standard error. Python 3 standard library only.
"""
import collections
import json
import os
import subprocess
import sys


def main(argv):
    eval_dir = "../shared/eval"
    if "--eval" in argv:
        k = argv.index("--eval")
        eval_dir = argv[k + 1]
        del argv[k:k + 2]
    if len(argv) < 4:
        sys.exit(__doc__)
    sys.path.insert(0, eval_dir)
    import score  # the eval's scorer, read in place

    out, cmd, golds = argv[1], argv[2], argv[3:]
    shared = os.path.dirname(os.path.abspath(eval_dir))
    os.makedirs(out, exist_ok=True)
    rows = []
    for g in golds:
        gold = json.load(open(g, encoding="utf-8"))
        art = os.path.join(shared, gold["article"])
        if not os.path.exists(art):
            art = os.path.join(os.path.dirname(g), gold["article"])
        path = os.path.join(out, gold["doc"] + ".json")
        if not os.path.exists(path):
            run = subprocess.run(cmd.split() + [art], capture_output=True, text=True)
            open(path, "w", encoding="utf-8").write(run.stdout)
        ann = json.load(open(path, encoding="utf-8"))
        text, ents = ann["text"], ann["entities"]
        spans = [(e, score.char_spans(text, e["mentions"])) for e in ents]
        places = [e for e in ents if e["kind"] == "place"]
        res, _ = score.score_kind(text, gold.get("places", []), places, gold.get("also_fine", []))

        def ctx(s, e):
            flat = lambda t: t.replace("\n", " ")
            return flat(text[max(0, s - 40):s]) + "[" + text[s:e] + "]" + flat(text[e:e + 40])

        for name in res["missed"]:
            ge = next(x for x in gold["places"] if x["name"] == name)
            found = score.gold_mentions(text, ge)
            if not found:
                rows.append(("FN", "nomention", gold["doc"], name, ""))
                continue
            s, e = found[0]
            own = [en for en, sp in spans if any(a <= s and e <= b for a, b in sp)]
            rows.append(("FN", own[0]["kind"] if own else "none", gold["doc"], name, ctx(s, e)))
        for name in res["unmatched_sys"]:
            en, sp = next((x, sp) for x, sp in spans if x["kind"] == "place" and x["name"] == name)
            first = sp[0]
            kind = "nogold"
            for k in ("people", "organizations"):
                for x in gold.get(k, []):
                    if score.norm(name) in (score.norm(n) for n in x["names"]) or any(
                            first[0] <= a and b <= first[1] for a, b in score.gold_mentions(text, x)):
                        kind = k
            rows.append(("FP", kind, gold["doc"], name, ctx(*first)))
    for r in sorted(rows):
        print("\t".join(r))
    for k, n in collections.Counter((r[0], r[1]) for r in rows).most_common():
        print(f"{n:5d} {k[0]} {k[1]}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
