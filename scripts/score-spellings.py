#!/usr/bin/env python3
"""Scores the gazetteer on a list of spellings: the share whose top candidate lies within the
place's tolerance (issue #3's check).

    python3 scripts/score-spellings.py .build/release/incidents Tests/Fixtures/dev/spellings2.jsonl

Each line of the list: {"surface", "name", "kind", "lat", "lon", "tolerance_km", ...}. Prints the
score, then every miss with what was found instead (name, kind, km off) or None.
"""
import json
import math
import subprocess
import sys


def km(lat1, lon1, lat2, lon2):
    """Great-circle distance (haversine, 6371 km sphere): enough to judge a 5 km tolerance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def main(binary, path):
    hits, rows, misses = 0, 0, []
    for line in open(path, encoding="utf-8"):
        row = json.loads(line)
        rows += 1
        out = subprocess.run([binary, "resolve", row["surface"], "--json", "--limit", "1"], capture_output=True, text=True).stdout
        found = json.loads(out) if out.strip() else []
        off = km(row["lat"], row["lon"], found[0]["lat"], found[0]["lon"]) if found else None
        if off is not None and off <= row["tolerance_km"]:
            hits += 1
        else:
            misses.append((row["surface"], row["name"], (found[0]["name"], found[0]["kind"], round(off)) if found else None))
    print(f"{hits}/{rows} = {hits / rows:.3f}")
    for miss in misses:
        print(miss)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: score-spellings.py INCIDENTS_BINARY SPELLINGS.jsonl")
    main(sys.argv[1], sys.argv[2])
