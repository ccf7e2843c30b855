import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { consumeLoginToken, issueOperatorSignInLink, requestLoginLink } from "./login.server";
import { createUser } from "~/test/factories";

async function lastLinkToken(email: string): Promise<string> {
  const m = await db.outboxMessage.findFirstOrThrow({ where: { toEmail: email, kind: "sign-in" }, orderBy: { createdAt: "desc" } });
  const match = /\/login\/([\w-]+)/.exec(m.text);
  if (!match) throw new Error("no link in mail");
  return match[1];
}

describe("sign-in by emailed link", () => {
  it("queues a mail whose link signs in once", async () => {
    const user = await createUser("ORGANISER");
    await requestLoginLink(user.email.toUpperCase(), "/admin");
    const token = await lastLinkToken(user.email);
    const stored = await db.loginToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(await consumeLoginToken(token)).toEqual({ ok: true, userId: user.id, redirectTo: "/admin" });
    expect(await consumeLoginToken(token)).toMatchObject({ ok: false, reason: "account:link.used" });
  });

  it("refuses expired and unknown links and ignores foreign redirects", async () => {
    const user = await createUser();
    await requestLoginLink(user.email, "https://evil.example/");
    const token = await lastLinkToken(user.email);
    await db.loginToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await consumeLoginToken(token)).toMatchObject({ ok: false, reason: "account:link.expired" });
    expect(await consumeLoginToken("nope")).toMatchObject({ ok: false });
    const row = await db.loginToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.redirectTo).toBe("/");
  });

  it("creates a participant account for a new address only when its link is used", async () => {
    await requestLoginLink(" New.Person@Example.org ", "/me");
    expect(await db.user.count({ where: { email: "new.person@example.org" } })).toBe(0);
    const pending = await db.loginToken.findFirstOrThrow({ where: { email: "new.person@example.org" } });
    expect(pending.userId).toBeNull();
    const token = await lastLinkToken("new.person@example.org");
    const result = await consumeLoginToken(token);
    const u = await db.user.findUniqueOrThrow({ where: { email: "new.person@example.org" } });
    expect(u.role).toBe("PARTICIPANT");
    expect(result).toEqual({ ok: true, userId: u.id, redirectTo: "/me" });
    expect(await consumeLoginToken(token)).toMatchObject({ ok: false, reason: "account:link.used" });
  });

  it("answers and mails the same whether or not the address has an account", async () => {
    const known = await createUser("PARTICIPANT", { name: "known" });
    const unknown = `unknown-${known.id}@example.org`;
    expect(await requestLoginLink(known.email)).toBeUndefined();
    expect(await requestLoginLink(unknown)).toBeUndefined();
    const [a, b] = await Promise.all([known.email, unknown].map((to) => db.outboxMessage.findFirstOrThrow({ where: { toEmail: to, kind: "sign-in" } })));
    const shape = (m: typeof a, to: string) => ({ subject: m.subject, text: m.text.replaceAll(to, "ADDRESS").replace(/\/login\/[\w-]+/, "/login/TOKEN").replace(/Hello [^,]+,/, "Hello NAME,") });
    expect(shape(b, unknown)).toEqual(shape(a, known.email));
  });

  it("two links to one new address, both used, give one account", async () => {
    await requestLoginLink("twice@example.org");
    await requestLoginLink("twice@example.org");
    const mails = await db.outboxMessage.findMany({ where: { toEmail: "twice@example.org", kind: "sign-in" } });
    const tokens = mails.map((m) => /\/login\/([\w-]+)/.exec(m.text)![1]);
    const results = await Promise.all(tokens.map((t) => consumeLoginToken(t)));
    const ids = results.map((r) => (r.ok ? r.userId : r.reason));
    expect(new Set(ids).size).toBe(1);
    expect(await db.user.count({ where: { email: "twice@example.org" } })).toBe(1);
  });
});

describe("sign-in link printed for the operator", () => {
  it("signs an existing person in once and is audited", async () => {
    const user = await createUser("ORGANISER");
    const result = await issueOperatorSignInLink(user.email.toUpperCase());
    if (!result.ok) throw new Error(result.reason);
    expect(result.url).toMatch(/^http:\/\/convene\.test\/login\/[\w-]+$/);
    const token = result.url.split("/login/")[1];
    const entry = await db.auditLog.findFirstOrThrow({ where: { entity: "User", entityId: user.id, action: "sign-in-link-issued" } });
    expect(entry.userId).toBeNull();
    expect(JSON.stringify(entry.after)).not.toContain(user.email);
    expect(await consumeLoginToken(token)).toEqual({ ok: true, userId: user.id, redirectTo: "/" });
    expect(await consumeLoginToken(token)).toMatchObject({ ok: false });
  });

  it("refuses an unknown address and creates nothing", async () => {
    const result = await issueOperatorSignInLink("nobody@example.org");
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/No account has the address nobody@example.org/) });
    expect(await db.loginToken.count({ where: { email: "nobody@example.org" } })).toBe(0);
    expect(await db.user.count({ where: { email: "nobody@example.org" } })).toBe(0);
  });
});
