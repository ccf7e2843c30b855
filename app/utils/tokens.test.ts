import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { emailFromUnsubscribeToken, unsubscribeToken } from "~/domain/mail/unsubscribe.server";
import { env } from "./env.server";
import { derivedKey, signFor } from "./tokens.server";

describe("keys derived from the session secret", () => {
  it("gives each purpose its own key, none equal to the secret", () => {
    const secret = env().SESSION_SECRET;
    const a = derivedKey(secret, "unsubscribe");
    const b = derivedKey(secret, "registration-link");
    expect(a.equals(b)).toBe(false);
    expect(a.equals(Buffer.from(secret))).toBe(false);
    expect(signFor(secret, "unsubscribe", "x")).not.toBe(signFor(secret, "registration-link", "x"));
  });

  it("refuses an unsubscribe token signed with the session secret itself", () => {
    const email = "reader@example.org";
    const raw = crypto.createHmac("sha256", env().SESSION_SECRET).update(`unsubscribe:${email}`).digest("base64url").slice(0, 32);
    const forged = `${Buffer.from(email).toString("base64url")}.${raw}`;
    expect(emailFromUnsubscribeToken(forged)).toBeNull();
    expect(emailFromUnsubscribeToken(unsubscribeToken(email))).toBe(email);
  });
});
