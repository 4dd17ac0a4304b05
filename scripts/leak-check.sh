#!/usr/bin/env bash
# Runs 100,000 GEOS and PROJ operations under valgrind and fails on any definitely or
# indirectly lost block. Swift's runtime keeps metadata caches alive until exit; those show as
# "still reachable" or "possibly lost" and are not leaks of ours.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100000}
swift build -c release --static-swift-stdlib --product incidents-bench >&2
log=$(mktemp)
valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=3 \
  .build/release/incidents-bench leakcheck "$count" 2> "$log" || { status=$?; tail -40 "$log"; exit $status; }
grep -E "definitely lost|indirectly lost|ERROR SUMMARY" "$log"
echo "no leak in $count geometry and projection operations"
