#!/usr/bin/env python3
"""List an annotator's errors on one kind of name over gold files, by bucket.

usage: python3 tools/name_errors.py OUT_DIR 'CMD' GOLD.json... [--kind people] [--eval ../shared/eval]
e.g.   python3 tools/name_errors.py target/people-errors 'target/release/gloss annotate --raw' \
           ../shared/eval/gold/*.json ../shared/eval/gold/gum-dev/*.json --kind people

`--kind` is people (the default), places or organizations. Each gold's article
is annotated once by CMD (the JSON kept in OUT_DIR/DOC.json; delete it to
annotate again) and scored by the eval's own score.py, read in place (no eval
data copied). One line per error, tab-separated:

- FN KIND: a gold entity no entity of the kind found; KIND is what the
  annotator made of its first mention (person, organization, place: one of
  the kind merged into another; none);
- FP KIND: an entity listed that no gold entity matches; KIND is the gold kind
  that covers the name, or nogold;
- MISS KIND: a gold mention (of an entity found) that no entity of the kind
  covers, and what covers it instead (the B³ loss of uncovered mentions);
- SPLIT: a gold entity whose mentions lie in two or more entities of the
  kind, each with its mentions' count (the B³ loss of splitting);
- MERGED: an entity of the kind covering mentions of two or more gold
  entities.

then the document, the name and its context with the mention in brackets.
Counts by bucket go to standard error. Python 3 standard library only.
"""
import collections
import json
import os
import subprocess
import sys

KIND_OF = {"people": "person", "places": "place", "organizations": "organization"}


def main(argv):
    eval_dir = "../shared/eval"
    kind = "people"
    for flag in ("--eval", "--kind"):
        if flag in argv:
            k = argv.index(flag)
            if flag == "--eval":
                eval_dir = argv[k + 1]
            else:
                kind = argv[k + 1]
            del argv[k:k + 2]
    if len(argv) < 4 or kind not in KIND_OF:
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
        mine = [(e, sp) for e, sp in spans if e["kind"] == KIND_OF[kind]]
        golds_k = gold.get(kind, [])
        res, _ = score.score_kind(text, golds_k, [e for e, _ in mine], gold.get("also_fine", []))

        def ctx(s, e):
            flat = lambda t: t.replace("\n", " ")
            return flat(text[max(0, s - 40):s]) + "[" + text[s:e] + "]" + flat(text[e:e + 40])

        def owners(s, e, among):
            return [en for en, sp in among if any(a <= s and e <= b for a, b in sp)]

        doc = gold["doc"]
        for name in res["missed"]:
            ge = next(x for x in golds_k if x["name"] == name)
            found = score.gold_mentions(text, ge)
            if not found:
                rows.append(("FN", "nomention", doc, name, ""))
                continue
            s, e = found[0]
            own = owners(s, e, spans)
            rows.append(("FN", own[0]["kind"] if own else "none", doc, name, ctx(s, e)))
        for name in res["unmatched_sys"]:
            en, sp = next((x, sp) for x, sp in mine if x["name"] == name)
            first = sp[0]
            gk = "nogold"
            for k in KIND_OF:
                for x in gold.get(k, []):
                    if score.norm(name) in (score.norm(n) for n in x["names"]) or any(
                            first[0] <= a and b <= first[1] for a, b in score.gold_mentions(text, x)):
                        gk = k
            rows.append(("FP", gk, doc, name, ctx(*first)))
        # mentions: uncovered, split, merged
        by_sys = collections.defaultdict(set)
        for gi, ge in enumerate(golds_k):
            if ge["name"] in res["missed"]:
                continue
            holders = collections.Counter()
            for s, e in score.gold_mentions(text, ge):
                own = owners(s, e, mine)
                if own:
                    holders[own[0]["name"]] += 1
                    by_sys[own[0]["name"]].add(ge["name"])
                else:
                    other = owners(s, e, spans)
                    rows.append(("MISS", other[0]["kind"] if other else "none", doc, ge["name"], ctx(s, e)))
            if len(holders) > 1:
                rows.append(("SPLIT", "-", doc, ge["name"],
                             "; ".join(f"{n} x{c}" for n, c in holders.most_common())))
        for name, gs in by_sys.items():
            if len(gs) > 1:
                rows.append(("MERGED", "-", doc, name, "; ".join(sorted(gs))))
    for r in sorted(rows):
        print("\t".join(r))
    for k, n in collections.Counter((r[0], r[1]) for r in rows).most_common():
        print(f"{n:5d} {k[0]} {k[1]}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
