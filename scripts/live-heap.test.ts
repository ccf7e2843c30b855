import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

// What the web server keeps alive decides how often V8 must mark its whole heap under load, and the requests
// caught in the marking made the rendered pages' p95 (docs/decisions/095-live-heap.md). The probe loads the
// database client, runs a query, loads the PDF modules, collects, and reads a heap snapshot.
describe("the server's live heap", () => {
  it("holds no copy of the query compiler's text, no holey edge arrays, and no pdfkit until a PDF is made", async () => {
    const { stdout } = await run(process.execPath, ["--expose-gc", "--import", "tsx", "scripts/live-heap-probe.ts"], { env: process.env, maxBuffer: 1 << 20 });
    const probe = JSON.parse(stdout.trim().split("\n").pop()!) as { largestString: { bytes: number; start: string }; elementStores: number; pdfScripts: string[] };
    // The compiler's base64 text is 4.2 MB; the largest source any of these modules has is under 0.4 MB.
    expect(probe.largestString.bytes, probe.largestString.start).toBeLessThan(1 << 20);
    // The query graph's edges as objects keyed by string index were 16 MB of element stores; as Maps, under 0.5.
    expect(probe.elementStores).toBeLessThan(4 << 20);
    expect(probe.pdfScripts).toEqual([]);
  });
});
