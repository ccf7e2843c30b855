// Production server: Express with the Remix request handler, compression, static assets and a
// micro-cache of anonymous public pages (docs/decisions/005-production-server.md).
// `npm start` runs it; PORT (default 3000) and HOST are honoured; REMIX_BUILD_DIR picks the build.
import path from "node:path";
import { pathToFileURL } from "node:url";
import express from "express";
import compression from "compression";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals } from "@remix-run/node";

process.env.NODE_ENV = process.env.NODE_ENV ?? "production";
installGlobals({ nativeFetch: true });

const buildDir = path.resolve(process.env.REMIX_BUILD_DIR ?? "build");
// Loading the build checks the configuration (app/utils/env.server.ts): a bad one stops here, before listening.
const build = await import(pathToFileURL(path.join(buildDir, "server/index.js")).href).catch((error) => {
  console.error(error?.name === "ConfigurationError" ? error.message : error);
  process.exit(1);
});

// Pages that look the same to every anonymous visitor. Anything else (self-service links, the dev
// mailbox, forms) is never cached.
const PUBLIC_PAGE = /^\/(?:meetings(?:\/[\w-]+(?:\/agenda|\/calendar\.ics)?)?|series(?:\/[\w-]+(?:\/calendar\.ics)?)?)?(?:\.data)?$/;
const TTL_MS = Number(process.env.PAGE_CACHE_MS ?? 5_000);
const MAX_ENTRIES = 1_000;
const cache = new Map();
// Domain writes bump this counter (app/domain/meetings/public-cache.server.ts), emptying the cache.
const generation = () => globalThis.__convenePublicGeneration ?? 0;

function microcache(req, res, next) {
  if (TTL_MS <= 0 || (req.method !== "GET" && req.method !== "HEAD") || req.headers.cookie || req.headers.authorization) return next();
  if (!PUBLIC_PAGE.test(req.path)) return next();
  const key = req.originalUrl;
  const hit = cache.get(key);
  if (hit && hit.generation === generation() && Date.now() - hit.at < TTL_MS) {
    res.status(hit.status);
    for (const [name, value] of Object.entries(hit.headers)) res.setHeader(name, value);
    res.setHeader("X-Convene-Cache", "hit");
    return res.end(req.method === "HEAD" ? undefined : hit.body);
  }
  const chunks = [];
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  const keep = (chunk, encoding) => {
    if (chunk && typeof chunk !== "function") chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"));
  };
  const startedGeneration = generation();
  res.write = (chunk, ...rest) => {
    keep(chunk, rest[0]);
    return write(chunk, ...rest);
  };
  res.end = (chunk, ...rest) => {
    keep(chunk, rest[0]);
    const headers = res.getHeaders();
    if (req.method === "GET" && res.statusCode === 200 && !headers["set-cookie"] && generation() === startedGeneration) {
      if (cache.size >= MAX_ENTRIES) cache.clear();
      const { "content-length": _length, "content-encoding": _encoding, ...stored } = headers;
      cache.set(key, { at: Date.now(), generation: startedGeneration, status: 200, headers: stored, body: Buffer.concat(chunks) });
    }
    return end(chunk, ...rest);
  };
  next();
}

const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
app.use(microcache);
app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (req, res) => ({ clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown", cspNonce: res.locals.cspNonce }),
  }),
);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST;
const onListen = () => console.info(`Convene listening on http://${host ?? "localhost"}:${port}`);
const server = host ? app.listen(port, host, onListen) : app.listen(port, onListen);
for (const signal of ["SIGTERM", "SIGINT"]) process.once(signal, () => server.close(() => process.exit(0)));
