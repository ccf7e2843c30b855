// Production server: Node's HTTP server with the Remix request handler (scripts/node-adapter.mjs), compression,
// static assets, HTTP caching of anonymous public pages (scripts/page-cache.mjs; docs/decisions/005 and 061),
// security headers and refusals of malformed requests before they reach Remix (docs/decisions/051-security-headers.md),
// and page reads let through a few per turn of the event loop (scripts/request-turns.mjs, docs/decisions/099-request-turns.md).
// The steps are connect-style middleware run in order by `inOrder`; there is no Express (docs/decisions/100-server-without-express.md).
// `npm start` runs it; PORT (default 3000) and HOST are honoured; REMIX_BUILD_DIR picks the build;
// TRUST_PROXY (e.g. `loopback` or a hop count) makes the client's address the one behind a reverse proxy.
// WEB_CONCURRENCY=n (default 1) serves from n processes sharing the port (node:cluster), one per core.
import { serverHeapGrowing } from "./v8-flags.mjs";
import cluster from "node:cluster";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import compression from "compression";
import helmet from "helmet";
import serveStatic from "serve-static";
import { installGlobals } from "@remix-run/node";
import { instanceHeader, isPublicPage, pageCache, pathOf, relayGenerations, shareGeneration } from "./page-cache.mjs";
import { pagesByTurn } from "./request-turns.mjs";
import { clientAddress, firstOf, inOrder, remixHandler, trustedProxies } from "./node-adapter.mjs";

process.env.NODE_ENV = process.env.NODE_ENV ?? "production";
serverHeapGrowing();

/** A whole number from the environment within [min, max] (`fallback` when unset); otherwise says what to set and stops. */
function wholeNumber(name, fallback, min, max, hint) {
  const value = Number(process.env[name] || fallback);
  if (Number.isInteger(value) && value >= min && value <= max) return value;
  console.error(`Invalid configuration:\n  ${name}: ${process.env[name]} (${hint})`);
  process.exit(1);
}

const workers = wholeNumber("WEB_CONCURRENCY", 1, 1, 64, "use a whole number of processes, e.g. 2");

// A connection on which nothing moves either way for SOCKET_IDLE_MS (default 2 minutes) is closed; Node's default
// is never. A client that stops reading a streamed download would otherwise keep its current file in memory for
// as long as it stays connected (docs/decisions/091-heap-limits.md, addendum).
const socketIdleMs = wholeNumber("SOCKET_IDLE_MS", 120_000, 1000, Infinity, "use a whole number of milliseconds, at least 1000");

/**
 * The primary process only starts, restarts and stops the workers; each worker is a whole server (a
 * connection goes to one of them). Like several instances on one database (docs/decisions/061), they
 * share no data in memory, and the page stores are emptied together (relayGenerations). Only the first
 * worker sends mail inline, so one process drains the outbox (MAIL_WORKER=inline).
 */
async function serveFromWorkers(count) {
  let stopping = false;
  const roles = new Map();
  const start = (index) => {
    const worker = cluster.fork(index === 0 ? {} : { MAIL_WORKER: "off" });
    roles.set(worker.id, index);
  };
  relayGenerations(cluster);
  cluster.on("exit", (worker, code, signal) => {
    const index = roles.get(worker.id);
    roles.delete(worker.id);
    if (stopping) {
      if (!roles.size) process.exit(0);
      return;
    }
    // A worker that fails at start (a bad configuration) would fail again: stop, as a single process would.
    if (!worker.listening) {
      console.error(`Worker ${index} stopped before listening (code ${code ?? signal}).`);
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.kill();
      process.exit(1);
    }
    console.error(`Worker ${index} exited (${code ?? signal}); starting it again.`);
    start(index);
  });
  cluster.on("listening", (worker) => {
    worker.listening = true;
  });
  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.once(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    });
  }
  for (let index = 0; index < count; index++) start(index);
}

// Only the app's own scripts run: the inline scripts Remix renders carry this response's nonce.
// Style attributes are allowed (React `style` props and the mail previews' HTML); nothing else inline.
const APP_IS_HTTPS = new URL(process.env.APP_URL ?? "http://localhost:3000").protocol === "https:";
const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      "default-src": ["'self'"],
      "base-uri": ["'none'"],
      "connect-src": ["'self'"],
      "font-src": ["'self'"],
      "form-action": ["'self'"],
      "frame-ancestors": ["'none'"],
      "frame-src": ["'none'"],
      "img-src": ["'self'"],
      "object-src": ["'none'"],
      "script-src": ["'self'", (_req, res) => `'nonce-${res.cspNonce}'`],
      "script-src-attr": ["'none'"],
      "style-src": ["'self'"],
      "style-src-attr": ["'unsafe-inline'"],
      ...(APP_IS_HTTPS ? { "upgrade-insecure-requests": [] } : {}),
    },
  },
  // Sign-in, registration and progress links carry their token in the URL: never send it elsewhere.
  // (no-referrer would also make browsers send `Origin: null` on our own forms, which readForm refuses.)
  referrerPolicy: { policy: "same-origin" },
  xFrameOptions: { action: "deny" },
  strictTransportSecurity: APP_IS_HTTPS ? { maxAge: 31_536_000, includeSubDomains: false } : false,
});

// Each response's CSP nonce is 16 bytes from the system's random source, never used twice. They are cut from a
// 4 KB block read at once: a call per page cost more than the bytes (docs/decisions/094-document-writer.md).
let nonceBytes = Buffer.alloc(0);
let nonceAt = 0;
function cspNonce() {
  if (nonceAt + 16 > nonceBytes.length) {
    nonceBytes = crypto.randomBytes(4096);
    nonceAt = 0;
  }
  nonceAt += 16;
  return nonceBytes.toString("base64", nonceAt - 16, nonceAt);
}

/** Whatever a route says, a response that may show a person's data or a token is never stored. */
function noStore(req, res, next) {
  if (isPublicPage(req)) return next();
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    res.setHeader("Cache-Control", "no-store");
    return writeHead.apply(this, args);
  };
  next();
}

// Forms are small; the CSV imports accept 1 MB files (multipart adds a little).
const MB = 1024 * 1024;
const BODY_LIMIT = 2 * MB;
// A body somewhat over the limit is read and dropped before the 413, so the client gets the answer
// instead of a broken pipe; anything larger is answered at once and the connection closed.
const DRAIN_LIMIT = 16 * MB;
// Uploads (multipart) may carry a document of up to DOCUMENT_MAX_MB (files.server.ts reads the same
// variable). A file somewhat larger still reaches the form, which answers with its own clear error;
// beyond that margin the request is refused here, before it is read into memory.
const UPLOAD_LIMIT = (Math.max(1, Number(process.env.DOCUMENT_MAX_MB) || 20) + 16) * MB;
const isMultipart = (req) => (req.headers["content-type"] ?? "").toLowerCase().startsWith("multipart/form-data");
const METHODS = new Set(["GET", "HEAD", "POST"]);

const hostOf = (origin) => {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
};

/** A short plain-text answer (Node leaves out the body of an answer to HEAD). */
function answer(res, status, message, headers = {}) {
  res.writeHead(status, { ...headers, "Content-Type": "text/plain; charset=utf-8", "Content-Length": Buffer.byteLength(message) });
  res.end(message);
}

/** Refusals of requests no page of the app sends, before Remix reads anything. */
function refuseMalformed(req, res, next) {
  const refuse = (status, message, headers) => answer(res, status, message, headers);
  if (!METHODS.has(req.method)) return refuse(405, "Convene's pages accept GET and POST only.", { Allow: "GET, HEAD, POST" });
  if (req.method === "POST") {
    const length = req.headers["content-length"];
    if (length === undefined && req.headers["transfer-encoding"]) return refuse(411, "Send the form with a Content-Length.");
    const [limit, drain] = isMultipart(req) ? [UPLOAD_LIMIT, UPLOAD_LIMIT + DRAIN_LIMIT] : [BODY_LIMIT, DRAIN_LIMIT];
    if (Number(length) > limit) {
      const tooLarge = () => refuse(413, "This form is too large to send.", { Connection: "close" });
      if (Number(length) > drain) return tooLarge();
      req.on("error", () => {});
      req.once("end", tooLarge);
      req.resume();
      return;
    }
    // Cross-site posts are refused here for every route, before a session check could redirect them;
    // readForm applies the same rule (and compares Origin with APP_URL) wherever the app runs. Remix's
    // own check (Origin against Host or X-Forwarded-Host) would otherwise answer a bare 500.
    const site = req.headers["sec-fetch-site"];
    const origin = req.headers.origin;
    const forwardedHost = req.headers["x-forwarded-host"];
    const crossSite = site && site !== "same-origin" && site !== "none";
    if (crossSite || (origin && hostOf(origin) !== ((forwardedHost && firstOf(forwardedHost)) || req.headers.host))) {
      return refuse(403, "This form can only be sent from Convene's own pages.");
    }
  }
  next();
}

/**
 * Errors that reach the server come from a middleware or the adapter, not from routes (Remix renders those):
 * an unparsable Host or URL is the client's fault (400); anything else is logged and answered 500. Once the
 * answer has started, the connection is closed instead.
 */
function errorPage(error, _req, res) {
  const clientError = error?.code === "ERR_INVALID_URL" ? 400 : error?.status >= 400 && error?.status < 500 ? error.status : 0;
  if (!clientError) console.error(error);
  if (res.headersSent) return res.destroy();
  answer(res, clientError || 500, clientError ? "The request could not be understood." : "Something went wrong.");
}

async function serve() {
  installGlobals({ nativeFetch: true });

  if (cluster.isWorker) shareGeneration(process);
  const buildDir = path.resolve(process.env.REMIX_BUILD_DIR ?? "build");
  // Loading the build checks the configuration (app/utils/env.server.ts): a bad one stops here, before listening.
  const build = await import(pathToFileURL(path.join(buildDir, "server/index.js")).href).catch((error) => {
    console.error(error?.name === "ConfigurationError" ? error.message : error);
    process.exit(1);
  });

  let trust;
  try {
    trust = trustedProxies(process.env.TRUST_PROXY);
  } catch (error) {
    console.error(`Invalid configuration:\n  TRUST_PROXY: ${error.message} (use a hop count such as 1, or loopback, or addresses/subnets)`);
    process.exit(1);
  }
  // A stored page is replayed before any step runs (see the server below), with the headers it was sent
  // with (its CSP nonce is the one in its HTML), compressed once for every client that accepts gzip.
  const pages = pageCache(build.entry.module.pageCacheMs());
  // The built assets and the files in public/ are listed once: a static middleware in front of every route
  // would ask the disk for each page's path first (a stat per request, 2-3 % of a rendered page's CPU).
  // The build's client folder (mounted at the build's public path, "/") holds the hashed assets and a copy of
  // public/; neither changes while serving.
  const filesIn = (dir) =>
    new Set(
      fs.readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => "/" + path.relative(dir, path.join(entry.parentPath ?? entry.path, entry.name)).split(path.sep).join("/")),
    );
  const files = (dir, options) => {
    const listed = filesIn(dir);
    const serve = serveStatic(dir, options);
    return (req, res, next) => (listed.has(pathOf(req)) ? serve(req, res, next) : next());
  };
  const app = remixHandler({
    build,
    mode: process.env.NODE_ENV,
    trust,
    loadContext: (req, res) => ({ clientIp: clientAddress(req, trust) ?? "unknown", cspNonce: res.cspNonce }),
  });
  const steps = inOrder(
    [
      instanceHeader(),
      compression(),
      (_req, res, next) => {
        res.cspNonce = cspNonce();
        next();
      },
      securityHeaders,
      files(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }),
      files("public", { maxAge: "1h" }),
      noStore,
      refuseMalformed,
      pages.keep,
      // Page reads reach Remix a few per turn of the event loop, in the order they came (docs/decisions/099).
      pagesByTurn(),
      (req, res, next) => app(req, res).catch(next),
    ],
    errorPage,
  );

  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST;
  const onListen = () => console.info(`Convene listening on http://${host ?? "localhost"}:${port}`);
  const server = http.createServer((req, res) => {
    if (!pages.replay(req, res)) steps(req, res);
  });
  // With no 'timeout' listener, Node destroys the idle socket; a streamed body then stops (patches/@remix-run+node).
  server.timeout = socketIdleMs;
  if (host) server.listen(port, host, onListen);
  else server.listen(port, onListen);
  for (const signal of ["SIGTERM", "SIGINT"]) process.once(signal, () => server.close(() => process.exit(0)));
}

if (workers > 1 && cluster.isPrimary) {
  await serveFromWorkers(workers);
} else {
  await serve();
}
