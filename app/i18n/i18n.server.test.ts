import { describe, expect, it } from "vitest";
import { fixedT, languageOf, resolveLanguage } from "./i18n.server";

// Where the interface language comes from: ?lang, then the `lang` cookie, then Accept-Language, then English.

const request = (url: string, headers: Record<string, string> = {}) => new Request(`http://localhost${url}`, { headers });

describe("interface language", () => {
  it("follows Accept-Language, and is English when nothing asks otherwise", async () => {
    expect(await languageOf(request("/meetings"))).toBe("en");
    expect(await languageOf(request("/meetings", { "Accept-Language": "fr-BE,fr;q=0.9,en;q=0.5" }))).toBe("fr");
    expect(await languageOf(request("/meetings", { "Accept-Language": "de-DE,en;q=0.5,fr;q=0.4" }))).toBe("en");
    expect(await languageOf(request("/meetings", { "Accept-Language": "de-DE" }))).toBe("en");
  });

  it("takes an explicit ?lang over everything and remembers it in the lang cookie", async () => {
    const chosen = await resolveLanguage(request("/meetings?lang=fr", { "Accept-Language": "en" }));
    expect(chosen.language).toBe("fr");
    expect(chosen.setCookie).toMatch(/^lang=[^;]+; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax$/);
    const cookie = chosen.setCookie!.split(";")[0];
    const next = await resolveLanguage(request("/series", { Cookie: cookie, "Accept-Language": "en" }));
    expect(next).toEqual({ language: "fr", setCookie: null });
    expect(await languageOf(request("/series?lang=en", { Cookie: cookie }))).toBe("en");
  });

  it("ignores a language it does not offer and a malformed cookie", async () => {
    expect(await resolveLanguage(request("/meetings?lang=de", { "Accept-Language": "fr" }))).toEqual({ language: "fr", setCookie: null });
    expect(await languageOf(request("/meetings?lang=%3Cscript%3E"))).toBe("en");
    expect(await languageOf(request("/meetings", { Cookie: "lang=not-base64-json" }))).toBe("en");
  });

  it("translates in loaders, with English and French files loaded on demand", async () => {
    expect((await fixedT("fr"))("meetings:heading.past")).toBe("Réunions passées");
    expect((await fixedT(request("/")))("meetings:count", { count: 1234 })).toBe("1,234 meetings");
    expect((await fixedT("fr"))("meetings:count", { count: 1 })).toBe("1 réunion");
    expect((await fixedT("fr"))("common:nav.meetings")).toBe("Réunions");
  });
});

describe("translation files on the server", () => {
  it("has every namespace of every language in memory (bundles.server.ts imports each file by name)", async () => {
    const { bundlesOf } = await import("./bundles.server");
    const { LANGUAGES, NAMESPACES } = await import("./config");
    for (const language of LANGUAGES) for (const namespace of NAMESPACES) expect(Object.keys(bundlesOf(language)[namespace] ?? {}), `${language}/${namespace}`).not.toHaveLength(0);
  });
});
