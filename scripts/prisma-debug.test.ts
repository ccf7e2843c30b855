import { createRequire } from "node:module";
import { afterEach, describe, expect, it } from "vitest";

// patches/@prisma+client+7.10.0.patch: Prisma's client asks its debug module whether a namespace is enabled on
// every query step; without DEBUG it now answers at once (docs/decisions/098-page-handoff.md). DEBUG must still
// turn its logging on, namespace by namespace.
const require = createRequire(import.meta.url);
const { Debug } = require("@prisma/client/runtime/client.js") as { Debug: { enabled(namespace: string): boolean } };
const saved = (globalThis as { DEBUG?: string }).DEBUG;

describe("Prisma's debug switch as patched", () => {
  afterEach(() => {
    (globalThis as { DEBUG?: string }).DEBUG = saved;
  });

  it("enables nothing without DEBUG, and what DEBUG names with it", () => {
    const env = globalThis as { DEBUG?: string };
    env.DEBUG = "";
    expect(Debug.enabled("prisma:client")).toBe(false);
    env.DEBUG = "prisma:*,-prisma:engine";
    expect(Debug.enabled("prisma:client")).toBe(true);
    expect(Debug.enabled("prisma:engine")).toBe(false);
    expect(Debug.enabled("other")).toBe(false);
  });

  it("answers the empty switch without building patterns (the patch is applied)", () => {
    // The unpatched function splits DEBUG and builds a RegExp per call; the patched one returns first.
    expect(String(Debug.enabled)).toMatch(/^enabled\(e\)\{\/\*[^*]*\*\/if\(!globalThis\.DEBUG\)return!1;/);
  });
});
