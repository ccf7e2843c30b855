import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { consumeLoginToken, requestLoginLink } from "./login.server";
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
    expect(await consumeLoginToken(token)).toMatchObject({ ok: false, reason: expect.stringMatching(/already been used/) });
  });

  it("refuses expired and unknown links and ignores foreign redirects", async () => {
    const user = await createUser();
    await requestLoginLink(user.email, "https://evil.example/");
    const token = await lastLinkToken(user.email);
    await db.loginToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await consumeLoginToken(token)).toMatchObject({ ok: false, reason: expect.stringMatching(/expired/) });
    expect(await consumeLoginToken("nope")).toMatchObject({ ok: false });
    const row = await db.loginToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.redirectTo).toBe("/");
  });

  it("creates a participant account for a new address", async () => {
    await requestLoginLink("new.person@example.org");
    const u = await db.user.findUniqueOrThrow({ where: { email: "new.person@example.org" } });
    expect(u.role).toBe("PARTICIPANT");
  });
});
