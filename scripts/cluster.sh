#!/usr/bin/env bash
# `npm run cluster`: the several-instance layout on one machine (docs/operations.md, decision 061).
# PostgreSQL on loopback (run as the postgres user, data in .tmp/cluster/pg), two app instances and one
# mail worker, nginx in front on one port. Installs PostgreSQL and nginx from Debian's packages when missing.
# Ctrl-C stops everything. The database is kept between runs; `rm -rf .tmp/cluster` starts afresh.
#
#   CLUSTER_PORT (8080)     nginx, the address to open
#   CLUSTER_PG_PORT (5488)  PostgreSQL, 127.0.0.1 only
#   CLUSTER_APP_PORT (3101) first app instance; the second takes the next port
#   CLUSTER_BUILD=skip      serve the existing build instead of building (REMIX_BUILD_DIR, default build)
#
# No SMTP_URL: mail stays in the database and is readable at /dev/mailbox (DEV_MAILBOX=on says that a
# production build may run so). Set SMTP_URL to send for real.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
dir="$root/.tmp/cluster"
port="${CLUSTER_PORT:-8080}"
pg_port="${CLUSTER_PG_PORT:-5488}"
app_port="${CLUSTER_APP_PORT:-3101}"
app_ports=("$app_port" "$((app_port + 1))")
mkdir -p "$dir/nginx" "$dir/log"

say() { printf '\n==> %s\n' "$*"; }

# --- packages -------------------------------------------------------------------------------------
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
missing=()
[ -n "$pg_bin" ] || missing+=(postgresql)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing: ${missing[*]}. Install them (sudo apt-get install -y ${missing[*]}) or run this as root." >&2
    exit 1
  fi
  say "Installing ${missing[*]} from Debian's packages"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
  # Debian's packages start their own services; this layout runs its own instances instead.
  service nginx stop >/dev/null 2>&1 || true
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

# PostgreSQL refuses to run as root: as root, run it as the postgres user.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# --- PostgreSQL -------------------------------------------------------------------------------------
pgdata="$dir/pg"
if [ ! -f "$pgdata/PG_VERSION" ]; then
  say "Creating a PostgreSQL cluster in $pgdata"
  mkdir -p "$pgdata"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$pgdata"
  # trust on a loopback-only server that exists for this demo; docs/operations.md sets passwords.
  as_pg "$pg_bin/initdb" -D "$pgdata" -A trust -U convene >/dev/null
fi
[ "$(id -u)" -eq 0 ] && chown postgres: "$dir/log"
say "Starting PostgreSQL on 127.0.0.1:$pg_port"
as_pg "$pg_bin/pg_ctl" -D "$pgdata" -o "-p $pg_port -k $pgdata -c listen_addresses=127.0.0.1 -c max_connections=200" \
  -l "$dir/log/postgresql.log" -w start >/dev/null

pids=()
stop() {
  trap - INT TERM EXIT
  say "Stopping"
  [ -f "$dir/nginx/nginx.pid" ] && "$nginx_bin" -e "$dir/log/nginx-error.log" -c "$dir/nginx/nginx.conf" -p "$dir/nginx" -s quit 2>/dev/null || true
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  as_pg "$pg_bin/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null || true
  echo "Stopped. Data kept in $pgdata."
  exit 0
}
trap stop INT TERM EXIT

export DATABASE_URL="postgresql://convene@127.0.0.1:$pg_port/convene"
psql -q "postgresql://convene@127.0.0.1:$pg_port/postgres" -tAc "select 1 from pg_database where datname = 'convene'" | grep -q 1 ||
  psql -q "postgresql://convene@127.0.0.1:$pg_port/postgres" -c "create database convene"

say "Migrating and seeding"
npx tsx scripts/db.ts deploy
npx tsx prisma/seed.ts

export REMIX_BUILD_DIR="${REMIX_BUILD_DIR:-build}"
if [ "${CLUSTER_BUILD:-}" != skip ]; then
  say "Building"
  npx remix vite:build >/dev/null
  node scripts/build-worker.mjs >/dev/null
fi

# --- the app ------------------------------------------------------------------------------------------
[ -f "$dir/session-secret" ] || node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64url"))' >"$dir/session-secret"
export NODE_ENV=production HOST=127.0.0.1 TRUST_PROXY=loopback MAIL_WORKER=off DEV_MAILBOX=on
export SESSION_SECRET="$(cat "$dir/session-secret")" APP_URL="${APP_URL:-http://127.0.0.1:$port}"

# package.json's `start` and `worker` scripts (their node flags are written only there), run by sh as npm runs
# them, without npm in between: `exec env` makes node the process stop() signals, once.
script() { node -p "require('./package.json').scripts.$1"; }
for i in 0 1; do
  say "App instance app$((i + 1)) on 127.0.0.1:${app_ports[$i]}"
  PORT="${app_ports[$i]}" CONVENE_INSTANCE="app$((i + 1))" sh -c "exec env $(script start)" >>"$dir/log/app$((i + 1)).log" 2>&1 &
  pids+=($!)
done
say "Mail worker"
sh -c "exec env $(script worker)" >>"$dir/log/worker.log" 2>&1 &
pids+=($!)

# nginx marks an instance down for a while when it does not answer: start it once both listen.
for p in "${app_ports[@]}"; do
  for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$p/login" && break; sleep 0.5; done
done

# --- nginx ---------------------------------------------------------------------------------------------
# Its own configuration, pid, logs and temporary folders under .tmp/cluster/nginx; the system's nginx is
# left alone. Anonymous public pages are kept for their s-maxage (scripts/page-cache.mjs); a request with a
# cookie or Authorization header always goes to an instance.
mkdir -p "$dir/nginx/cache" "$dir/nginx/temp"
[ "$(id -u)" -eq 0 ] && nginx_user="user www-data;" || nginx_user=""
cat >"$dir/nginx/nginx.conf" <<EOF
$nginx_user
worker_processes auto;
pid $dir/nginx/nginx.pid;
error_log $dir/log/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log $dir/log/nginx-access.log;
  client_body_temp_path $dir/nginx/temp/body;
  proxy_temp_path $dir/nginx/temp/proxy;
  fastcgi_temp_path $dir/nginx/temp/fastcgi;
  uwsgi_temp_path $dir/nginx/temp/uwsgi;
  scgi_temp_path $dir/nginx/temp/scgi;
  proxy_cache_path $dir/nginx/cache keys_zone=pages:10m max_size=200m inactive=1m;
  client_max_body_size 5m;

  upstream convene {
    least_conn;
    server 127.0.0.1:${app_ports[0]};
    server 127.0.0.1:${app_ports[1]};
    keepalive 32;
  }

  server {
    listen 127.0.0.1:$port;
    location / {
      proxy_pass http://convene;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_cache pages;
      proxy_cache_bypass \$http_cookie \$http_authorization;
      proxy_no_cache \$http_cookie \$http_authorization;
      proxy_cache_lock on;
      proxy_cache_revalidate on;
      add_header X-Cache-Status \$upstream_cache_status always;
    }
  }
}
EOF
[ "$(id -u)" -eq 0 ] && chown -R www-data: "$dir/nginx/cache" "$dir/nginx/temp"
say "nginx on 127.0.0.1:$port"
"$nginx_bin" -e "$dir/log/nginx-error.log" -c "$dir/nginx/nginx.conf" -p "$dir/nginx"

cat <<EOF

Convene cluster ready: http://127.0.0.1:$port
  PostgreSQL $DATABASE_URL (data in $pgdata)
  app1 127.0.0.1:${app_ports[0]}, app2 127.0.0.1:${app_ports[1]} (X-Convene-Instance names the one that answered)
  mail worker (no SMTP_URL: mail is kept in the database, read it at /dev/mailbox)
  logs in $dir/log. Ctrl-C stops everything.
EOF
# Returns when one process ends (then everything is stopped) or when Ctrl-C runs stop.
wait -n "${pids[@]}" || true
echo "A process of the cluster ended; stopping the rest (see $dir/log)." >&2
