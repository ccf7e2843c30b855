#!/usr/bin/env bash
# One command for every test: install, typecheck, lint, unit/integration (Vitest on SQLite, then on
# PostgreSQL), build, e2e (Playwright).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
# npm ci rejects the lockfile npm 11 writes here (optional platform packages lack versions), so install from it.
npm install --no-audit --no-fund
step() { printf '\n=== %s\n' "$1"; }
step "prisma generate"; npm run db:generate
step "typecheck"; npx tsc
step "lint"; npx eslint .
step "translations"; npm run i18n:check
step "unit and integration tests (SQLite)"; npx vitest run
# A throwaway PostgreSQL server on loopback (installed from Debian's packages when missing).
step "schemas and migrations in step; unit and integration tests (PostgreSQL)"
bash scripts/test-pg.sh sh -c "npx tsx scripts/db.ts check && npx vitest run"
step "build (app and mail worker)"; npm run build
step "end-to-end tests"; CI=1 npx playwright test
