// Production server: Express with the Remix request handler, compression, static assets and HTTP caching
// of anonymous public pages (scripts/page-cache.mjs; docs/decisions/005 and 061).
// `npm start` runs it; PORT (default 3000) and HOST are honoured; REMIX_BUILD_DIR picks the build.
import path from "node:path";
import { pathToFileURL } from "node:url";
import express from "express";
import compression from "compression";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals } from "@remix-run/node";
import { instanceHeader, pageCache } from "./page-cache.mjs";

process.env.NODE_ENV = process.env.NODE_ENV ?? "production";
installGlobals({ nativeFetch: true });

const buildDir = path.resolve(process.env.REMIX_BUILD_DIR ?? "build");
const build = await import(pathToFileURL(path.join(buildDir, "server/index.js")).href);

const app = express();
app.disable("x-powered-by");
// Behind nginx (npm run cluster): TRUST_PROXY=loopback makes req.ip the client from X-Forwarded-For.
if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);
app.use(instanceHeader());
app.use(compression());
app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
app.use(pageCache(Number(process.env.PAGE_CACHE_MS ?? 5_000)));
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
