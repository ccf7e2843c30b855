import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { hashToken, newToken } from "~/utils/tokens.server";
import { safeRedirectPath } from "~/utils/http.server";
import { enqueueMail } from "~/domain/mail/outbox.server";
import { signInMail } from "./mail.server";

const LINK_MINUTES = 15;

/**
 * Emails a one-time sign-in link. Unknown addresses get a participant account, so officials can
 * sign in to manage their registrations; the answer never reveals whether an account existed.
 */
export async function requestLoginLink(emailInput: string, redirectTo?: string): Promise<void> {
  const email = emailInput.trim().toLowerCase();
  const { token, hash } = newToken();
  const target = safeRedirectPath(redirectTo ?? null, "/");
  const url = `${env().APP_URL}/login/${token}`;
  if (env().LOG_MAIL) console.info(`[sign-in] link for ${email}: ${url}`);
  await db.$transaction(async (tx) => {
    const user = await tx.user.upsert({
      where: { email },
      update: {},
      create: { email, name: email.split("@")[0], role: "PARTICIPANT" },
      select: { id: true, name: true, email: true },
    });
    const row = await tx.loginToken.create({
      data: { tokenHash: hash, email, userId: user.id, redirectTo: target, expiresAt: new Date(Date.now() + LINK_MINUTES * 60_000) },
      select: { id: true },
    });
    await enqueueMail(tx, {
      ...(await signInMail({ name: user.name, url, minutes: LINK_MINUTES })),
      kind: "sign-in",
      to: { email: user.email, name: user.name },
      idempotencyKey: `sign-in:${row.id}`,
      essential: true,
    });
  });
}

export type ConsumeResult = { ok: true; userId: string; redirectTo: string } | { ok: false; reason: string };

/** Uses a sign-in token exactly once; the update's where clause makes a second use fail. */
export async function consumeLoginToken(token: string): Promise<ConsumeResult> {
  const now = new Date();
  const hash = hashToken(token);
  const row = await db.loginToken.findUnique({ where: { tokenHash: hash }, select: { id: true, userId: true, redirectTo: true, usedAt: true, expiresAt: true } });
  if (!row?.userId) return { ok: false, reason: "This sign-in link is not valid." };
  if (row.usedAt) return { ok: false, reason: "This sign-in link has already been used." };
  if (row.expiresAt < now) return { ok: false, reason: "This sign-in link has expired." };
  const claimed = await db.loginToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
  if (claimed.count !== 1) return { ok: false, reason: "This sign-in link has already been used." };
  return { ok: true, userId: row.userId, redirectTo: row.redirectTo ?? "/" };
}
