import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { consumeLoginToken } from "~/domain/auth/login.server";
import { createUser } from "~/test/factories";

const run = promisify(execFile);

/** Runs the command as an operator would, on this test file's SQLite database. */
async function signInLink(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "scripts/sign-in-link.ts", ...args], { env: process.env });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe("npm run sign-in-link", () => {
  it("prints a one-time link for an existing person, and refuses an unknown address", async () => {
    const organiser = await createUser("ORGANISER", { email: "first.organiser@example.org" });
    // Three separate processes, run side by side: starting tsx is slow on a busy machine.
    const [ok, unknown, usage] = await Promise.all([signInLink("First.Organiser@example.org"), signInLink("stranger@example.org"), signInLink()]);
    expect(ok.code).toBe(0);
    const url = /http:\/\/convene\.test\/login\/[\w-]+/.exec(ok.stdout)?.[0];
    expect(url).toBeDefined();
    expect(await consumeLoginToken(url!.split("/login/")[1])).toEqual({ ok: true, userId: organiser.id, redirectTo: "/" });

    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No account has the address stranger@example\.org/);
    expect(unknown.stdout).not.toMatch(/\/login\//);
    expect(await db.user.count({ where: { email: "stranger@example.org" } })).toBe(0);

    expect(usage.code).toBe(1);
    expect(usage.stderr).toMatch(/Usage: npm run sign-in-link -- <email address/);
  }, 180_000);
});
