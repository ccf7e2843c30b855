import { key, type TKey } from "~/i18n/translate";
import { db, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { hashToken, newToken } from "~/utils/tokens.server";
import { safeRedirectPath } from "~/utils/http.server";
import { audit } from "~/domain/audit/audit.server";
import { languageOfUser } from "~/domain/mail/language.server";
import { enqueueMail } from "~/domain/mail/outbox.server";
import type { Language } from "~/i18n/config";
import { normaliseEmail } from "~/domain/registration/registration.server";
import { signInMail } from "./mail.server";

export const LINK_MINUTES = 15;

/** Name given to an account created by its first sign-in, until the person registers with a real one. */
const nameFromAddress = (email: string) => email.split("@")[0];

/** One pending link; an unknown address gets a row without a user, so no account exists before the link is used. */
async function createLoginToken(tx: Tx, p: { email: string; userId: string | null; redirectTo: string }) {
  const { token, hash } = newToken();
  const expiresAt = new Date(Date.now() + LINK_MINUTES * 60_000);
  const row = await tx.loginToken.create({
    data: { tokenHash: hash, email: p.email, userId: p.userId, redirectTo: p.redirectTo, expiresAt },
    select: { id: true },
  });
  return { id: row.id, url: `${env().APP_URL}/login/${token}`, expiresAt };
}

/**
 * Emails a one-time sign-in link. An unknown address gets the same mail and the same answer as a known
 * one (nothing tells which), but its participant account is only created when the link is used, so
 * asking for links cannot fill the user table.
 */
export async function requestLoginLink(emailInput: string, redirectTo?: string, language?: Language): Promise<void> {
  const email = normaliseEmail(emailInput);
  const target = safeRedirectPath(redirectTo ?? null, "/");
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, name: true, locale: true } });
    const link = await createLoginToken(tx, { email, userId: user?.id ?? null, redirectTo: target });
    if (env().LOG_MAIL) console.info(`[sign-in] link for ${email}: ${link.url}`);
    const name = user?.name ?? nameFromAddress(email);
    await enqueueMail(tx, {
      // the person's saved language, else the language of the page that asked (decision 081)
      ...(await signInMail({ name, url: link.url, minutes: LINK_MINUTES, language: user?.locale ? languageOfUser(user) : (language ?? "en") })),
      kind: "sign-in",
      to: { email, name },
      idempotencyKey: `sign-in:${link.id}`,
      essential: true,
    });
  });
}

export type OperatorLinkResult = { ok: true; url: string; expiresAt: Date; name: string; role: string } | { ok: false; reason: string };

/**
 * A sign-in link handed out by the operator (`npm run sign-in-link`), e.g. for the first organiser on a
 * server whose mail is not set up yet. Only for existing people, and audited.
 */
export async function issueOperatorSignInLink(emailInput: string): Promise<OperatorLinkResult> {
  const email = normaliseEmail(emailInput);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, role: true } });
  if (!user) return { ok: false, reason: `No account has the address ${email}. Sign-in links from this command are only for existing people.` };
  return db.$transaction(async (tx) => {
    const link = await createLoginToken(tx, { email, userId: user.id, redirectTo: "/" });
    await audit(tx, {
      userId: null,
      entity: "User",
      entityId: user.id,
      action: "sign-in-link-issued",
      after: { by: "operator command", expiresAt: link.expiresAt },
    });
    return { ok: true as const, url: link.url, expiresAt: link.expiresAt, name: user.name, role: user.role };
  });
}

export type ConsumeResult = { ok: true; userId: string; redirectTo: string } | { ok: false; reason: TKey<"account"> };

const isUniqueViolation = (e: unknown) => (e as { code?: unknown } | null)?.code === "P2002";

/**
 * Uses a sign-in token exactly once; the update's where clause makes a second use fail. A link sent to
 * an unknown address creates its participant account now, in the same transaction as spending it.
 */
export async function consumeLoginToken(token: string): Promise<ConsumeResult> {
  const now = new Date();
  const hash = hashToken(token);
  const row = await db.loginToken.findUnique({
    where: { tokenHash: hash },
    select: { id: true, userId: true, email: true, redirectTo: true, usedAt: true, expiresAt: true },
  });
  if (!row || (!row.userId && !row.email)) return { ok: false, reason: key("account:link.invalid") };
  if (row.usedAt) return { ok: false, reason: key("account:link.used") };
  if (row.expiresAt < now) return { ok: false, reason: key("account:link.expired") };
  const used: ConsumeResult = { ok: false, reason: key("account:link.used") };
  for (let attempt = 1; ; attempt++) {
    try {
      const userId = await db.$transaction(async (tx) => {
        const claimed = await tx.loginToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
        if (claimed.count !== 1) return null;
        if (row.userId) return row.userId;
        // Two links to one new address used at the same moment: the second finds the first's account.
        const user = await tx.user.upsert({
          where: { email: row.email },
          update: {},
          create: { email: row.email, name: nameFromAddress(row.email), role: "PARTICIPANT" },
          select: { id: true },
        });
        return user.id;
      });
      return userId ? { ok: true, userId, redirectTo: row.redirectTo ?? "/" } : used;
    } catch (e) {
      // On databases where upsert is not one statement, the loser of that race retries and finds the row.
      if (attempt === 1 && isUniqueViolation(e)) continue;
      throw e;
    }
  }
}
