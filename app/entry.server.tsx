import type { Writable } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
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

/** How long scripts/server.mjs keeps anonymous public pages: read from the one checked configuration. */
export const pageCacheMs = () => env().PAGE_CACHE_MS;

const ABORT_DELAY = 5_000;

const DOCUMENT_END = Buffer.from("</body></html>");

/**
 * Moves the document's closing `</body></html>` to the end. React 18 writes it as soon as the shell is
 * complete, and what comes after it (Remix's single-fetch data scripts, React's Suspense completion
 * scripts) would then stand after `</html>`: invalid HTML (the Nu checker's "stray start tag"), which
 * browsers repair silently (docs/decisions/071). React 19 defers it in the same way.
 */
export function deferDocumentEnd(html: Buffer): Buffer {
  const at = html.indexOf(DOCUMENT_END);
  if (at < 0 || at === html.length - DOCUMENT_END.length) return html;
  return Buffer.concat([html.subarray(0, at), html.subarray(at + DOCUMENT_END.length), DOCUMENT_END]);
}

/**
 * What React's pipe() writes the document to: it keeps the pieces and hands over the whole document once React
 * ends it. React uses only write, end, destroy (on a fatal error) and the listeners it adds; a stream.Writable
 * would add its buffering per piece, and its 'close' after finishing makes React abort the finished render and
 * end the stream again (an ERR_STREAM_ALREADY_FINISHED error built per page; docs/decisions/094-document-writer.md).
 */
function documentSink(done: (html: Buffer) => void, failed: (error: unknown) => void): Writable {
  const pieces: Uint8Array[] = [];
  let ended = false;
  const sink = {
    write(piece: Uint8Array) {
      pieces.push(piece);
      return true;
    },
    end() {
      if (ended) return sink;
      ended = true;
      done(deferDocumentEnd(Buffer.concat(pieces)));
      return sink;
    },
    destroy(error?: unknown) {
      if (!ended) failed(error);
      ended = true;
      return sink;
    },
    on: () => sink,
  };
  return sink as unknown as Writable;
}

type HandoffChunk = Promise<void> & { result?: { done: boolean; value: string }; error?: unknown };
type HandoffContext = EntryContext & { serverHandoffStream?: ReadableStream<Uint8Array>; renderMeta?: { streamCache?: Record<number, HandoffChunk> } };

/**
 * Reads the page's data for the browser (Remix's single-fetch stream, turbo-stream text) before React renders, and
 * hands it to Remix's StreamTransfer as chunks it has already read (its `renderMeta.streamCache`, chunk 0 first).
 * StreamTransfer otherwise reads the stream while React renders: it suspends for each chunk and for the end,
 * and React renders its boundary again each time. The page is sent whole anyway (onAllReady), so reading
 * first waits for nothing more. A data stream with deferred values still ends before onAllReady would fire.
 */
async function readHandoff(context: HandoffContext): Promise<void> {
  const stream = context.serverHandoffStream;
  if (!stream || !context.renderMeta || context.renderMeta.streamCache) return;
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const cache: Record<number, HandoffChunk> = {};
  for (let i = 0; ; i++) {
    const chunk: HandoffChunk = Promise.resolve();
    cache[i] = chunk;
    try {
      const { done, value } = await reader.read();
      chunk.result = { done, value: decoder.decode(value, { stream: true }) };
      if (done) break;
    } catch (error) {
      chunk.error = error;
      break;
    }
  }
  reader.releaseLock();
  context.renderMeta.streamCache = cache;
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
  // Every reader gets the whole document at once, rendered to the end (onAllReady) and sent as one buffer
  // with its length: the pages read all their data in their loaders (nothing is deferred), so the shell
  // would be ready only a moment earlier, and a document streamed in React's 2 KB pieces cost a socket
  // write, a web-stream read and a compression call per piece (docs/decisions/085-rendered-pages.md).
  // The reader's language (app/i18n/i18n.server.ts); the server has every namespace in memory.
  const language = await languageOf(request, loadContext);
  await readHandoff(remixContext);
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
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          pipe(
            documentSink(
              (html) => {
                clearTimeout(timer);
                responseHeaders.set("Content-Type", "text/html");
                responseHeaders.set("Content-Length", String(html.length));
                resolve(new Response(new Uint8Array(html.buffer as ArrayBuffer, html.byteOffset, html.length), { headers: responseHeaders, status: responseStatusCode }));
              },
              (error) => {
                clearTimeout(timer);
                reject(error);
              },
            ),
          );
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    // The abort timer holds React's whole render (the element tree, the loader data, the document's pieces)
    // until it fires: it is cleared once the document is complete, or a busy server keeps every document of
    // the last five seconds alive (docs/decisions/063-read-path.md, memory). React calls back from a later
    // turn (it starts rendering in setImmediate), so the callbacks above see it set.
    const timer = setTimeout(abort, ABORT_DELAY);
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
