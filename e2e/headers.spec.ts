import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { signIn } from "./helpers";
import { freePort } from "../scripts/free-port.ts";

// Security headers of the production server (scripts/server.mjs, docs/decisions/051-security-headers.md).

const WARSAW = "/meetings/document-fraud-expert-meeting-2027";

function cspNonce(response: APIResponse): string {
  const csp = response.headers()["content-security-policy"] ?? "";
  const match = /script-src 'self' 'nonce-([^']+)'/.exec(csp);
  expect(match, `script-src with a nonce in ${csp}`).not.toBeNull();
  return match![1];
}

/** The CSP allows the page's own scripts only, by nonce; every <script> of the HTML carries it. */
async function expectScriptsMatchNonce(response: APIResponse) {
  const nonce = cspNonce(response);
  const csp = response.headers()["content-security-policy"];
  expect(csp).not.toContain("unsafe-inline'; script");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  const scripts = [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  return nonce;
}

function expectBaseHeaders(response: APIResponse) {
  const h = response.headers();
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("same-origin");
  // APP_URL is http in the e2e run: no HSTS
  expect(h["strict-transport-security"]).toBeUndefined();
}

test("pages carry the CSP with a fresh nonce matching their scripts, and a cached page its own", async ({ playwright, baseURL }) => {
  const visitor = await playwright.request.newContext({ baseURL });
  const login = await visitor.get("/login");
  expectBaseHeaders(login);
  const first = await expectScriptsMatchNonce(login);
  const again = await expectScriptsMatchNonce(await visitor.get("/login"));
  expect(again).not.toBe(first);

  // The micro-cache replays a public page with its stored headers: the nonce still matches the HTML.
  await visitor.get(WARSAW);
  const cached = await visitor.get(WARSAW);
  expect(cached.headers()["x-convene-cache"]).toBe("hit");
  expectBaseHeaders(cached);
  await expectScriptsMatchNonce(cached);
  // anonymous public pages may be cached; they are not marked no-store
  expect(cached.headers()["cache-control"] ?? "").not.toContain("no-store");

  // errors and refusals carry the headers too
  for (const response of [await visitor.get("/no-such-page"), await visitor.fetch("/login", { method: "PUT" })]) {
    expectBaseHeaders(response);
    expect(response.headers()["cache-control"]).toBe("no-store");
  }
  // static assets keep their long caching
  const asset = /src="(\/assets\/[^"]+\.js)"|href="(\/assets\/[^"]+\.css)"/.exec(await login.text());
  expect(asset).not.toBeNull();
  const assetResponse = await visitor.get(asset![1] ?? asset![2]);
  expect(assetResponse.headers()["cache-control"]).toContain("immutable");
  await visitor.dispose();
});

test("token pages and signed-in pages are never stored", async ({ page, playwright, baseURL }) => {
  const visitor = await playwright.request.newContext({ baseURL });
  for (const path of [`/login/${"a".repeat(43)}`, "/registrations/not-a-real-token", "/invite/not-a-real-token", "/progress/not-a-real-token", "/unsubscribe/not-a-real-token", "/login"]) {
    const response = await visitor.get(path, { maxRedirects: 0 });
    expect(response.headers()["cache-control"], path).toBe("no-store");
  }
  // a real registration link: a participant asks for theirs at /me and it arrives in the development mailbox
  const participant = await page.context().browser()!.newPage();
  await signIn(participant, "participant@example.org");
  await participant.goto("/me");
  await participant.getByRole("button", { name: "Email me my private link" }).first().click();
  await expect(participant.getByRole("status")).toBeVisible();
  await participant.close();
  let registrationLink: string | null = null;
  await expect
    .poll(async () => {
      const mailbox = await (await visitor.get(`/dev/mailbox?to=${encodeURIComponent("participant@example.org")}`)).text();
      for (const [, message] of mailbox.matchAll(/href="(\/dev\/mailbox\/[^"?]+)"/g)) {
        registrationLink ??= /\/registrations\/[\w.-]+/.exec(await (await visitor.get(message)).text())?.[0] ?? null;
      }
      return registrationLink;
    })
    .not.toBeNull();
  const registration = await visitor.get(registrationLink!);
  expect(registration.status()).toBe(200);
  expect(registration.headers()["cache-control"]).toBe("no-store");
  expect(registration.headers()["referrer-policy"]).toBe("same-origin");

  await signIn(page, "organiser@example.org");
  for (const path of ["/admin", "/me", WARSAW, "/meetings", "/admin/mail"]) {
    const response = await page.request.get(path);
    expect(response.headers()["cache-control"], path).toBe("no-store");
    expect(response.headers()["x-convene-cache"], path).toBeUndefined();
  }
  await visitor.dispose();
});

/** Records CSP violations and console errors of a page from its first script on. */
async function watch(page: Page) {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return problems;
}

test("the CSP lets the app hydrate and blocks nothing it uses, mail previews included", async ({ page }) => {
  const problems = await watch(page);
  await signIn(page, "organiser@example.org");
  await page.goto("/admin/mail");
  await page.locator('a[href^="/admin/mail/"]').first().click();
  await expect(page.locator("iframe")).toBeVisible();
  await page.goto("/dev/mailbox");
  await page.locator('a[href^="/dev/mailbox/"]').first().click();
  await expect(page.locator("iframe")).toBeVisible();
  await page.goto(`${WARSAW}`);
  await page.goto("/recommendations/dashboard");
  // hydrated: Remix's router runs, and client-side navigation works
  await expect.poll(() => page.evaluate(() => "__remixRouter" in window)).toBe(true);
  await page.getByRole("link", { name: "Series" }).click();
  await expect(page).toHaveURL(/\/series$/);
  expect(problems).toEqual([]);
});


/** A second `npm start` on the suite's database (scripts/e2e-server.sh) on `port`, with settings of its own. */
function secondServer(port: number, settings: Record<string, string>) {
  return spawn(process.execPath, ["scripts/server.mjs"], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      DATABASE_URL: `file:${path.resolve(`.tmp/e2e-${process.env.E2E_PORT ?? "3457"}.db`)}`,
      SESSION_SECRET: "e2e-secret-e2e-secret-e2e-secret",
      DEV_MAILBOX: "on",
      MAIL_WORKER: "off",
      HOST: "127.0.0.1",
      PORT: String(port),
      REMIX_BUILD_DIR: process.env.REMIX_BUILD_DIR ?? "build",
      ...settings,
    },
    stdio: "ignore",
  });
}

test("behind a TLS proxy: HSTS when APP_URL is https, and TRUST_PROXY makes the forwarded scheme count", async ({ playwright }) => {
  // A second `npm start` on the suite's database (scripts/e2e-server.sh), as an operator runs it behind nginx.
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const start = (trustProxy: string) => secondServer(port, { APP_URL: "https://convene.example", TRUST_PROXY: trustProxy });
  // A post from the proxied page https://127.0.0.1:<port>: the same origin only if X-Forwarded-Proto is trusted.
  const logout = { method: "POST", maxRedirects: 0, headers: { Origin: `https://127.0.0.1:${port}`, "X-Forwarded-Proto": "https", "Content-Type": "application/x-www-form-urlencoded" }, data: "" };
  const client = await playwright.request.newContext({ baseURL: base });
  for (const [trustProxy, logoutStatus] of [["loopback", 302], ["", 403]] as const) {
    const child = start(trustProxy);
    try {
      await expect.poll(() => client.get("/login").then((r) => r.status(), () => 0), { timeout: 60_000 }).toBe(200);
      const login = await client.get("/login");
      expect(login.headers()["strict-transport-security"]).toBe("max-age=31536000");
      expect(login.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
      expect((await client.fetch("/logout", logout)).status(), `TRUST_PROXY=${trustProxy}`).toBe(logoutStatus);
    } finally {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
  }
  await client.dispose();
});

test("a connection on which nothing moves is closed after SOCKET_IDLE_MS, and the server goes on answering", async ({ playwright }) => {
  // Node's default is never: a client that stops reading a streamed ZIP kept its file in memory (decision 091).
  // A form whose body stops short of its Content-Length stands for any stalled connection here; without the
  // setting Node would wait for its 300 s request limit, past this test's time.
  const port = await freePort();
  const child = secondServer(port, { APP_URL: `http://127.0.0.1:${port}`, SOCKET_IDLE_MS: "1000" });
  const client = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${port}` });
  try {
    await expect.poll(() => client.get("/login").then((r) => r.status(), () => 0), { timeout: 60_000 }).toBe(200);
    const socket = net.connect(port, "127.0.0.1");
    const closed = new Promise<void>((resolve) => {
      socket.on("close", () => resolve());
      socket.on("error", () => {});
    });
    socket.write(`POST /login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nemail=`);
    await closed;
    expect((await client.get("/login")).status()).toBe(200);
  } finally {
    await client.dispose();
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
});
