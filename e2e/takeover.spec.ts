import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../app/generated/prisma/client.ts";
import { startSmtpServer, type TestSmtp } from "../app/test/smtp.ts";
import { freePort } from "../scripts/free-port.ts";

// Issue 8's takeover, tried against the production build as an operator starts it without the demo
// opt-in (no DEV_MAILBOX): ask for the organiser's sign-in link, read it at /dev/mailbox, follow it.
// Each test starts its own `node scripts/server.mjs` on 127.0.0.1 with its own migrated and seeded
// SQLite file; the suite's server (scripts/e2e-server.sh, DEV_MAILBOX=on) is not used here.

const BUILD_DIR = process.env.REMIX_BUILD_DIR ?? "build";
const DB_FILE = path.resolve(`.tmp/takeover-${process.env.E2E_PORT ?? "3457"}.db`);
const DATABASE_URL = `file:${DB_FILE}`;
const SESSION_SECRET = "takeover-secret-takeover-secret";
const ORGANISER = "organiser@example.org";

type Server = { base: string; child: ChildProcess; output: () => string; exited: Promise<number | null> };
const servers: Server[] = [];
let smtp: TestSmtp | undefined;

function removeDatabase() {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(DB_FILE + suffix, { force: true });
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  removeDatabase();
  // Like scripts/e2e-server.sh; seeding is not a production start, so no mail setting is needed.
  const env = { ...process.env, DATABASE_URL, SESSION_SECRET, NODE_ENV: "development" as const, SMTP_URL: "", DEV_MAILBOX: "off" };
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env, stdio: "ignore" });
  execFileSync("npx", ["tsx", "prisma/seed.ts"], { env, stdio: "ignore" });
});

test.afterEach(async () => {
  // Whatever happened in the test, no server outlives it.
  for (const server of servers.splice(0)) {
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGKILL");
    await server.exited;
  }
  await smtp?.close();
  smtp = undefined;
});

test.afterAll(removeDatabase);


/** `npm start` with only the variables given: nothing from the runner's environment leaks in (no DEV_MAILBOX). */
async function startServer(mail: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["scripts/server.mjs"], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      DATABASE_URL,
      SESSION_SECRET,
      APP_URL: base,
      HOST: "127.0.0.1",
      PORT: String(port),
      REMIX_BUILD_DIR: BUILD_DIR,
      ...mail,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const server = { base, child, output: () => output, exited };
  servers.push(server);
  return server;
}

/** The exit code of a server that must refuse to start; fails if it is still running instead. */
async function refusal(server: Server) {
  await expect.poll(() => server.child.exitCode ?? server.child.signalCode, { message: "the server refuses to start", timeout: 30_000 }).not.toBeNull();
  return server.exited;
}

/** Resolves once the server answers, or fails with its output if it stopped instead. */
async function listening(server: Server) {
  await expect
    .poll(
      async () => {
        if (server.child.exitCode !== null) throw new Error(`The server stopped (exit ${server.child.exitCode}):\n${server.output()}`);
        return fetch(`${server.base}/login`).then((r) => r.status, () => 0);
      },
      { timeout: 30_000 },
    )
    .toBe(200);
}

test("a production start with neither SMTP_URL nor DEV_MAILBOX=on refuses to start and says what to set", async () => {
  const server = await startServer({});
  expect(await refusal(server)).not.toBe(0);
  expect(server.output()).toContain("SMTP_URL=smtp://");
  expect(server.output()).toContain("DEV_MAILBOX=on");
  expect(server.output()).not.toContain("listening");
  expect(await fetch(`${server.base}/login`).then(() => "answered", () => "refused")).toBe("refused");
});

test("the development mailbox cannot be turned on next to SMTP", async () => {
  const server = await startServer({ SMTP_URL: "smtp://127.0.0.1:25", DEV_MAILBOX: "on" });
  expect(await refusal(server)).not.toBe(0);
  expect(server.output()).toContain("DEV_MAILBOX: must be off when SMTP_URL is set");
});

test("with SMTP, an attacker cannot take over the organiser's account through the mailbox", async ({ page, request }) => {
  smtp = await startSmtpServer();
  const server = await startServer({ SMTP_URL: smtp.url });
  await listening(server);
  const url = (p: string) => `${server.base}${p}`;

  // The attacker asks for the organiser's sign-in link.
  await page.goto(url("/login"));
  await page.getByLabel("Email address").fill(ORGANISER);
  await page.getByRole("button", { name: /email me a sign-in link/i }).click();
  await expect(page.getByRole("status").filter({ hasText: /sign-in link is on its way/i })).toBeVisible();

  // The link went to the mail server, and only there. (The seeded outbox holds other mail too.)
  const signInLink = new RegExp(`${server.base}/login/([\\w-]+)`);
  const signInMails = () => smtp!.messages.filter((m) => signInLink.test(m.text ?? ""));
  await expect.poll(() => signInMails().length, { timeout: 30_000 }).toBe(1);
  const [mail] = signInMails();
  expect(JSON.stringify(mail.to)).toContain(ORGANISER);
  const token = mail.text!.match(signInLink)![1];
  const db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: DATABASE_URL, timeout: 10_000 }) });
  const outbox = await db.outboxMessage.findMany({ where: { toEmail: ORGANISER, kind: "sign-in" }, select: { id: true, status: true, smtpResponse: true } });
  await db.$disconnect();
  expect(outbox).toHaveLength(1);
  expect(outbox[0].smtpResponse).not.toMatch(/development mailbox/);

  // The page that asked shows neither the link nor its token.
  const afterRequest = await page.content();
  expect(afterRequest).not.toContain(token);
  expect(afterRequest).not.toMatch(/\/login\/[\w-]{16,}/);

  // The mailbox does not exist, under any address.
  for (const p of ["/dev/mailbox", `/dev/mailbox?to=${encodeURIComponent(ORGANISER)}`, `/dev/mailbox/${outbox[0].id}`, `/dev/mailbox/${crypto.randomUUID()}`, "/dev/mailbox.data"]) {
    const response = await request.get(url(p), { maxRedirects: 0 });
    expect(response.status(), p).toBe(404);
    const body = await response.text();
    expect(body, p).not.toContain(token);
    expect(body, p).not.toContain(ORGANISER);
  }

  // No page an anonymous visitor can reach links to the mailbox, shows the demo banner or the token.
  const seen = new Set<string>();
  const queue = ["/", "/login", "/no-such-page"];
  while (queue.length > 0 && seen.size < 60) {
    const p = queue.shift()!;
    if (seen.has(p)) continue;
    seen.add(p);
    const response = await request.get(url(p));
    if (!(response.headers()["content-type"] ?? "").startsWith("text/html")) continue;
    const html = await response.text();
    expect(html.includes("/dev/mailbox"), `${p} mentions /dev/mailbox`).toBe(false);
    expect(html.includes(token), `${p} shows the token`).toBe(false);
    expect(/all mail[^<]*is visible to everyone/i.test(html), `${p} shows the demo banner`).toBe(false);
    for (const [, href] of html.matchAll(/href="(\/(?!\/)[^"#]*)"/g)) {
      const link = href.replaceAll("&amp;", "&");
      if (!/^\/(assets|build)\/|\.(css|svg|ico|ics|csv|json)(\?|$)/.test(link) && !seen.has(link)) queue.push(link);
    }
  }
  expect(seen.size, "the crawl reached the public pages").toBeGreaterThan(5);

  // And without the link, the organiser's pages stay closed.
  const admin = await request.get(url("/admin"), { maxRedirects: 0 });
  expect(admin.status()).toBe(302);
  expect(admin.headers()["location"]).toMatch(/^\/login(\?|$)/);
  await page.goto(url("/admin"));
  await expect(page).toHaveURL(/\/login\?/);
  await expect(page.getByRole("button", { name: /sign out/i })).toHaveCount(0);
});
