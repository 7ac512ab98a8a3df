#!/usr/bin/env python3
"""Build gloss's map and the central points of countries and US states.

usage: python3 tools/build_geo.py WORLD_ATLAS_DIR US_ATLAS_DIR GEONAMES_DIR

WORLD_ATLAS_DIR: the npm package world-atlas 2.0.2 unpacked (`npm pack
world-atlas@2.0.2`; its countries-110m.json and countries-50m.json are Natural
Earth's admin-0 countries, public domain, as TopoJSON). US_ATLAS_DIR: the npm
package us-atlas 3.0.1 (states-10m.json: US Census Bureau cartographic
boundaries, public domain). GEONAMES_DIR: for countries.json (ISO numeric code
to ISO 3166 alpha-2) and us_states.json (FIPS code to postal code).

Writes:

  assets/map/world-110m.bin, assets/map/world-50m.bin
      every arc of the countries' topology (coastlines and borders, each
      once): a little-endian u16 header (bit 15 set for a border, an arc two
      countries share; bits 0-14 the number of points), then that many points,
      each i16 longitude and i16 latitude in hundredths of a degree.
  assets/lexicon/src/centres.tsv
      key (ISO 3166 alpha-2 code of a country, or US-XX for a US state),
      lat, lon: the centroid of its largest polygon, or, when that falls
      outside it (a crescent, a ring), the point inside it farthest from its
      edges.

Python standard library only; deterministic output.
"""
import json
import math
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def decode_arcs(topo):
    """A topology's arcs as lists of (lon, lat)."""
    tf = topo.get("transform")
    out = []
    for arc in topo["arcs"]:
        if tf:
            (sx, sy), (tx, ty) = tf["scale"], tf["translate"]
            x = y = 0
            pts = []
            for dx, dy in arc:
                x += dx
                y += dy
                pts.append((x * sx + tx, y * sy + ty))
        else:
            pts = [(p[0], p[1]) for p in arc]
        out.append(pts)
    return out


def ring(arcs, indexes):
    pts = []
    for i in indexes:
        a = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        pts.extend(a if not pts else a[1:])
    return pts


def polygons(arcs, geom):
    if geom["type"] == "Polygon":
        return [[ring(arcs, r) for r in geom["arcs"]]]
    if geom["type"] == "MultiPolygon":
        return [[ring(arcs, r) for r in poly] for poly in geom["arcs"]]
    return []


def area_centroid(pts, k):
    """Signed area and centroid of a ring, x scaled by k (cos of latitude)."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        x0, x1 = x0 * k, x1 * k
        c = x0 * y1 - x1 * y0
        a += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    if a == 0:
        return 0.0, (pts[0][0], pts[0][1])
    return a / 2, (cx / (3 * a) / k, cy / (3 * a))


def inside(poly, x, y):
    n = False
    for pts in poly:
        for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
            if (y0 > y) != (y1 > y) and x < (x1 - x0) * (y - y0) / (y1 - y0) + x0:
                n = not n
    return n


def edge_distance(poly, x, y, k):
    best = float("inf")
    for pts in poly:
        for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
            ax, ay, bx, by, px = x0 * k, y0, x1 * k, y1, x * k
            dx, dy = bx - ax, by - ay
            t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((px - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
            best = min(best, math.hypot(px - ax - t * dx, y - ay - t * dy))
    return best


def central_point(polys):
    """The centroid of the largest polygon, else its most inland point."""
    best = None
    for poly in polys:
        outer = poly[0]
        lat0 = sum(p[1] for p in outer) / len(outer)
        k = math.cos(math.radians(lat0))
        a, c = area_centroid(outer, k)
        if best is None or abs(a) > best[0]:
            best = (abs(a), c, poly, k)
    _, (x, y), poly, k = best
    if inside(poly, x, y):
        return y, x
    xs = [p[0] for p in poly[0]]
    ys = [p[1] for p in poly[0]]
    found = None
    steps = 60
    for i in range(steps + 1):
        for j in range(steps + 1):
            px = min(xs) + (max(xs) - min(xs)) * i / steps
            py = min(ys) + (max(ys) - min(ys)) * j / steps
            if inside(poly, px, py):
                d = edge_distance(poly, px, py, k)
                if found is None or d > found[0]:
                    found = (d, px, py)
    return found[2], found[1]


def write_map(topo, path):
    arcs = decode_arcs(topo)
    uses = [0] * len(arcs)
    for g in topo["objects"]["countries"]["geometries"]:
        shape = g.get("arcs", [])
        stack = [shape]
        while stack:
            s = stack.pop()
            for v in s:
                if isinstance(v, list):
                    stack.append(v)
                else:
                    uses[v if v >= 0 else ~v] += 1
    out = bytearray()
    points = 0
    for arc, used in zip(arcs, uses):
        q = []
        for lon, lat in arc:
            p = (round(lon * 100), round(lat * 100))
            if not q or q[-1] != p:
                q.append(p)
        if len(q) < 2:
            continue
        for start in range(0, len(q) - 1, 0x7FFF - 1):
            part = q[start:start + 0x7FFF]
            out += struct.pack("<H", len(part) | (0x8000 if used > 1 else 0))
            for lon, lat in part:
                out += struct.pack("<hh", lon, lat)
            points += len(part)
    with open(path, "wb") as f:
        f.write(out)
    print(f"{path}: {points} points, {len(out)} bytes", file=sys.stderr)


def main(argv):
    if len(argv) < 4:
        sys.exit(__doc__)
    world, us, geonames = argv[1:4]
    load = lambda *p: json.load(open(os.path.join(*p), encoding="utf-8"))
    os.makedirs(os.path.join(ROOT, "assets", "map"), exist_ok=True)
    for res in ("110m", "50m"):
        write_map(load(world, f"countries-{res}.json"), os.path.join(ROOT, "assets", "map", f"world-{res}.bin"))

    iso2 = {int(c["isonumeric"]): c["iso"] for c in load(geonames, "countries.json").values()}
    postal = {s["fips"]: s["code"] for s in load(geonames, "us_states.json").values()}
    rows = {}
    topo = load(world, "countries-50m.json")
    arcs = decode_arcs(topo)
    for g in topo["objects"]["countries"]["geometries"]:
        gid = g.get("id")
        if gid is None or not gid.isdigit() or int(gid) not in iso2:
            continue
        polys = polygons(arcs, g)
        if polys:
            rows[iso2[int(gid)]] = central_point(polys)
    topo = load(us, "states-10m.json")
    arcs = decode_arcs(topo)
    for g in topo["objects"]["states"]["geometries"]:
        code = postal.get(g.get("id"))
        polys = polygons(arcs, g)
        if code and polys:
            rows["US-" + code] = central_point(polys)
    path = os.path.join(ROOT, "assets", "lexicon", "src", "centres.tsv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("# generated by tools/build_geo.py: country (ISO 3166 alpha-2) or US state (US-XX), lat, lon\n")
        for key in sorted(rows):
            lat, lon = rows[key]
            f.write(f"{key}\t{lat:.3f}\t{lon:.3f}\n")
    print(f"{path}: {len(rows)} centres", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
