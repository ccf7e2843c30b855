import crypto from "node:crypto";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { signFor } from "~/utils/tokens.server";

// Unsubscribe links are signed, not stored: the token is the address plus an HMAC with a key
// derived from the session secret for this purpose only (decision 055), so every non-essential
// mail to the same person carries the same working link
// and nobody can unsubscribe someone else by guessing. See docs/decisions/042-unsubscribe.md.

function sign(email: string): string {
  return signFor(env().SESSION_SECRET, "unsubscribe", `unsubscribe:${email}`).slice(0, 32);
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function unsubscribeToken(email: string): string {
  const e = normaliseEmail(email);
  return `${Buffer.from(e).toString("base64url")}.${sign(e)}`;
}

export function unsubscribeUrl(email: string): string {
  return `${env().APP_URL}/unsubscribe/${unsubscribeToken(email)}`;
}

/** The address a token was made for, or null when the token is malformed or forged. */
export function emailFromUnsubscribeToken(token: string): string | null {
  if (token.length > 600) return null;
  const [encoded, signature] = token.split(".");
  if (!encoded || !signature) return null;
  const email = Buffer.from(encoded, "base64url").toString("utf8");
  const expected = sign(email);
  if (signature.length !== expected.length) return null;
  return crypto.timingSafeEqual(Buffer.from(signature), Buffer.from(expected)) ? email : null;
}

export async function isSuppressed(email: string): Promise<boolean> {
  return (await db.mailSuppression.count({ where: { email: normaliseEmail(email) } })) > 0;
}

/** Records the opt-out and cancels the non-essential mail still waiting for that address. */
export async function suppress(email: string): Promise<void> {
  const e = normaliseEmail(email);
  await db.$transaction(async (tx) => {
    await tx.mailSuppression.upsert({ where: { email: e }, update: {}, create: { email: e } });
    await tx.outboxMessage.updateMany({
      where: { toEmail: e, essential: false, status: { in: ["QUEUED", "DRAFT"] } },
      data: { status: "CANCELLED", lastError: "The recipient unsubscribed from non-essential mail." },
    });
  });
}
