import crypto from "node:crypto";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";

// Abuse limits, counted in the database (RateLimit table) so every app instance and process on one
// database shares them. Why this library, these numbers and failing open: docs/decisions/053-abuse-limits.md.

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

const limiters = new Map<LimitName, RateLimiterPrisma>();

function limiter(name: LimitName): RateLimiterPrisma {
  let l = limiters.get(name);
  if (!l) {
    const { points, seconds } = LIMITS[name];
    l = new RateLimiterPrisma({
      storeClient: db,
      tableName: "rateLimit",
      keyPrefix: name,
      points: Math.max(1, Math.round(points * env().RATE_LIMIT_FACTOR)),
      duration: seconds,
    });
    limiters.set(name, l);
  }
  return l;
}

/** Addresses and IPs are personal data: the table keeps only a hash of them. */
const storedKey = (key: string) => crypto.createHash("sha256").update(key).digest("base64url").slice(0, 32);

const isUniqueViolation = (e: unknown) => (e as { code?: unknown } | null)?.code === "P2002";

function tooMany(name: LimitName, res: RateLimiterRes): never {
  const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  throw new Response(`You have made too many ${LIMITS[name].what} in a short time. Please wait ${wait} and try again.`, {
    status: 429,
    statusText: "Too Many Requests",
    headers: { "Retry-After": String(seconds), "Content-Type": "text/plain; charset=utf-8" },
  });
}

/**
 * Counts one request against a limit and throws a 429 Response (with Retry-After) once it is used up.
 * Two first requests for one key can both try to insert its row; the loser retries once. If the store
 * itself fails, the request goes through (fail open) and the error is logged: limits guard against
 * abuse, they must not take the site down with the database's hiccups.
 */
export async function enforceLimit(name: LimitName, key: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await limiter(name).consume(storedKey(key));
      return;
    } catch (e) {
      if (e instanceof RateLimiterRes) tooMany(name, e);
      if (attempt === 1 && isUniqueViolation(e)) continue;
      console.error(`Abuse limit ${name} could not be checked; letting the request through.`, e);
      return;
    }
  }
}
