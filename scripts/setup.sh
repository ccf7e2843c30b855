#!/usr/bin/env bash
# One command for a fresh machine: install, migrate, seed the demo data and serve the production
# build on http://localhost:${PORT:-3000} with the embedded SQLite database (data/convene.db).
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="${DATABASE_URL:-file:./data/convene.db}"
mkdir -p data
# npm ci rejects the lockfile npm 11 writes here (optional platform packages lack versions), so install from it.
npm install --no-audit --no-fund
npm run db:generate
npm run db:deploy
npm run seed
npm run build
echo "Convene is starting on http://localhost:${PORT:-3000}. Sign in as organiser@example.org; without SMTP_URL the sign-in link appears at /dev/mailbox."
exec npm start
