import { dbReady, db } from "~/utils/db.server";
import { runRetention } from "~/domain/registration/retention.server";

// `npm run retention`: erase the personal data of meetings whose retention period has passed
// (registrations, their history, invitations, mail, audit snapshots) and of expired links.
// Safe to run daily (cron); meetings already anonymised are skipped.

async function main() {
  await dbReady();
  const result = await runRetention();
  const e = result.expired;
  console.info(`Retention: anonymised ${result.registrations} registrations of ${result.meetings} meetings.`);
  console.info(
    `Removed ${e.loginTokens} spent sign-in links, ${e.rateLimits} expired abuse counters, the addresses of ${e.progressLinks} expired progress links and ${e.signInMails} old sign-in mails.`,
  );
  await db.$disconnect();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
