import { Transform, type TransformCallback } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { bundlesOf } from "~/i18n/bundles.server";
import { languageOf } from "~/i18n/i18n.server";
import { TranslationProvider } from "~/i18n/react";
import { dbReady } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { startInlineWorker } from "~/domain/mail/worker.server";
import { NonceProvider } from "~/utils/nonce-provider";

// Remix's default Node entry, plus two additions. Configuration is checked when the server loads
// the build, so a bad or unsafe setting (e.g. production without SMTP_URL) stops it before it
// listens (scripts/server.mjs). The outbox worker starts inside the web process when
// MAIL_WORKER=inline (the default), once per process (startInlineWorker guards on globalThis).
env();
void dbReady().then(startInlineWorker);

const ABORT_DELAY = 5_000;

const DOCUMENT_END = Buffer.from("</body></html>");

/**
 * Holds the document's closing `</body></html>` back to the end of the stream. React 18 writes it as soon
 * as the shell is complete, and what streams after it (Remix's single-fetch data scripts, React's Suspense
 * completion scripts) then stands after `</html>`: invalid HTML (the Nu checker's "stray start tag"),
 * which browsers repair silently (docs/decisions/071). React 19 defers it in the same way. The closing tags
 * are ASCII and may arrive split over chunks, so the last bytes that could begin them wait for the next.
 */
export class DeferDocumentEnd extends Transform {
  private tail = Buffer.alloc(0);
  private found = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    let bytes = this.tail.length ? Buffer.concat([this.tail, chunk]) : chunk;
    this.tail = Buffer.alloc(0);
    if (!this.found) {
      const at = bytes.indexOf(DOCUMENT_END);
      if (at >= 0) {
        this.found = true;
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + DOCUMENT_END.length)]);
      } else {
        const keep = Math.min(bytes.length, DOCUMENT_END.length - 1);
        this.tail = Buffer.from(bytes.subarray(bytes.length - keep));
        bytes = bytes.subarray(0, bytes.length - keep);
      }
    }
    if (bytes.length) this.push(bytes);
    done();
  }

  override _flush(done: TransformCallback) {
    if (this.tail.length) this.push(this.tail);
    if (this.found) this.push(DOCUMENT_END);
    done();
  }
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // The production server's CSP allows inline scripts with this nonce only (docs/decisions/051).
  const nonce = loadContext?.cspNonce ?? "";
  // Crawlers and SPA mode get the whole document at once; browsers get the shell streamed.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  // The reader's language (app/i18n/i18n.server.ts); the server has every namespace in memory.
  const language = await languageOf(request);
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <TranslationProvider language={language} bundles={bundlesOf(language)}>
        <NonceProvider value={nonce}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </NonceProvider>
      </TranslationProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new DeferDocumentEnd();
          responseHeaders.set("Content-Type", "text/html");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/**
 * Only server errors are logged: a request the client gave up on (closed tab, aborted fetch) or a 4xx
 * answer (no such page, a refused or malformed request) is not one, and hostile traffic would flood the log.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted || (isRouteErrorResponse(error) && error.status < 500)) return;
  console.error(error);
};
