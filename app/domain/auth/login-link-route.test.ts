import { describe, expect, it } from "vitest";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/utils/db.server";
import { newToken } from "~/utils/tokens.server";
import { createUser, requestAs, routeArgs } from "~/test/factories";
import { loader } from "~/routes/login.$token";

// The sign-in link's page: a stored redirect target that is not a same-site path ends on "/", never in
// a server error after the single-use token was spent, and nothing is spent by a HEAD request.

async function storedLink(redirectTo: string) {
  const user = await createUser();
  const { token, hash } = newToken();
  await db.loginToken.create({
    data: { tokenHash: hash, email: user.email, userId: user.id, redirectTo, expiresAt: new Date(Date.now() + 60_000) },
  });
  return { token, hash };
}

async function open(token: string, method = "GET"): Promise<Response | unknown> {
  const request = await requestAs(null, `/login/${token}`, { method });
  try {
    return await loader(routeArgs(request, { token }) as LoaderFunctionArgs);
  } catch (thrown) {
    return thrown;
  }
}

const spent = async (hash: string) => (await db.loginToken.findUniqueOrThrow({ where: { tokenHash: hash } })).usedAt !== null;

describe("/login/<token>", () => {
  it.each(["/\n/evil.example/", "/\t/evil.example/", "/admin\r\nX: y", "//evil.example", "https://evil.example/"])(
    "signs in and goes to / when the stored target is %j",
    async (target) => {
      const { token } = await storedLink(target);
      const response = await open(token);
      expect(response).toBeInstanceOf(Response);
      expect((response as Response).status).toBe(302);
      expect((response as Response).headers.get("Location")).toBe("/");
      expect((response as Response).headers.get("Set-Cookie")).toBeTruthy();
    },
  );

  it("keeps a same-site target", async () => {
    const { token } = await storedLink("/admin/meetings?status=DRAFT");
    expect(((await open(token)) as Response).headers.get("Location")).toBe("/admin/meetings?status=DRAFT");
  });

  it("does not spend the token on a HEAD request", async () => {
    const { token, hash } = await storedLink("/");
    expect(await open(token, "HEAD")).toMatchObject({ reason: expect.any(String) });
    expect(await spent(hash)).toBe(false);
    expect(((await open(token)) as Response).status).toBe(302);
    expect(await spent(hash)).toBe(true);
  });

  it("answers a value that cannot be a token with the not-valid page", async () => {
    for (const token of ["", "x", "%0d%0a", "a".repeat(500), "../../etc/passwd"]) {
      expect(await open(token)).toEqual({ title: "Sign in · Convene", reason: "This sign-in link is not valid." });
    }
  });
});
