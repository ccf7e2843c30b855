import http from "node:http";
import type { AddressInfo } from "node:net";
import { installGlobals } from "@remix-run/node";
import type { ServerBuild } from "@remix-run/node";
import { afterEach, describe, expect, it } from "vitest";
import { clientAddress, inOrder, remixHandler, requestUrl, trustedProxies } from "./node-adapter.mjs";

// Remix on Node's own HTTP server (scripts/node-adapter.mjs, docs/decisions/100-server-without-express.md), over
// real loopback connections: proxy headers count only from a trusted proxy, a Remix response is written back
// whole (status, each Set-Cookie, body), a form's body reaches the action, a client that leaves aborts the
// request's signal, and a step that fails reaches the error page.

installGlobals({ nativeFetch: true });

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function listen(listener: http.RequestListener) {
  const server = http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => new Promise<void>((resolve) => server.closeAllConnections() ?? server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const forwarded = { "X-Forwarded-Proto": "https", "X-Forwarded-Host": "convene.example, inner.example", "X-Forwarded-For": "203.0.113.9" };

describe("proxy headers", () => {
  async function seen(trustProxy: string | undefined) {
    const trust = trustedProxies(trustProxy);
    const base = await listen((req, res) => res.end(JSON.stringify({ url: requestUrl(req, trust), ip: clientAddress(req, trust) })));
    return { base, ...(await (await fetch(`${base}/meetings?lang=fr`, { headers: forwarded })).json()) };
  }

  it("ignores them unless TRUST_PROXY names the proxy", async () => {
    for (const value of [undefined, "", "10.0.0.0/8"]) {
      const { base, url, ip } = await seen(value);
      expect(url, `TRUST_PROXY=${value}`).toBe(`${base}/meetings?lang=fr`);
      expect(ip, `TRUST_PROXY=${value}`).toBe("127.0.0.1");
    }
  });

  it("takes the scheme, the first forwarded host and the client's address from a trusted proxy", async () => {
    for (const value of ["loopback", "1", "127.0.0.1, 10.0.0.0/8"]) {
      const { url, ip } = await seen(value);
      expect(url, `TRUST_PROXY=${value}`).toBe("https://convene.example/meetings?lang=fr");
      expect(ip, `TRUST_PROXY=${value}`).toBe("203.0.113.9");
    }
  });

  it("refuses an unknown TRUST_PROXY value", () => {
    expect(() => trustedProxies("everyone")).toThrow(/invalid IP address/);
  });

  it("refuses a target that is not a path, and a host no URL can hold", () => {
    const socket = { remoteAddress: "127.0.0.1", encrypted: false };
    const trust = trustedProxies(undefined);
    const request = (url: string, host: string) => ({ url, headers: { host }, socket }) as unknown as http.IncomingMessage;
    expect(() => requestUrl(request("http://elsewhere.example/", "127.0.0.1"), trust)).toThrow(expect.objectContaining({ code: "ERR_INVALID_URL" }));
    expect(() => requestUrl(request("/meetings", "a b"), trust)).toThrow(expect.objectContaining({ code: "ERR_INVALID_URL" }));
    expect(requestUrl(request("/meetings", "127.0.0.1:3000"), trust)).toBe("http://127.0.0.1:3000/meetings");
  });
});

/** A build of one resource route (`/echo`, a loader and an action), enough for Remix's request handler. */
function echoBuild(route: { loader?: (args: { request: Request }) => unknown; action?: (args: { request: Request }) => unknown }) {
  const manifest = { hasLoader: true, hasAction: true, hasClientLoader: false, hasClientAction: false, hasErrorBoundary: false, module: "", imports: [] };
  return {
    mode: "production",
    entry: { module: { default: () => new Response("no documents here", { status: 500 }) } },
    routes: {
      root: { id: "root", path: "", module: { default: () => null } },
      echo: { id: "echo", parentId: "root", path: "echo", module: route },
    },
    assets: { entry: { module: "", imports: [] }, routes: { root: { id: "root", path: "", ...manifest }, echo: { id: "echo", parentId: "root", path: "echo", ...manifest } }, url: "", version: "1" },
    future: {},
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    isSpaMode: false,
  } as unknown as ServerBuild;
}

async function serveBuild(build: ServerBuild) {
  const trust = trustedProxies(undefined);
  const app = remixHandler({ build, mode: "production", trust, loadContext: () => ({}) });
  const failures: unknown[] = [];
  const base = await listen((req, res) =>
    app(req, res).catch((error: unknown) => {
      failures.push(error);
      res.statusCode = 500;
      res.end();
    }),
  );
  return { base, failures };
}

describe("Remix behind the adapter", () => {
  it("writes the route's status and headers back, each Set-Cookie on its own, and the request's headers reach the route", async () => {
    const { base } = await serveBuild(
      echoBuild({
        loader: ({ request }) => {
          const headers = new Headers({ "Content-Type": "text/plain; charset=utf-8" });
          headers.append("Set-Cookie", "a=1; Path=/");
          headers.append("Set-Cookie", "b=2; Path=/");
          return new Response(`${request.method} ${request.url} ${request.headers.get("accept-language")}`, { status: 203, headers });
        },
      }),
    );
    const response = await fetch(`${base}/echo?x=1`, { headers: { "Accept-Language": "fr" } });
    expect(response.status).toBe(203);
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(await response.text()).toBe(`GET ${base}/echo?x=1 fr`);
  });

  it("gives a form's body to the action", async () => {
    const { base } = await serveBuild(echoBuild({ action: async ({ request }) => new Response(`got ${(await request.formData()).get("name")}`) }));
    const response = await fetch(`${base}/echo`, { method: "POST", body: new URLSearchParams({ name: "Ana Ionescu" }) });
    expect(await response.text()).toBe("got Ana Ionescu");
  });

  it("aborts the request's signal when the client leaves before the answer", async () => {
    let aborted!: () => void;
    const sawAbort = new Promise<string>((resolve) => (aborted = () => resolve("aborted")));
    let started!: () => void;
    const loaderStarted = new Promise<void>((resolve) => (started = resolve));
    const { base } = await serveBuild(
      echoBuild({
        loader: ({ request }) =>
          new Promise((resolve) => {
            request.signal.addEventListener("abort", () => {
              aborted();
              resolve(new Response("too late"));
            });
            started();
          }),
      }),
    );
    const client = new AbortController();
    const answered = fetch(`${base}/echo`, { signal: client.signal }).catch(() => "client gone");
    await loaderStarted;
    client.abort();
    await answered;
    // Without the abort wiring the loader would wait for ever; the bound only keeps a failure from hanging.
    const outcome = await Promise.race([sawAbort, new Promise<string>((resolve) => setTimeout(() => resolve("never aborted"), 10_000).unref())]);
    expect(outcome).toBe("aborted");
  });
});

describe("steps in order", () => {
  it("runs the steps in order and sends a thrown error or next(error) to the error page, once", async () => {
    const seen: string[] = [];
    const onError = (error: Error, _req: http.IncomingMessage, res: http.ServerResponse) => {
      seen.push(`error: ${error.message}`);
      res.statusCode = 418;
      res.end(error.message);
    };
    const base = await listen(
      inOrder(
        [
          (req: http.IncomingMessage, _res: http.ServerResponse, next: (error?: Error) => void) => {
            seen.push(`first ${req.url}`);
            if (req.url === "/fail") return next(new Error("passed on"));
            next();
          },
          (req: http.IncomingMessage, res: http.ServerResponse) => {
            seen.push("second");
            if (req.url === "/throw") throw new Error("thrown");
            res.end("answered");
          },
        ],
        onError,
      ),
    );
    // The bound only keeps a request nobody answers from hanging the test.
    const get = (path: string) => fetch(base + path, { signal: AbortSignal.timeout(10_000) });
    expect(await (await get("/ok")).text()).toBe("answered");
    const thrown = await get("/throw");
    expect([thrown.status, await thrown.text()]).toEqual([418, "thrown"]);
    const passed = await get("/fail");
    expect([passed.status, await passed.text()]).toEqual([418, "passed on"]);
    expect(seen).toEqual(["first /ok", "second", "first /throw", "second", "error: thrown", "first /fail", "error: passed on"]);
  });
});
