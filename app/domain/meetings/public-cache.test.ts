import { describe, expect, it } from "vitest";
import { setEnvForTest } from "~/test/env";
import { PUBLIC_REFERENCE_ENTRIES, publicReference } from "./public-cache.server";

// Public reference data is kept under keys that come from addresses (slugs, page numbers): however many
// addresses are asked for, the process keeps a bounded number of values (decision 093).

describe("public reference data", () => {
  it("keeps at most PUBLIC_REFERENCE_ENTRIES values, dropping the oldest first", async () => {
    setEnvForTest("PAGE_CACHE_MS", "3600000");
    const reads = new Map<string, number>();
    const read = (key: string) => publicReference(key, async () => reads.set(key, (reads.get(key) ?? 0) + 1).get(key));
    const run = Date.now().toString(36);
    for (let i = 0; i <= PUBLIC_REFERENCE_ENTRIES; i++) await read(`bound ${run} ${i}`);
    // The newest is kept; the oldest was dropped to make room and is read again.
    expect(await read(`bound ${run} ${PUBLIC_REFERENCE_ENTRIES}`)).toBe(1);
    expect(await read(`bound ${run} 0`)).toBe(2);
  });
});
