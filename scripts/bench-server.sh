#!/usr/bin/env bash
# Load test of the OGC API - Features server: wrk, 64 connections for 30 s on a bbox items query
# over 100,000 incidents, next to pygeoapi (PyPI, GeoJSON provider, gunicorn with 2 workers)
# serving the same features in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh wrk >&2
python3 -m pip install -q pygeoapi gunicorn >&2 2>/dev/null || python3 -m pip install -q pygeoapi gunicorn >&2
swift build -c release --static-swift-stdlib --product incidents >&2
swift build -c release --static-swift-stdlib --product incidents-bench >&2
work=$(mktemp -d)
cleanup() { kill "${server:-}" "${peer:-}" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
.build/release/incidents-bench synth "$work/db.sqlite" 100000 >/dev/null
.build/release/incidents export --db "$work/db.sqlite" --out "$work/layers" --layers incidents >/dev/null 2>&1
query="/collections/incidents/items?bbox=39.5,35.0,40.5,36.0&limit=100"

rss() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
report() { # name url pid
  local before after
  before=$(rss "$3")
  wrk -t2 -c64 -d30s --timeout 30s --latency "$2" > "$work/wrk.txt"
  after=$(rss "$3")
  local p50 p99 rps errors
  p50=$(awk '/^ +50%/ {print $2}' "$work/wrk.txt")
  p99=$(awk '/^ +99%/ {print $2}' "$work/wrk.txt")
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  errors=$(grep -E "Non-2xx|Socket errors" "$work/wrk.txt" | tr '\n' ' ' || true)
  echo "$1: p50 $p50, p99 $p99, $rps requests/s, RSS ${before} KB -> ${after} KB ${errors:-no errors}"
}

.build/release/incidents serve --port 18181 --db "$work/db.sqlite" --gazetteer gazetteer >/dev/null 2>&1 &
server=$!
sleep 3
report "incidents serve" "http://127.0.0.1:18181$query" "$server"

cat > "$work/pygeoapi.yml" <<YAML
server:
  bind: {host: 127.0.0.1, port: 18182}
  url: http://127.0.0.1:18182
  mimetype: application/json; charset=UTF-8
  encoding: utf-8
  language: en-US
  limits: {default_items: 100, max_items: 10000}
  map:
    url: "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    attribution: OSM
logging: {level: ERROR}
metadata:
  identification: {title: bench, description: bench, keywords: [bench], keywords_type: theme, terms_of_service: none, url: http://example.org}
  license: {name: CC-BY 4.0, url: https://creativecommons.org/licenses/by/4.0/}
  provider: {name: bench, url: http://example.org}
  contact: {name: bench}
resources:
  incidents:
    type: collection
    title: incidents
    description: incidents
    keywords: [incidents]
    extents:
      spatial: {bbox: [35, 32, 43, 38], crs: http://www.opengis.net/def/crs/OGC/1.3/CRS84}
    providers:
      - type: feature
        name: GeoJSON
        data: $work/layers/incidents.geojson
        id_field: id
YAML
export PYGEOAPI_CONFIG="$work/pygeoapi.yml" PYGEOAPI_OPENAPI="$work/openapi.yml"
pygeoapi openapi generate "$PYGEOAPI_CONFIG" --output-file "$PYGEOAPI_OPENAPI" >"$work/pygeoapi.log" 2>&1
gunicorn -w 2 -b 127.0.0.1:18182 pygeoapi.flask_app:APP >>"$work/pygeoapi.log" 2>&1 &
peer=$!
sleep 5
report "pygeoapi $(python3 -c 'import pygeoapi; print(pygeoapi.__version__)') (GeoJSON provider, gunicorn -w 2)" "http://127.0.0.1:18182$query" "$peer"
