#!/usr/bin/env bash
# Started by Playwright: a fresh migrated and seeded SQLite file for this run, then the production build.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${PORT:-3457}"
mkdir -p .tmp
db=".tmp/e2e-${port}.db"
rm -f "$db" "$db-wal" "$db-shm" ".tmp/session-secret"
export DATABASE_URL="file:./$db"
npm run db:deploy >/dev/null
npx tsx prisma/seed.ts
export NODE_ENV=production APP_URL="http://127.0.0.1:${port}" SESSION_SECRET="e2e-secret-e2e-secret-e2e-secret" PORT="$port" HOST=127.0.0.1
# The suite signs in through the development mailbox (e2e/helpers.ts); e2e/takeover.spec.ts starts its own
# server without it.
unset SMTP_URL
export DEV_MAILBOX=on
# Every test comes from 127.0.0.1 and signs in many times: raise the abuse limits (docs/decisions/053).
export RATE_LIMIT_FACTOR="${RATE_LIMIT_FACTOR:-50}"
# The server as `npm start` runs it (its node flags are package.json's), without npm in between.
eval "exec env $(node -p 'require("./package.json").scripts.start')"
