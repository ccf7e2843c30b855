// HTTP caching of anonymous public pages (docs/decisions/061-several-instances.md, which extends 005).
// Pages that look the same to every anonymous visitor get a strong ETag computed from the body and
// `Cache-Control: public, max-age=0, s-maxage=<seconds left>`: browsers revalidate every time (a 304 when
// nothing changed), shared caches (nginx in front of several instances, and this process's own store for
// the embedded run) keep them for at most PAGE_CACHE_MS after rendering, wherever they are held. Nothing
// else is cached, so a write through one instance is seen by signed-in people on every instance at once and
// by anonymous visitors within PAGE_CACHE_MS.
import crypto from "node:crypto";
import { readFileSync } from "node:fs";
import Negotiator from "negotiator";
import os from "node:os";
import zlib from "node:zlib";

// Anything else (self-service links, the dev mailbox, forms) is never cached.
const PUBLIC_PAGE = /^\/(?:meetings(?:\/[\w-]+(?:\/agenda|\/calendar\.ics)?)?|series(?:\/[\w-]+(?:\/calendar\.ics)?)?)?(?:\.data)?$/;
const MAX_ENTRIES = 1_000;
// A bound on the memory the store holds, whatever the pages weigh (a long series page is hundreds of KB):
// pages and their gzip copies together. Expired pages are dropped as new ones are stored, so the store
// holds what was rendered in the last PAGE_CACHE_MS, not whatever was ever rendered until the bound
// (docs/decisions/063-read-path.md, memory).
export const MAX_BYTES = 16 * 1024 * 1024;

/** The path of a request, without its query. */
export const pathOf = (req) => {
  const query = req.url.indexOf("?");
  return query < 0 ? req.url : req.url.slice(0, query);
};

/** A request for a page that looks the same to every anonymous visitor. */
export const isPublicPage = (req) =>
  (req.method === "GET" || req.method === "HEAD") && !req.headers.cookie && !req.headers.authorization && PUBLIC_PAGE.test(pathOf(req));
// Domain writes in this process bump this counter (app/domain/meetings/public-cache.server.ts), so the
// organiser who saved sees the change at once on this instance.
const generation = () => globalThis.__convenePublicGeneration ?? 0;

// The interface language of an anonymous page comes from Accept-Language (a `?lang` answer sets the `lang`
// cookie, so it is never stored): the key holds the language read from the header with the same negotiator
// and the same list as the app (app/i18n/i18n.server.ts, acceptedLanguage), so "fr-BE,fr;q=0.9" and "fr"
// share one copy; Vary names Accept-Language for shared caches in front. The list is the app's own file
// (app/i18n/config.ts imports it too): this module runs in plain Node, before Vite.
const LANGUAGES = JSON.parse(readFileSync(new URL("../app/i18n/languages.json", import.meta.url), "utf8"));
const languageOf = (req) => new Negotiator(req).language(LANGUAGES) ?? "en";
const keyOf = (req) => `${languageOf(req)}\n${req.url}`;

const etagOf = (body) => `"${crypto.createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
const matches = (req, etag) => (req.headers["if-none-match"] ?? "").split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);

// A stored page is sent gzip-compressed to a client that accepts it (as the compression middleware would),
// from a copy compressed once, when the page is first asked for that way: not once per request.
const acceptsGzip = (req) => !!req.headers["accept-encoding"] && new Negotiator(req).encoding(["gzip", "identity"]) === "gzip";

/**
 * A request listener and a connect-style middleware over one store; ttlMs <= 0 turns caching off (ETags and 304s
 * stay). `replay(req, res)` answers from the store and returns true, or returns false for every other request;
 * the server calls it on each request before any other step (scripts/server.mjs): a stored page
 * carries every header it was sent with (the security headers, and the CSP whose nonce is in its HTML), so
 * nothing else needs to run for it, and it is compressed already. `keep` goes just before the app and stores
 * what it renders.
 */
export function pageCache(ttlMs, { maxBytes = MAX_BYTES, now = Date.now } = {}) {
  // Oldest first: a page stored again moves to the end, so the expired ones are at the start.
  const store = new Map();
  let storedBytes = 0;
  const sizeOf = (entry) => entry.body.length + (entry.gzip?.length ?? 0);
  const drop = (key, entry) => {
    store.delete(key);
    storedBytes -= sizeOf(entry);
  };
  const dropExpired = (at) => {
    for (const [key, entry] of store) {
      if (at - entry.at < ttlMs) break;
      drop(key, entry);
    }
  };
  const gzipOf = (entry) => {
    if (entry.gzip) return entry.gzip;
    const gzip = zlib.gzipSync(entry.body);
    if (storedBytes + gzip.length <= maxBytes) {
      entry.gzip = gzip;
      storedBytes += gzip.length;
    }
    return gzip;
  };
  const cacheControl = (leftMs) => `public, max-age=0, s-maxage=${Math.max(0, Math.floor(leftMs / 1000))}`;

  function replay(req, res) {
    if (!store.size || !isPublicPage(req)) return false;
    const hit = store.get(keyOf(req));
    const age = hit ? now() - hit.at : Infinity;
    if (!hit || hit.generation !== generation() || age >= ttlMs) return false;
    const headers = { ...hit.headers, "cache-control": cacheControl(ttlMs - age), "x-convene-cache": "hit" };
    if (matches(req, hit.headers.etag)) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    const gzip = acceptsGzip(req);
    const body = gzip ? gzipOf(hit) : hit.body;
    if (gzip) headers["content-encoding"] = "gzip";
    headers["content-length"] = body.length;
    res.writeHead(hit.status, headers);
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  }

  function keep(req, res, next) {
    if (!isPublicPage(req)) return next();
    const key = keyOf(req);
    // Hold the whole response back: the ETag is a header, and it depends on the body.
    const chunks = [];
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    const hold = (chunk, encoding) => {
      if (chunk && typeof chunk !== "function") chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"));
    };
    const startedGeneration = generation();
    res.write = (chunk, encoding) => {
      hold(chunk, encoding);
      return true;
    };
    res.end = (chunk, encoding, callback) => {
      hold(chunk, encoding);
      res.write = write;
      res.end = end;
      const body = Buffer.concat(chunks);
      const cacheable = res.statusCode === 200 && !res.getHeader("set-cookie") && !res.getHeader("cache-control");
      if (!cacheable) return end(body, callback);
      res.setHeader("ETag", etagOf(body));
      res.setHeader("Vary", "Cookie, Authorization, Accept-Language");
      res.setHeader("Cache-Control", ttlMs > 0 ? cacheControl(ttlMs) : "no-cache");
      if (ttlMs > 0 && req.method === "GET" && generation() === startedGeneration) {
        const at = now();
        dropExpired(at);
        const previous = store.get(key);
        if (previous) drop(key, previous);
        if (store.size >= MAX_ENTRIES || storedBytes + body.length > maxBytes) {
          store.clear();
          storedBytes = 0;
        }
        const { "content-length": _length, "content-encoding": _encoding, "cache-control": _control, ...headers } = res.getHeaders();
        // The compression middleware adds Accept-Encoding to Vary when it sends the page; the replay compresses too.
        headers.vary = "Cookie, Authorization, Accept-Language, Accept-Encoding";
        if (body.length <= maxBytes) {
          storedBytes += body.length;
          store.set(key, { at, generation: startedGeneration, status: 200, headers, body });
        }
      }
      if (matches(req, res.getHeader("etag"))) {
        res.statusCode = 304;
        return end(callback);
      }
      return end(req.method === "HEAD" ? undefined : body, callback);
    };
    next();
  }

  /** What the store holds now (for tests): pages and bytes, gzip copies included. */
  const held = () => ({ pages: store.size, bytes: storedBytes });

  return { replay, keep, held };
}

const CHANGED = "convene:public-pages-changed";

/**
 * In a worker of `WEB_CONCURRENCY` (scripts/server.mjs): a write in this process tells the others, and
 * theirs empty this process's store, so the workers behind one port act as one instance for the pages
 * they keep. Messages only bump the counter: a page rendered while one arrives is not stored.
 */
export function shareGeneration(proc) {
  let value = globalThis.__convenePublicGeneration ?? 0;
  Object.defineProperty(globalThis, "__convenePublicGeneration", {
    configurable: true,
    get: () => value,
    set: (next) => {
      value = next;
      proc.send?.({ type: CHANGED });
    },
  });
  proc.on("message", (message) => {
    if (message?.type === CHANGED) value += 1;
  });
}

/** In the primary process: passes a worker's "pages changed" to every other worker. */
export function relayGenerations(cluster) {
  cluster.on("message", (from, message) => {
    if (message?.type !== CHANGED) return;
    for (const worker of Object.values(cluster.workers ?? {})) if (worker && worker !== from) worker.send(message);
  });
}

/** Names the instance that answered (X-Convene-Instance), so a cluster's spread over its instances can be checked. */
export function instanceHeader(name = process.env.CONVENE_INSTANCE ?? `${os.hostname()}:${process.env.PORT ?? 3000}`) {
  return (_req, res, next) => {
    res.setHeader("X-Convene-Instance", name);
    next();
  };
}
