import crypto from "node:crypto";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";

// Abuse limits, counted in the database (RateLimit table) so every app instance and process on one
// database shares them. Why these numbers, one statement per request and failing open:
// docs/decisions/053-abuse-limits.md.

type Limit = { points: number; seconds: number; what: string };

/** Allowance per window before RATE_LIMIT_FACTOR; `what` finishes the sentence "You have made too many …". */
export const LIMITS = {
  signInPerAddress: { points: 5, seconds: 15 * 60, what: "sign-in requests for this address" },
  signInPerIp: { points: 20, seconds: 15 * 60, what: "sign-in requests" },
  registrationPerIp: { points: 20, seconds: 10 * 60, what: "registrations" },
  invitationPerIp: { points: 20, seconds: 10 * 60, what: "registrations through invitation links" },
  tokenPagePerIp: { points: 60, seconds: 60, what: "requests to private links" },
} as const satisfies Record<string, Limit>;

export type LimitName = keyof typeof LIMITS;

/** Addresses and IPs are personal data: the table keeps only a hash of them. */
const storedKey = (key: string) => crypto.createHash("sha256").update(key).digest("base64url").slice(0, 32);

/** The allowance of a limit after RATE_LIMIT_FACTOR. */
const allowance = (name: LimitName) => Math.max(1, Math.round(LIMITS[name].points * env().RATE_LIMIT_FACTOR));

/**
 * Counts one request in one statement, the same on SQLite and PostgreSQL: the key's first request
 * inserts its row; a later one adds a point, or starts a new window when the row's has ended. The
 * database applies concurrent upserts of one key one after another (SQLite's single writer, PostgreSQL's
 * row lock on the conflicting row), so every request is counted, in every process and instance.
 * Returns the points used in the current window, this request included, and when that window ends.
 */
async function consume(name: LimitName, key: string): Promise<{ points: number; expire: Date }> {
  const now = new Date();
  const expire = new Date(now.getTime() + LIMITS[name].seconds * 1000);
  const [row] = await db.$queryRaw<{ points: number | bigint; expire: Date | string }[]>`
    INSERT INTO "RateLimit" ("key", "points", "expire") VALUES (${`${name}:${storedKey(key)}`}, 1, ${expire})
    ON CONFLICT ("key") DO UPDATE SET
      "points" = CASE WHEN "RateLimit"."expire" <= ${now} THEN 1 ELSE "RateLimit"."points" + 1 END,
      "expire" = CASE WHEN "RateLimit"."expire" <= ${now} THEN excluded."expire" ELSE "RateLimit"."expire" END
    RETURNING "points", "expire"`;
  return { points: Number(row.points), expire: new Date(row.expire) };
}

/** Rows whose window ended an hour ago are deleted, at most every 5 minutes per process, after a request. */
const SWEEP_EVERY_MS = 5 * 60_000;
let lastSweep = Date.now();
function sweepNowAndThen() {
  if (Date.now() - lastSweep < SWEEP_EVERY_MS) return;
  lastSweep = Date.now();
  db.rateLimit.deleteMany({ where: { expire: { lt: new Date(Date.now() - 3_600_000) } } }).catch((e: unknown) => console.warn("Expired abuse-limit rows could not be deleted.", e));
}

function tooMany(name: LimitName, expire: Date): never {
  const seconds = Math.max(1, Math.ceil((expire.getTime() - Date.now()) / 1000));
  const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  throw new Response(`You have made too many ${LIMITS[name].what} in a short time. Please wait ${wait} and try again.`, {
    status: 429,
    statusText: "Too Many Requests",
    headers: { "Retry-After": String(seconds), "Content-Type": "text/plain; charset=utf-8" },
  });
}

/**
 * Counts one request against a limit and throws a 429 Response (with Retry-After) once it is used up.
 * If the store fails, the request goes through (fail open) and the error is logged: limits guard
 * against abuse, they must not take the site down with the database's hiccups.
 */
export async function enforceLimit(name: LimitName, key: string): Promise<void> {
  let used: { points: number; expire: Date };
  try {
    used = await consume(name, key);
  } catch (e) {
    console.error(`Abuse limit ${name} could not be checked; letting the request through.`, e);
    return;
  }
  sweepNowAndThen();
  if (used.points > allowance(name)) tooMany(name, used.expire);
}
