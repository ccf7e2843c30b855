import { dbReady, db } from "~/utils/db.server";
import { runRetention } from "~/domain/registration/retention.server";

// `npm run retention`: anonymise registrations of meetings whose retention period has passed.
// Safe to run daily (cron); meetings already anonymised are skipped.

async function main() {
  await dbReady();
  const result = await runRetention();
  console.info(`Retention: anonymised ${result.registrations} registrations of ${result.meetings} meetings.`);
  await db.$disconnect();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
