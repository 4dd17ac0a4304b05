#!/usr/bin/env bash
# The main job on the seeds, with the embedded default database.
set -euo pipefail
bin=${1:-.build/release/incidents}
cd "$(dirname "$0")/.."

echo "== Distance from al-Shaddadi to al-Hasakah (geodesic, WGS 84)"
"$bin" distance 36.0576,40.7348 36.5024,40.7477
