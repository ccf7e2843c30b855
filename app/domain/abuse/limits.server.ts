import crypto from "node:crypto";
import { Prisma as PrismaSql } from "~/generated/prisma/client.ts";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";

// Abuse limits, counted in the database (RateLimit table) so every app instance and process on one
// database shares them. Why these numbers, one statement per turn of the event loop and failing open:
// docs/decisions/053-abuse-limits.md and 083-registration-write-path.md.

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

type Used = { points: number; expire: Date };
type Waiting = { key: string; seconds: number; settle: (used: Promise<Used>) => void };
let waiting: Waiting[] | null = null;
/** Keys per statement: three bound parameters each, well under SQLite's and PostgreSQL's limits. */
const KEYS_PER_STATEMENT = 500;

/**
 * Counts one request. The requests of one turn of the event loop are counted together, in one statement
 * per 500 keys, the same on SQLite and PostgreSQL: a key's first request inserts its row; later ones add
 * their points, or start a new window when the row's has ended. On SQLite every commit waits for the disk
 * (a few ms, during which the process does nothing else), so a burst of posts (a registration storm) pays
 * that once per turn instead of once per post. The database applies concurrent upserts of one key one
 * after another (SQLite's single writer, PostgreSQL's row lock on the conflicting row), so every request
 * is counted, in every process and instance. Resolves with the points used in the current window, this
 * request included, and when that window ends.
 */
function consume(name: LimitName, key: string): Promise<Used> {
  return new Promise<Used>((resolve) => {
    if (!waiting) {
      waiting = [];
      setImmediate(countWaiting);
    }
    waiting.push({ key: `${name}:${storedKey(key)}`, seconds: LIMITS[name].seconds, settle: resolve });
  });
}

async function countWaiting(): Promise<void> {
  const turn = waiting ?? [];
  waiting = null;
  // Requests for one key in the same turn are counted in arrival order, as if one after another.
  const byKey = new Map<string, Waiting[]>();
  for (const w of turn) byKey.set(w.key, [...(byKey.get(w.key) ?? []), w]);
  const keys = [...byKey.keys()];
  for (let i = 0; i < keys.length; i += KEYS_PER_STATEMENT) {
    const chunk = keys.slice(i, i + KEYS_PER_STATEMENT);
    const counted = upsertPoints(chunk.map((key) => ({ key, points: byKey.get(key)!.length, seconds: byKey.get(key)![0].seconds })));
    for (const key of chunk) {
      byKey.get(key)!.forEach((w, nth, all) =>
        w.settle(counted.then((rows) => {
          const row = rows.get(key);
          if (!row) throw new Error(`Abuse limit row ${key} was not returned`);
          return { points: row.points - (all.length - 1 - nth), expire: row.expire };
        })),
      );
    }
    await counted.catch(() => {});
  }
}

async function upsertPoints(rows: { key: string; points: number; seconds: number }[]): Promise<Map<string, Used>> {
  const now = new Date();
  const values = rows.map((r) => PrismaSql.sql`(${r.key}, ${r.points}, ${new Date(now.getTime() + r.seconds * 1000)})`);
  const answered = await db.$queryRaw<{ key: string; points: number | bigint; expire: Date | string }[]>`
    INSERT INTO "RateLimit" ("key", "points", "expire") VALUES ${PrismaSql.join(values)}
    ON CONFLICT ("key") DO UPDATE SET
      "points" = CASE WHEN "RateLimit"."expire" <= ${now} THEN excluded."points" ELSE "RateLimit"."points" + excluded."points" END,
      "expire" = CASE WHEN "RateLimit"."expire" <= ${now} THEN excluded."expire" ELSE "RateLimit"."expire" END
    RETURNING "key", "points", "expire"`;
  return new Map(answered.map((r) => [r.key, { points: Number(r.points), expire: new Date(r.expire) }]));
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
  let used: Used;
  try {
    used = await consume(name, key);
  } catch (e) {
    console.error(`Abuse limit ${name} could not be checked; letting the request through.`, e);
    return;
  }
  sweepNowAndThen();
  if (used.points > allowance(name)) tooMany(name, used.expire);
}
