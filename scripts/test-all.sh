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
# Runs the commands given (one per argument) side by side, each line of output prefixed with its label;
# fails when any of them fails, after all have finished.
side_by_side() {
  local pids=() labels=() status=0
  for spec in "$@"; do
    local label="${spec%%=*}" command="${spec#*=}"
    ( set +e; bash -c "$command" 2>&1 | sed -u "s/^/[$label] /"; exit "${PIPESTATUS[0]}" ) &
    pids+=("$!"); labels+=("$label")
  done
  for i in "${!pids[@]}"; do
    if ! wait "${pids[$i]}"; then echo "[${labels[$i]}] FAILED"; status=1; fi
  done
  return "$status"
}
# Typecheck, lint and the translation check read the code only: side by side on the machine's cores.
step "typecheck, lint, translations"
side_by_side "tsc=npx tsc" "eslint=npx eslint ." "i18n=npm run i18n:check"
step "unit and integration tests (SQLite)"; npx vitest run
# A throwaway PostgreSQL server on loopback (installed from Debian's packages when missing).
step "schemas and migrations in step; unit and integration tests (PostgreSQL)"
bash scripts/test-pg.sh sh -c "npx tsx scripts/db.ts check && npx vitest run"
step "build (app and mail worker)"; npm run build
# Two halves of the suite side by side (Playwright's --shard), each with its own server, SQLite file and
# ports (E2E_PORT and the instances it starts at E2E_PORT+1 and +2): nothing is shared between them, and
# each half keeps its files' order (e2e/zz-crawl.spec.ts last in its half).
step "end-to-end tests (two halves side by side)"
side_by_side "e2e-1=CI=1 E2E_PORT=3457 npx playwright test --shard=1/2" "e2e-2=CI=1 E2E_PORT=3467 npx playwright test --shard=2/2"
