#!/usr/bin/env bash
# Benchmarks for BENCHMARKS.md. Prints figures on stdout; takes several minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh gdal-bin time postgresql-15 postgresql-15-postgis-3 >&2
swift build -c release --static-swift-stdlib --product incidents >&2
swift build -c release --static-swift-stdlib --product incidents-bench >&2
bin=.build/release/incidents
bench=.build/release/incidents-bench
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "## machine"
echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"

echo
echo "## gazetteer"
"$bench" gazetteer gazetteer
# Cold start: a new process, the index cache on disk; median of 20 runs.
"$bin" resolve Hasakah >/dev/null
for i in $(seq 20); do
  s=$(date +%s%N); "$bin" resolve Hasakah >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 ))
done | sort -n | awk '{a[NR]=$1} END {print "cold `incidents resolve Hasakah`: median " a[int((NR+1)/2)] " ms over " NR " runs"}'

echo
echo "## extraction (the five seeds replicated, one core)"
"$bench" extract gazetteer seeds 200
"$bench" extract gazetteer seeds 40 --cold

echo
echo "## store: one million synthetic incidents, SQLite and PostGIS (a throwaway cluster on loopback)"
scripts/with-postgis.sh "$bench" store 1000000

echo
echo "## store: ingest of extracted seeds (200 articles), SQLite and PostGIS"
scripts/with-postgis.sh "$bench" ingest gazetteer seeds 40

echo
echo "## export: one million incidents"
"$bench" synth "$work/million.sqlite" 1000000 >/dev/null
for format in geojson geojsonseq; do
  /usr/bin/time -f "%e s, peak RSS %M KB" -o "$work/time.txt" "$bin" export --db "$work/million.sqlite" --out "$work/$format" \
    --layers incidents --format "$format" >/dev/null 2>&1
  echo "incidents export --format $format: $(cat "$work/time.txt"), $(du -m "$work/$format" | cut -f1) MB"
done
# The peer: GDAL converting the same data from a GeoPackage to GeoJSON and to GeoJSONSeq.
ogr2ogr -f GPKG "$work/million.gpkg" "$work/geojsonseq/incidents.geojsons" -nln incidents 2>/dev/null
for driver in GeoJSON GeoJSONSeq; do
  ext=$([ "$driver" = GeoJSON ] && echo geojson || echo geojsons)
  /usr/bin/time -f "%e s, peak RSS %M KB" -o "$work/time.txt" ogr2ogr -f "$driver" "$work/ogr.$ext" "$work/million.gpkg" 2>/dev/null
  echo "ogr2ogr GPKG -> $driver ($(ogr2ogr --version | cut -d, -f1)): $(cat "$work/time.txt")"
done
