import { afterEach, describe, expect, it } from "vitest";
import { reloadEnv } from "~/utils/env.server";
import { PUBLIC_REFERENCE_ENTRIES, publicReference } from "./public-cache.server";

// Public reference data is kept under keys that come from addresses (slugs, page numbers): however many
// addresses are asked for, the process keeps a bounded number of values (decision 093).

describe("public reference data", () => {
  const ttl = process.env.PAGE_CACHE_MS;
  afterEach(() => {
    if (ttl === undefined) delete process.env.PAGE_CACHE_MS;
    else process.env.PAGE_CACHE_MS = ttl;
    reloadEnv();
  });

  it("keeps at most PUBLIC_REFERENCE_ENTRIES values, dropping the oldest first", async () => {
    process.env.PAGE_CACHE_MS = "3600000";
    reloadEnv();
    const reads = new Map<string, number>();
    const read = (key: string) => publicReference(key, async () => reads.set(key, (reads.get(key) ?? 0) + 1).get(key));
    const run = Date.now().toString(36);
    for (let i = 0; i <= PUBLIC_REFERENCE_ENTRIES; i++) await read(`bound ${run} ${i}`);
    // The newest is kept; the oldest was dropped to make room and is read again.
    expect(await read(`bound ${run} ${PUBLIC_REFERENCE_ENTRIES}`)).toBe(1);
    expect(await read(`bound ${run} 0`)).toBe(2);
  });
});
