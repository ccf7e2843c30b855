import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { z } from "zod";

// One checked place for configuration. Bad values stop the process at start with a clear message.

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgresql://")
    .default("file:./data/convene.db"),
  SESSION_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  APP_URL: z.string().url("must be a full URL such as http://localhost:3000").default("http://localhost:3000"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must look like smtp://user:pass@host:587 or smtps://host:465")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  MAIL_FROM: z.string().min(3).default("Convene <no-reply@convene.example.org>"),
  /// where replies go when a mail has no meeting with an organiser email (the secretariat's mailbox)
  MAIL_REPLY_TO: z
    .string()
    .trim()
    .email("must be one email address such as secretariat@agency.org")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /// inline: the web process also runs the outbox worker; off: run `npm run worker` separately
  MAIL_WORKER: z.enum(["inline", "off"]).default("inline"),
  /// log sign-in links to the console of the web process (for the operator only)
  LOG_MAIL: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  /// on: /dev/mailbox shows every mail to everyone (a demo only; docs/decisions/052-dev-mailbox-opt-in.md)
  DEV_MAILBOX: z
    .enum(["on", "off"], { message: "must be on or off" })
    .default("off")
    .transform((v) => v === "on"),
  /// how long anonymous public pages (scripts/page-cache.mjs) and public reference data may be kept, in ms; 0 = off (decisions 005, 061)
  PAGE_CACHE_MS: z.coerce
    .number({ message: "must be a number of milliseconds such as 5000 (0 = off)" })
    .int("must be a whole number of milliseconds such as 5000 (0 = off)")
    .min(0, "must be 0 (off) or more")
    .default(5_000),
  /// multiplies every abuse limit's allowance (docs/decisions/053-abuse-limits.md); e2e runs raise it
  RATE_LIMIT_FACTOR: z.coerce.number().positive("must be a number above 0").default(1),
  /// the organisation's logo in the header, a path on this server such as /logo.svg (docs/decisions/070-design-system.md)
  ORG_LOGO_URL: z
    .string()
    .regex(/^\/(?!\/)\S*$/, "must be a path on this server such as /logo.svg (the content security policy allows images from this server only)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

/** Mail either goes out by SMTP or, in an explicit demo, is public in the development mailbox; never both. */
function mailIssues(data: z.infer<typeof schema>): string[] {
  if (data.SMTP_URL && data.DEV_MAILBOX) {
    return ["DEV_MAILBOX: must be off when SMTP_URL is set (the development mailbox would show everyone the mail sent by SMTP)"];
  }
  if (data.NODE_ENV === "production" && !data.SMTP_URL && !data.DEV_MAILBOX) {
    return [
      "SMTP_URL: a production start needs somewhere to send mail. Set SMTP_URL=smtp://user:pass@host:587 " +
        "(or smtps://host:465) for real mail, or DEV_MAILBOX=on for a demo where all mail, sign-in links " +
        "included, is public at /dev/mailbox",
    ];
  }
  return [];
}

/** Thrown for a bad configuration: start scripts print its message alone and exit non-zero. */
export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

export type Env = z.infer<typeof schema> & { SESSION_SECRET: string };

function sessionSecretFallback(databaseUrl: string): string {
  // The embedded run needs no setup: keep a random secret next to the SQLite file.
  const dir = databaseUrl.startsWith("file:")
    ? path.dirname(path.resolve(databaseUrl.slice("file:".length)))
    : path.resolve("data");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "session-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString("hex"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  const issues = result.success
    ? mailIssues(result.data)
    : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  if (!result.success || issues.length > 0) {
    throw new ConfigurationError(`Invalid configuration:\n${issues.map((line) => `  ${line}`).join("\n")}`);
  }
  const data = result.data;
  if (!data.SESSION_SECRET && data.NODE_ENV === "production" && process.env.CONVENE_EMBEDDED !== "1") {
    // Still start, but make the fallback visible.
    console.warn("SESSION_SECRET is not set; using a generated secret stored beside the database.");
  }
  return { ...data, SESSION_SECRET: data.SESSION_SECRET ?? sessionSecretFallback(data.DATABASE_URL) };
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Reads process.env again: for tests that change a setting (e.g. DEV_MAILBOX) and restore it. */
export function reloadEnv(): Env {
  cached = undefined;
  return env();
}
