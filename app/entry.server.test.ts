import v8 from "node:v8";
import vm from "node:vm";
import { createElement, lazy, Suspense } from "react";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { Scripts, useLoaderData } from "@remix-run/react";
import { describe, expect, it } from "vitest";
import * as entry from "~/entry.server";

// React 18's Node renderer encoded HTML into 2,048-byte views; a multi-byte character that did not fit
// the rest of a view left its unwritten bytes as NUL in the output (facebook/react#26228, fixed in React 19;
// docs/decisions/071). Since decision 094 the patched writer (patches/react-dom+18.3.1.patch) keeps the pieces
// as strings and encodes them at each flush or at 8 KB of text. Each page below is served through the real
// Remix request handler and this app's entry.server handleRequest; an ASCII prefix of 0..PREFIXES-1 characters
// shifts where the 2-, 3- and 4-byte characters fall, so every alignment at a view's or a flush's end is rendered.

const PHRASES = ["États membres", "Réunion № 7", "Δελτίο", "Пленарное заседание", "会议议程", "Zürich 😀 Łódź"];
const PREFIXES = 12;
const BROWSER = { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0" };
const ITEMS = 400;

function page(prefix: number) {
  const items = Array.from({ length: ITEMS }, (_, i) => `${i}: ${PHRASES[i % PHRASES.length]}`);
  return function Root() {
    return createElement(
      "html",
      { lang: "fr" },
      createElement("head", null, createElement("meta", { charSet: "utf-8" }), createElement("title", null, "États")),
      createElement("body", null, createElement("p", null, "x".repeat(prefix)), createElement("ul", null, items.map((t) => createElement("li", { key: t }, t)))),
    );
  };
}

function buildFor(Root: () => ReturnType<typeof createElement>, loader?: () => unknown): ServerBuild {
  return {
    mode: "production",
    entry: { module: entry },
    routes: { root: { id: "root", path: "", module: { default: Root, ...(loader ? { loader } : {}) } } },
    assets: {
      entry: { imports: [], module: "/entry.client.js" },
      routes: { root: { id: "root", path: "", module: "/root.js", hasAction: false, hasLoader: !!loader, hasClientAction: false, hasClientLoader: false, hasErrorBoundary: false } },
      url: "/manifest.js",
      version: "test",
    },
    publicPath: "/",
    assetsBuildDirectory: "public/build",
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_singleFetch: true, v3_lazyRouteDiscovery: true, v3_routeConfig: true } as ServerBuild["future"],
    isSpaMode: false,
  } as ServerBuild;
}

describe("streamed HTML (entry.server handleRequest)", () => {
  it("has no NUL byte and keeps every non-ASCII character, whatever falls at a chunk boundary", async () => {
    for (let prefix = 0; prefix < PREFIXES; prefix++) {
      const handler = createRequestHandler(buildFor(page(prefix)), "production");
      // A browser's user agent: the shell is streamed (onShellReady), as for people, not bots.
      const response = await handler(new Request("http://localhost/", { headers: BROWSER }));
      expect(response.status).toBe(200);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(bytes.length).toBeGreaterThan(4 * 2048);
      expect(bytes.indexOf(0), `NUL byte with a ${prefix}-character prefix`).toBe(-1);
      const html = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      for (let i = 0; i < ITEMS; i++) expect(html).toContain(`<li>${i}: ${PHRASES[i % PHRASES.length]}</li>`);
    }
  });

  it("ends the document after everything streamed once the shell was sent, so no script stands after </html>", async () => {
    // A part that is ready only after the shell went out, as slow data is: React 18 sends the shell with
    // </body></html>, then the part and its script; entry.server holds the closing tags back to the end.
    const Late = lazy(() => new Promise<{ default: () => ReturnType<typeof createElement> }>((resolve) => setTimeout(() => resolve({ default: () => createElement("p", null, "Arrivé plus tard") }), 50)));
    function Root() {
      return createElement(
        "html",
        { lang: "fr" },
        createElement("head", null, createElement("meta", { charSet: "utf-8" }), createElement("title", null, "Plus tard")),
        createElement("body", null, createElement(Suspense, { fallback: createElement("p", null, "…") }, createElement(Late))),
      );
    }
    const response = await createRequestHandler(buildFor(Root), "production")(new Request("http://localhost/", { headers: BROWSER }));
    const html = await response.text();
    expect(html).toContain("Arrivé plus tard");
    expect(html.indexOf("</body></html>")).toBe(html.length - "</body></html>".length);
    expect(html.match(/<\/html>/g)).toHaveLength(1);
  });

  it("keeps nothing of a render once its document is sent (no timer holds the rendered tree)", async () => {
    // The element tree of a finished render (and through it the loader data of the page) must be
    // collectable at once: a busy server renders hundreds of pages a second, and anything kept alive for
    // the abort delay (5 s) is multiplied by that (docs/decisions/063-read-path.md, memory).
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    async function renderOnce(): Promise<WeakRef<object>> {
      const payload = { rows: Array.from({ length: 1_000 }, (_, i) => `row ${i}`) };
      const Rows = ({ data }: { data: typeof payload }) => createElement("ul", null, data.rows.slice(0, 3).map((r) => createElement("li", { key: r }, r)));
      function Root() {
        return createElement("html", { lang: "en" }, createElement("head", null, createElement("title", null, "Rows")), createElement("body", null, createElement(Rows, { data: payload })));
      }
      const response = await createRequestHandler(buildFor(Root), "production")(new Request("http://localhost/", { headers: BROWSER }));
      expect(await response.text()).toContain("<li>row 2</li>");
      return new WeakRef(payload);
    }
    const rendered = await renderOnce();
    // A WeakRef read in the job that made it stays alive until the job ends: collect on a later turn.
    await new Promise((resolve) => setTimeout(resolve, 10));
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
    gc();
    expect(rendered.deref(), "the rendered page's data is still reachable after its response").toBeUndefined();
  });

  // The page's data for the browser (Remix's single-fetch stream) is read before React renders (readHandoff,
  // docs/decisions/098-page-handoff.md); Remix's StreamTransfer writes it from what was read.
  const greeting = "Grüße <script>alert(1)</script> & “quotes”";
  function DataPage() {
    const data = useLoaderData<{ greeting: string }>();
    return createElement(
      "html",
      { lang: "de" },
      createElement("head", null, createElement("title", null, "Daten")),
      createElement("body", null, createElement("p", null, data.greeting), createElement(Scripts)),
    );
  }
  const dataBuild = () => buildFor(DataPage, () => ({ greeting, rows: Array.from({ length: 300 }, (_, i) => `Zeile ${i} – ü`) }));

  it("writes the page's data for the browser whole and in order, then closes it, before </html>", async () => {
    const response = await createRequestHandler(dataBuild(), "production")(new Request("http://localhost/", { headers: BROWSER }));
    const html = await response.text();
    const enqueued = [...html.matchAll(/window\.__remixContext\.streamController\.enqueue\((".*?")\);<\/script>/g)].map((m) => JSON.parse(m[1]) as string);
    expect(enqueued.length).toBeGreaterThan(0);
    const data = enqueued.join("");
    expect(data).toContain(JSON.stringify(greeting).slice(1, -1));
    expect(data).toContain("Zeile 299 – ü");
    // The script that ends the stream comes after every chunk, and the document ends last.
    expect(html.indexOf("streamController.close()")).toBeGreaterThan(html.lastIndexOf("streamController.enqueue("));
    expect(html.indexOf("</body></html>")).toBe(html.length - "</body></html>".length);
    // Escaped in the script: the greeting's own </script> does not end it.
    expect(html.match(/<script>alert/g)).toBeNull();
  });

  it("leaves no timer behind a page once its data is encoded (patches/@remix-run+server-runtime)", async () => {
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;
    const handler = createRequestHandler(dataBuild(), "production");
    await (await handler(new Request("http://localhost/", { headers: BROWSER }))).text();
    const before = timers();
    for (let i = 0; i < 5; i++) await (await handler(new Request("http://localhost/", { headers: BROWSER }))).text();
    // Unpatched, Remix's 4.95 s stream timeout stayed set after every page (five more here).
    expect(timers()).toBe(before);
  });
});
