import { LANGUAGES, NAMESPACES, type Language } from "./config";
import type { Bundles } from "./translate";

// On the server every translation file is in memory (they are small): pages, loaders, mail, calendar files
// and PDFs translate without waiting. The browser fetches only what its page needs (bundles.client.ts).
const files = import.meta.glob<Record<string, unknown>>("../locales/*/*.json", { eager: true, import: "default" });

const byLanguage = new Map<Language, Bundles>(
  LANGUAGES.map((language) => [
    language,
    Object.fromEntries(NAMESPACES.map((namespace) => [namespace, files[`../locales/${language}/${namespace}.json`] ?? {}])) as Bundles,
  ]),
);

/** Every namespace of a language. */
export function bundlesOf(language: Language): Bundles {
  return byLanguage.get(language) ?? {};
}
