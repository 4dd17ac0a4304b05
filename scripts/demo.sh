#!/usr/bin/env bash
# The main job on the seeds, with the embedded default database (out/incidents.sqlite).
set -euo pipefail
bin=${1:-.build/release/incidents}
cd "$(dirname "$0")/.."
mkdir -p out
db=out/incidents.sqlite
rm -f "$db" "$db-wal" "$db-shm"

echo "== Ingest seeds/ into $db"
"$bin" ingest seeds --db "$db"

echo
echo "== What happened within 10 km of al-Shaddadi"
"$bin" near "الشدادي" --within 10km --db "$db"

echo
echo "== What happened within 5 km of Ghuwayran prison, 20-31 January 2022"
"$bin" near "Ghuwayran prison" --within 5km --from 2022-01-20 --to 2022-01-31 --db "$db"

echo
echo "== al-Shaddadi prison to the coalition base (the seed article says about 2 km)"
"$bin" distance "al-Shaddadi prison" "Shaddadi coalition base"

echo
echo "== The base nearest to Ghuwayran prison"
"$bin" places nearest "Ghuwayran prison" --kind base --limit 1

echo
echo "== Extraction scores on the seeds' gold annotations"
"$bin" eval --gold Tests/Fixtures/gold/seeds.jsonl | head -3

echo
echo "== GeoJSON layers over time in out/layers (open them in QGIS or kepler.gl as they are)"
rm -rf out/layers
"$bin" export --out out/layers --by month --db "$db"

echo
echo "== Who held al-Shaddadi on 10 January and on 10 February 2026"
"$bin" control "al-Shaddadi" --on 2026-01-10 --db "$db"
"$bin" control "al-Shaddadi" --on 2026-02-10 --db "$db"

echo
echo "== The animated map: out/map.html (open it in a browser; works offline)"
"$bin" animate --from 2021-12-01 --to 2026-03-01 --step week --out out/map.html --db "$db"
