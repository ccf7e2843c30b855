// Remix on Node's own HTTP server (docs/decisions/100-server-without-express.md): the server's steps run in
// order (`inOrder`), a request becomes a Fetch API Request and Remix's Response is written back (`remixHandler`).
// It does what Express and @remix-run/express did for this app, without their request and response objects,
// and takes the client's address and the URL's scheme and host from the proxy headers only when the
// connection comes from a trusted proxy (TRUST_PROXY), as Express did.
/* global AbortController, Headers, Request -- installGlobals({ nativeFetch: true }) in scripts/server.mjs: Node's own */
import proxyaddr from "proxy-addr";
import { createReadableStreamFromReadable, createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";

/**
 * Which hops to believe, from TRUST_PROXY: unset trusts none; a whole number trusts that many hops; anything
 * else is a comma-separated list of addresses, subnets or the names proxy-addr knows (`loopback`, `uniquelocal`).
 * Express's "trust proxy" setting took the same values; an unknown name throws (the server says what to set).
 */
export function trustedProxies(value) {
  if (!value) return () => false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return proxyaddr.compile(value.split(",").map((part) => part.trim()));
}

/** The first value of a header that may list several (`X-Forwarded-Host: a, b` gives `a`). */
export const firstOf = (header) => {
  const comma = header.indexOf(",");
  return (comma < 0 ? header : header.slice(0, comma)).trim();
};

/**
 * One request listener from connect-style steps `(req, res, next)`, run in order: a step answers, or calls
 * `next()` for the following one, or `next(error)` for the error page. The last step is the app and always answers.
 */
export function inOrder(steps, onError) {
  return (req, res) => {
    let at = 0;
    const next = (error) => {
      const step = steps[at++];
      if (error || !step) return onError(error ?? new Error(`Nothing answered ${req.method} ${req.url}`), req, res);
      try {
        step(req, res, next);
      } catch (thrown) {
        onError(thrown, req, res);
      }
    };
    next();
  };
}

/** The client's address: the connection's peer, or the nearest untrusted address a trusted proxy names. */
export const clientAddress = (req, trust) => proxyaddr(req, trust);

/** The URL the client asked for, with the scheme and host a trusted proxy forwarded. A bad host or path throws ERR_INVALID_URL. */
export function requestUrl(req, trust) {
  const proxied = trust(req.socket.remoteAddress, 0);
  const forwardedProto = proxied && req.headers["x-forwarded-proto"];
  const forwardedHost = proxied && req.headers["x-forwarded-host"];
  const scheme = forwardedProto ? firstOf(forwardedProto) : req.socket.encrypted ? "https" : "http";
  const host = forwardedHost ? firstOf(forwardedHost) : req.headers.host;
  // Only origin-form targets ("/path?query") reach the app; a browser sends nothing else.
  if (req.url[0] !== "/") throw Object.assign(new TypeError("Invalid URL"), { code: "ERR_INVALID_URL" });
  return new URL(`${scheme}://${host}${req.url}`).href;
}

function headersOf(req) {
  const headers = new Headers();
  for (const name in req.headers) {
    const value = req.headers[name];
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const one of value) headers.append(name, one);
    else headers.set(name, value);
  }
  return headers;
}

/** The Fetch API Request for a Node request; its signal aborts if the client goes before the response is sent. */
function remixRequest(req, res, trust) {
  let controller = new AbortController();
  const init = { method: req.method, headers: headersOf(req), signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = createReadableStreamFromReadable(req);
    init.duplex = "half";
  }
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  return new Request(requestUrl(req, trust), init);
}

async function sendResponse(res, response) {
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  // Each Set-Cookie comes on its own; a header a middleware set before (Vary) gets the route's value added.
  for (const [name, value] of response.headers) res.appendHeader(name, value);
  if (/text\/event-stream/i.test(response.headers.get("Content-Type") ?? "")) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/**
 * A Node request listener for the Remix build: `(req, res)` returns a promise that settles once the response is
 * written, and rejects with what failed outside the routes (a bad URL; Remix renders the routes' own errors).
 * `loadContext(req, res)` gives each request's load context.
 */
export function remixHandler({ build, mode, trust, loadContext }) {
  const handle = createRequestHandler(build, mode);
  return async (req, res) => {
    const request = remixRequest(req, res, trust);
    await sendResponse(res, await handle(request, loadContext(req, res)));
  };
}
