import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkTranslations } from "./i18n-check";

// The check on a small app of its own, and on the real one (which must have no problem at all).

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function app(files: Record<string, unknown>): string {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "i18n-check-"));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
  }
  return dir;
}

const page = `export const P = () => [t("shop:title"), t("shop:count", { count: 2 }), t(\`shop:role.\${r}\`), can(u, "shop:manage")];`;
const en = { title: "Shop", count_one: "{{count}} item", count_other: "{{count}} items", role: { A: "Admin" } };
const fr = { title: "Boutique", count_one: "{{count}} article", count_many: "{{count}} d’articles", count_other: "{{count}} articles", role: { A: "Administrateur" } };

describe("i18n check", () => {
  it("passes when every key used is in every language and every key is used", () => {
    expect(checkTranslations(app({ "routes/p.tsx": page, "locales/en/shop.json": en, "locales/fr/shop.json": fr }))).toEqual([]);
  });

  it("finds a key missing in French, a French plural form missing, an unused key and a changed placeholder", () => {
    const broken = { ...fr, title: "", count_many: undefined, count_one: "{{n}} article", extra: "Jamais utilisé", role: {} };
    const problems = checkTranslations(app({ "routes/p.tsx": page, "locales/en/shop.json": en, "locales/fr/shop.json": broken }));
    expect(problems).toEqual(
      expect.arrayContaining([
        "missing in fr: shop:title (used in routes/p.tsx)",
        "missing in fr: shop:count (used in routes/p.tsx)",
        "unused in fr: shop:extra",
        "missing in fr: shop:role.A",
        "placeholders differ in fr: shop:count_one has {{n}}, en has {{count}}",
      ]),
    );
    expect(problems.some((p) => p.includes("shop:manage"))).toBe(false);
  });

  it("finds a key used in code that no file has", () => {
    const problems = checkTranslations(app({ "routes/p.tsx": `${page}\nt("shop:gone");`, "locales/en/shop.json": en, "locales/fr/shop.json": fr }));
    expect(problems).toEqual(["missing in en: shop:gone (used in routes/p.tsx)", "missing in fr: shop:gone (used in routes/p.tsx)"]);
  });

  it("has nothing to report in the app", () => {
    expect(checkTranslations(path.resolve("app"))).toEqual([]);
  });
});
