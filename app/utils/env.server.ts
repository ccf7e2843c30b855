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
  /// inline: the web process also runs the outbox worker; off: run `npm run worker` separately
  MAIL_WORKER: z.enum(["inline", "off"]).default("inline"),
  /// log sign-in links to the console (always shown in the development mailbox while SMTP_URL is unset)
  LOG_MAIL: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
});

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
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
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
