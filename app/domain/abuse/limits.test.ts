import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "~/utils/db.server";
import { formRequest, requestAs, responseStatus } from "~/test/factories";
import { action as loginAction } from "~/routes/login";
import { loader as loginTokenLoader } from "~/routes/login.$token";
import { action as registerAction } from "~/routes/meetings.$slug.register";
import { createMeeting } from "~/test/factories";
import { enforceLimit, LIMITS, type LimitName } from "./limits.server";

const run = promisify(execFile);

/** The status of one request against a limit: 200 when let through, else the thrown Response's. */
async function statusOf(name: LimitName, key: string): Promise<number> {
  try {
    await enforceLimit(name, key);
    return 200;
  } catch (e) {
    if (e instanceof Response) return e.status;
    throw e;
  }
}

async function thrownResponse(p: Promise<unknown>): Promise<Response> {
  try {
    await p;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
  throw new Error("expected a thrown Response");
}

const args = (request: Request, ip: string, params: Record<string, string> = {}) => ({ request, params, context: { clientIp: ip } });

afterEach(() => vi.restoreAllMocks());

describe("abuse limits", () => {
  it("answer 429 with Retry-After and a plain message once an address has asked for 5 links", async () => {
    const post = async (email: string, ip: string) => loginAction(args(await requestAs(null, "/login", formRequest({ email, redirectTo: "" })), ip));
    for (let i = 0; i < LIMITS.signInPerAddress.points; i++) expect(await responseStatus(post("limited@example.org", `198.51.100.${i}`))).toBe(200);
    const refused = await thrownResponse(post("Limited@Example.org ", "198.51.100.99"));
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(LIMITS.signInPerAddress.seconds);
    expect(await refused.text()).toMatch(/too many sign-in requests for this address.*wait \d+ minutes/i);
    expect(await db.outboxMessage.count({ where: { toEmail: "limited@example.org" } })).toBe(LIMITS.signInPerAddress.points);
  });

  it("count sign-in requests per IP, whatever the address", async () => {
    const ip = "203.0.113.20";
    for (let i = 0; i < LIMITS.signInPerIp.points; i++) {
      expect(await responseStatus(loginAction(args(await requestAs(null, "/login", formRequest({ email: `p${i}@example.org` })), ip)))).toBe(200);
    }
    expect(await responseStatus(loginAction(args(await requestAs(null, "/login", formRequest({ email: "other@example.org" })), ip)))).toBe(429);
    expect(await responseStatus(loginAction(args(await requestAs(null, "/login", formRequest({ email: "other@example.org" })), "203.0.113.21")))).toBe(200);
  });

  it("count token pages and registration posts per IP", async () => {
    const ip = "203.0.113.30";
    for (let i = 0; i < LIMITS.tokenPagePerIp.points; i++) {
      expect(await responseStatus(loginTokenLoader(args(await requestAs(null, "/login/nope"), ip, { token: "nope" })))).toBe(200);
    }
    expect(await responseStatus(loginTokenLoader(args(await requestAs(null, "/login/nope"), ip, { token: "nope" })))).toBe(429);

    const meeting = await createMeeting();
    const register = async () => registerAction(args(await requestAs(null, `/meetings/${meeting.slug}/register`, formRequest({ name: "" })), ip, { slug: meeting.slug }));
    // An invalid form (400) still counts against the limit.
    for (let i = 0; i < LIMITS.registrationPerIp.points; i++) expect(await responseStatus(register())).toBe(400);
    expect(await responseStatus(register())).toBe(429);
  });

  it("let only the allowance through when many first requests for one key arrive together", async () => {
    const errors = vi.spyOn(console, "error");
    const statuses = await Promise.all(Array.from({ length: 12 }, () => statusOf("signInPerAddress", "together@example.org")));
    expect(statuses.filter((s) => s === 200)).toHaveLength(LIMITS.signInPerAddress.points);
    expect(statuses.filter((s) => s === 429)).toHaveLength(12 - LIMITS.signInPerAddress.points);
    expect(errors).not.toHaveBeenCalled();
  });

  it("start a new window for a key once its window has ended", async () => {
    const key = "later@example.org";
    const before = new Set((await db.rateLimit.findMany({ select: { key: true } })).map((r) => r.key));
    for (let i = 0; i < LIMITS.signInPerAddress.points; i++) expect(await statusOf("signInPerAddress", key)).toBe(200);
    expect(await statusOf("signInPerAddress", key)).toBe(429);
    const [stored] = (await db.rateLimit.findMany({ select: { key: true } })).map((r) => r.key).filter((k) => !before.has(k));
    // The window ends (as if its 15 minutes had passed): the next request starts a new one with a full allowance.
    await db.rateLimit.update({ where: { key: stored }, data: { expire: new Date(Date.now() - 1000) } });
    for (let i = 0; i < LIMITS.signInPerAddress.points; i++) expect(await statusOf("signInPerAddress", key)).toBe(200);
    expect(await statusOf("signInPerAddress", key)).toBe(429);
    const row = await db.rateLimit.findUniqueOrThrow({ where: { key: stored } });
    expect(row.points).toBe(LIMITS.signInPerAddress.points + 1);
    expect(row.expire!.getTime()).toBeGreaterThan(Date.now() + (LIMITS.signInPerAddress.seconds - 60) * 1000);
  });

  it("are shared by two processes on one database", async () => {
    const key = "shared@example.org";
    expect(await statusOf("signInPerAddress", key)).toBe(200);
    expect(await statusOf("signInPerAddress", key)).toBe(200);
    // A second Node process on the same SQLite file sees these 2 and uses up the other 3.
    const { stdout } = await run("npx", ["tsx", "app/domain/abuse/limits.child.ts", "signInPerAddress", key, "5"], {
      env: { ...process.env, RATE_LIMIT_FACTOR: "1" },
    });
    expect(JSON.parse(stdout.trim().split("\n").at(-1)!)).toEqual([200, 200, 200, 429, 429]);
    // And this process sees the other's.
    expect(await statusOf("signInPerAddress", key)).toBe(429);
  }, 180_000);

  it("keep no address or IP in the table", async () => {
    await enforceLimit("signInPerAddress", "private@example.org");
    await enforceLimit("tokenPagePerIp", "192.0.2.55");
    const keys = (await db.rateLimit.findMany({ select: { key: true } })).map((r) => r.key).join(" ");
    expect(keys).not.toMatch(/private@example\.org|192\.0\.2\.55/);
  });

  it("let requests through, and say so, when the store fails", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    await db.$executeRawUnsafe(`ALTER TABLE "RateLimit" RENAME TO "RateLimitGone"`);
    try {
      for (let i = 0; i < LIMITS.signInPerAddress.points + 2; i++) expect(await statusOf("signInPerAddress", "storeless@example.org")).toBe(200);
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE "RateLimitGone" RENAME TO "RateLimit"`);
    }
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/signInPerAddress could not be checked/), expect.anything());
  });
});
