import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { pageCache } from "./page-cache.mjs";

// The store of anonymous public pages (scripts/page-cache.mjs) is bounded: expired pages are dropped as
// new ones are stored, and its byte bound counts the gzip copies too (docs/decisions/063-read-path.md, memory).

const servers: http.Server[] = [];
afterEach(() => Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r)))));

/** A server whose public pages are `/meetings/<slug>`, each `size` bytes, behind the store as scripts/server.mjs puts it (replay first, keep in front of the page). */
async function serve(ttlMs: number, size: number, maxBytes?: number) {
  // The store's clock is this test's: a page expires when the test says the time has passed.
  const clock = { ms: 0 };
  const pages = pageCache(ttlMs, { now: () => clock.ms, ...(maxBytes === undefined ? {} : { maxBytes }) });
  const render = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const body = `<p>${req.url!.slice("/meetings/".length)}</p>`.padEnd(size, "x");
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(body);
  };
  const server = http.createServer((req, res) => {
    if (!pages.replay(req, res)) pages.keep(req, res, () => render(req, res));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(base + path, { headers });
    await res.arrayBuffer();
    return res.headers.get("x-convene-cache");
  };
  return { pages, get, clock };
}

describe("page cache store", () => {
  it("drops expired pages when it stores new ones, instead of keeping them until the bound", async () => {
    const { pages, get, clock } = await serve(5_000, 1_000);
    await get("/meetings/a");
    clock.ms = 1_000;
    await get("/meetings/b");
    expect(pages.held()).toEqual({ pages: 2, bytes: 2_000 });
    clock.ms = 5_500;
    await get("/meetings/c");
    expect(pages.held()).toEqual({ pages: 2, bytes: 2_000 });
    clock.ms = 20_000;
    await get("/meetings/d");
    expect(pages.held()).toEqual({ pages: 1, bytes: 1_000 });
  });

  it("counts a page stored again once, and its gzip copy in the bound", async () => {
    const { pages, get } = await serve(60_000, 5_000);
    await get("/meetings/a");
    expect(await get("/meetings/a", { "Accept-Encoding": "gzip" })).toBe("hit");
    const gzip = zlib.gzipSync(Buffer.from("<p>a</p>".padEnd(5_000, "x"))).length;
    expect(pages.held()).toEqual({ pages: 1, bytes: 5_000 + gzip });
  });

  it("never holds more bytes than its bound, gzip copies included", async () => {
    const { pages, get } = await serve(60_000, 3_000, 10_000);
    for (const slug of ["a", "b", "c", "d", "e", "f", "g"]) {
      await get(`/meetings/${slug}`);
      await get(`/meetings/${slug}`, { "Accept-Encoding": "gzip" });
      expect(pages.held().bytes).toBeLessThanOrEqual(10_000);
      expect(pages.held().pages).toBeGreaterThan(0);
    }
  });
});
