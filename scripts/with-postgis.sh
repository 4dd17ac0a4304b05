#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL 15 + PostGIS cluster on loopback, then removes it.
#
#   scripts/with-postgis.sh swift test
#
# The command sees INCIDENTS_TEST_POSTGRES=postgres://incidents@127.0.0.1:PORT/incidents; the
# database incidents_template (with PostGIS) is there for tests that want one database each.
# The cluster lives in a temporary folder owned by the `postgres` user (initdb refuses root),
# trusts loopback connections only, and is stopped and deleted when the command ends,
# whatever its outcome. Needs postgresql-15 and postgresql-15-postgis-3 (make test installs them).
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PORT=${INCIDENTS_PG_PORT:-55432}
[ -x "$PGBIN/initdb" ] || { echo "error: $PGBIN/initdb not found: install postgresql-15 (make test does)" >&2; exit 1; }
[ -f /usr/share/postgresql/15/extension/postgis.control ] || {
  echo "error: PostGIS is missing: install postgresql-15-postgis-3 (make test does)" >&2; exit 1; }

DIR=$(mktemp -d /tmp/incidentmap-pg.XXXXXX)
chmod 755 "$DIR"
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$DIR"; fi

cleanup() {
  as_owner "$PGBIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT INT TERM

as_owner "$PGBIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 || {
  cat "$DIR/initdb.log" >&2; exit 1; }
as_owner "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
  -o "-p $PORT -c listen_addresses=127.0.0.1 -k $DIR -c fsync=off -c synchronous_commit=off -c shared_buffers=256MB" start >/dev/null || {
  cat "$DIR/server.log" >&2; exit 1; }
psql_admin() { as_owner "$PGBIN/psql" -X -q -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 "$@"; }
psql_admin -d postgres -c "CREATE ROLE incidents LOGIN SUPERUSER" -c "CREATE DATABASE incidents OWNER incidents" \
  -c "CREATE DATABASE incidents_template OWNER incidents"
psql_admin -d incidents -c "CREATE EXTENSION postgis"
# Tests copy this template (CREATE DATABASE … TEMPLATE) to get an empty database each.
psql_admin -d incidents_template -c "CREATE EXTENSION postgis"
echo "PostGIS test cluster on 127.0.0.1:$PORT ($DIR)" >&2

export INCIDENTS_TEST_POSTGRES="postgres://incidents@127.0.0.1:$PORT/incidents"
"$@"
