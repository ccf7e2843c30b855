import { describe, expect, it } from "vitest";
import { createT, isKey } from "./translate";

// The one `t` of Convene: nested keys, {{placeholders}}, numbers in the language, plural forms, fallback.

const en = { common: { hello: "Hello {{name}}", seats: { left_one: "{{count, number}} seat left", left_other: "{{count, number}} seats left" } } };
const fr = { common: { hello: "Bonjour {{name}}", seats: { left_one: "{{count, number}} place", left_many: "{{count, number}} de places", left_other: "{{count, number}} places" } } };

describe("createT", () => {
  it("interpolates, formats numbers and picks the plural form of the language", () => {
    const t = createT("fr", fr, en);
    // @ts-expect-error test keys are not in the app's files
    expect(t("common:hello", { name: "<b>Ana</b>" })).toBe("Bonjour <b>Ana</b>");
    // @ts-expect-error test keys
    expect(t("common:seats.left", { count: 1 })).toBe("1 place");
    // @ts-expect-error test keys
    expect(t("common:seats.left", { count: 1234 })).toBe("1\u202f234 places");
    // @ts-expect-error test keys
    expect(t("common:seats.left", { count: 1_000_000 })).toBe("1\u202f000\u202f000 de places");
    // @ts-expect-error test keys
    expect(createT("en", en)("common:seats.left", { count: 1234 })).toBe("1,234 seats left");
  });

  it("falls back to English, then to the key, never to an empty string", () => {
    // @ts-expect-error test keys
    expect(createT("fr", { common: {} }, en)("common:hello", { name: "Ana" })).toBe("Hello Ana");
    // @ts-expect-error test keys
    expect(createT("fr", {}, {})("common:nothing.here")).toBe("common:nothing.here");
  });

  it("tells a key from a sentence", () => {
    expect(isKey("registration:error.full")).toBe(true);
    expect(isKey("This meeting is full.")).toBe(false);
    expect(isKey("Note: bring your passport")).toBe(false);
  });
});
