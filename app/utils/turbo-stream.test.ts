import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// Remix's server requires turbo-stream's CommonJS build, the one the patch changes; an `import` would get the
// untouched ESM build.
const { decode, encode } = createRequire(import.meta.url)("turbo-stream") as typeof import("turbo-stream");

// patches/turbo-stream+2.4.1.patch (docs/decisions/094-document-writer.md) rewrites how the server encodes
// loader data (single fetch); the browser decodes it with turbo-stream's own, unpatched decoder. Every value
// below is encoded by the patched encoder and decoded again, and must come back equal, shared references kept.

const shared = { name: "Calais Group", tags: ["border", "police"] };
const agenda = [
  { title: "Opening", startsAt: new Date("2026-12-01T08:00:00Z"), people: [shared, shared] },
  { title: "Réunion № 7 – Δελτίο 😀", startsAt: new Date("2026-12-01T09:30:00Z"), people: [] },
];
const values: [string, unknown][] = [
  ["scalars", { a: 1, b: -0, c: Number.NaN, d: Infinity, e: -Infinity, f: null, g: undefined, h: true, i: "", j: 10n }],
  ["nested objects and arrays with repeated keys and values", { meetings: agenda, again: agenda, one: agenda[0], sharedTwice: [shared, shared] }],
  ["maps, sets, dates, URLs, regexps, errors", { m: new Map<unknown, unknown>([["k", shared], [shared, 2]]), s: new Set([1, "x", shared]), u: new URL("https://example.org/a?b=1"), r: /a+b/gi, e: new Error("boom") }],
  ["an object without a prototype", Object.assign(Object.create(null), { x: 1, y: [shared] })],
  // eslint-disable-next-line no-sparse-arrays -- a hole is one of the values the format encodes
  ["holes and empty containers", { sparse: [1, , 3], empty: {}, none: [], emptyMap: new Map(), emptySet: new Set() }],
];

async function roundTrip(value: unknown) {
  const decoded = await decode(encode(value));
  await decoded.done;
  return decoded.value;
}

describe("loader data encoded by the patched turbo-stream", () => {
  it.each(values)("decodes back to the same value: %s", async (_name, value) => {
    expect(await roundTrip(value)).toEqual(value);
  });

  it("keeps shared references shared", async () => {
    const back = (await roundTrip({ a: shared, b: [shared], c: { d: shared } })) as { a: unknown; b: unknown[]; c: { d: unknown } };
    expect(back.b[0]).toBe(back.a);
    expect(back.c.d).toBe(back.a);
  });

  it("writes a value seen before as a reference to it, not a second copy", async () => {
    let text = "";
    const decoder = new TextDecoder();
    const reader = encode({ first: shared, second: shared }).getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) text += decoder.decode(r.value, { stream: true });
    expect(text.match(/Calais Group/g)).toHaveLength(1);
  });
});
