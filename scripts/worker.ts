import { dbReady } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { startWorker } from "~/domain/mail/worker.server";

// `npm run worker`: the outbox worker on its own (set MAIL_WORKER=off on the web process).
// SIGTERM/SIGINT finish the batch in flight, then exit. Options for tests and operations:
// MAIL_POLL_MS (default 1500), MAIL_LOCK_TIMEOUT_MS (default 900000), MAIL_BATCH_SIZE (default 50).

const num = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);

async function main() {
  env();
  await dbReady();
  const worker = startWorker({
    pollMs: num("MAIL_POLL_MS"),
    lockTimeoutMs: num("MAIL_LOCK_TIMEOUT_MS"),
    batchSize: num("MAIL_BATCH_SIZE"),
    baseDelayMs: num("MAIL_RETRY_BASE_MS"),
  });
  console.info(`mail worker started (${env().SMTP_URL ? "SMTP" : "development mailbox, SMTP_URL unset"})`);
  const stop = async (signal: string) => {
    console.info(`mail worker: ${signal}, finishing the current batch`);
    await worker.stop();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
