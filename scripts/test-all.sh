#!/usr/bin/env bash
# One command for every test: install, typecheck, lint, unit/integration (Vitest), build, e2e (Playwright).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
step() { printf '\n=== %s\n' "$1"; }
step "prisma generate"; npx prisma generate
step "typecheck"; npx tsc
step "lint"; npx eslint .
step "unit and integration tests"; npx vitest run
step "build"; npx remix vite:build
step "end-to-end tests"; CI=1 npx playwright test
