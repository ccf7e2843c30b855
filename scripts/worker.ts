import "./v8-flags.mjs";
import { ConfigurationError, env } from "~/utils/env.server";

// `npm run worker`: the outbox worker on its own (set MAIL_WORKER=off on the web process).
// SIGTERM/SIGINT finish the batch in flight, then exit. Options for tests and operations:
// MAIL_POLL_MS (default 1500), MAIL_LOCK_TIMEOUT_MS (default 900000), MAIL_BATCH_SIZE (default 200).

const num = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);

async function main() {
  // Check the configuration before loading modules that read it, so a bad one stops with its message alone.
  env();
  const [{ dbReady }, { startWorker }] = await Promise.all([import("~/utils/db.server"), import("~/domain/mail/worker.server")]);
  await dbReady();
  const worker = startWorker({
    pollMs: num("MAIL_POLL_MS"),
    lockTimeoutMs: num("MAIL_LOCK_TIMEOUT_MS"),
    batchSize: num("MAIL_BATCH_SIZE"),
    baseDelayMs: num("MAIL_RETRY_BASE_MS"),
  });
  const destination = env().SMTP_URL ? "SMTP" : env().DEV_MAILBOX ? "development mailbox, DEV_MAILBOX=on" : "kept in the database, SMTP_URL unset";
  console.info(`mail worker started (${destination})`);
  const stop = async (signal: string) => {
    console.info(`mail worker: ${signal}, finishing the current batch`);
    await worker.stop();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

main().catch((e) => {
  console.error(e instanceof ConfigurationError ? e.message : e);
  process.exit(1);
});
