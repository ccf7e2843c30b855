#!/usr/bin/env bash
# One command for a fresh machine: install, migrate, seed the demo data and serve the production
# build on http://localhost:${PORT:-3000} with the embedded SQLite database (data/convene.db).
# Without SMTP_URL it is a demo: DEV_MAILBOX=on shows all mail, sign-in links included, to everyone at
# /dev/mailbox (docs/decisions/052-dev-mailbox-opt-in.md).
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="${DATABASE_URL:-file:./data/convene.db}"
if [ -z "${SMTP_URL:-}" ]; then export DEV_MAILBOX="${DEV_MAILBOX:-on}"; fi
mkdir -p data
# npm ci rejects the lockfile npm 11 writes here (optional platform packages lack versions), so install from it.
npm install --no-audit --no-fund
npm run db:generate
npm run db:deploy
npm run seed
npm run build
if [ "${DEV_MAILBOX:-off}" = on ]; then
  echo "Convene is starting on http://localhost:${PORT:-3000} as a DEMO (DEV_MAILBOX=on): no email is sent; all mail,"
  echo "sign-in links included, is visible to everyone at http://localhost:${PORT:-3000}/dev/mailbox. Sign in as"
  echo "organiser@example.org and follow the link from there. Start it again later with: DEV_MAILBOX=on npm start"
else
  echo "Convene is starting on http://localhost:${PORT:-3000}; mail goes out through SMTP_URL. Sign in as organiser@example.org."
fi
exec npm start
