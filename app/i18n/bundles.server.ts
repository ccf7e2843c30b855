import { LANGUAGES, NAMESPACES, type Language } from "./config";
import type { Bundles } from "./translate";

// On the server every translation file is in memory (they are small): pages, loaders, mail, calendar files
// and PDFs translate without waiting. The browser fetches only what its page needs (bundles.client.ts).
// Plain JSON imports, not Vite's import.meta.glob: the mail worker runs outside Vite (tsx in development,
// an esbuild bundle in production, scripts/build-worker.mjs) and renders mail with these too.
// A new namespace: one import per language here.
import enCommon from "../locales/en/common.json";
import enMail from "../locales/en/mail.json";
import enMeetings from "../locales/en/meetings.json";
import enProfile from "../locales/en/profile.json";
import frCommon from "../locales/fr/common.json";
import frMail from "../locales/fr/mail.json";
import frMeetings from "../locales/fr/meetings.json";
import frProfile from "../locales/fr/profile.json";

const files: Record<string, Record<string, unknown>> = {
  "../locales/en/common.json": enCommon,
  "../locales/en/mail.json": enMail,
  "../locales/en/meetings.json": enMeetings,
  "../locales/en/profile.json": enProfile,
  "../locales/fr/common.json": frCommon,
  "../locales/fr/mail.json": frMail,
  "../locales/fr/meetings.json": frMeetings,
  "../locales/fr/profile.json": frProfile,
};

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
