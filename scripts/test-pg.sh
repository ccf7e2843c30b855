#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL server on loopback, then removes the server.
#   bash scripts/test-pg.sh                          the Vitest suite on PostgreSQL
#   bash scripts/test-pg.sh npx tsx scripts/db.ts check   (npm run db:check) any command
# The command gets DATABASE_URL (an empty database "convene"), SHADOW_DATABASE_URL (an empty
# database Prisma may wipe) and CONVENE_TEST_DB=postgres. PostgreSQL 15 comes from Debian
# (installed with apt-get when missing and run as root); as root the server runs as the postgres user.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- npx vitest run

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$pg_bin" ]; then
  if [ "$(id -u)" -ne 0 ]; then echo "PostgreSQL is missing: sudo apt-get install -y postgresql" >&2; exit 1; fi
  apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >/dev/null
  # Debian's package starts its own server; this script runs its own.
  service postgresql stop >/dev/null 2>&1 || true
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

dir=$(mktemp -d /tmp/convene-pg.XXXXXX)
[ "$(id -u)" -ne 0 ] || chown postgres: "$dir"
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
stop() {
  as_pg "$pg_bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT
# trust, fsync off: a loopback server that lives for one test run and holds nothing worth keeping.
as_pg "$pg_bin/initdb" -D "$dir/data" -A trust -U convene --no-sync >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w start \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null
server="postgresql://convene@127.0.0.1:$port"
psql -q "$server/postgres" -c "create database convene" -c "create database convene_shadow"
export DATABASE_URL="$server/convene" SHADOW_DATABASE_URL="$server/convene_shadow" CONVENE_TEST_DB=postgres
"$@"
