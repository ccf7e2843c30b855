import { LANGUAGES, NAMESPACES, type Language } from "./config";
import type { Bundles } from "./translate";

// On the server every translation file is in memory (they are small): pages, loaders, mail, calendar files
// and PDFs translate without waiting. The browser fetches only what its page needs (bundles.client.ts).
// Plain JSON imports, not Vite's import.meta.glob: the mail worker runs outside Vite (tsx in development,
// an esbuild bundle in production, scripts/build-worker.mjs) and renders mail with these too.
// A new namespace: one import per language here.
import enAccount from "../locales/en/account.json";
import enAdmin from "../locales/en/admin.json";
import enCommon from "../locales/en/common.json";
import enContent from "../locales/en/content.json";
import enDev from "../locales/en/dev.json";
import enFollowups from "../locales/en/followups.json";
import enMail from "../locales/en/mail.json";
import enMeetings from "../locales/en/meetings.json";
import enProfile from "../locales/en/profile.json";
import enRecommendations from "../locales/en/recommendations.json";
import enRegistration from "../locales/en/registration.json";
import enRegistrations from "../locales/en/registrations.json";
import frAccount from "../locales/fr/account.json";
import frAdmin from "../locales/fr/admin.json";
import frCommon from "../locales/fr/common.json";
import frContent from "../locales/fr/content.json";
import frDev from "../locales/fr/dev.json";
import frFollowups from "../locales/fr/followups.json";
import frMail from "../locales/fr/mail.json";
import frMeetings from "../locales/fr/meetings.json";
import frProfile from "../locales/fr/profile.json";
import frRecommendations from "../locales/fr/recommendations.json";
import frRegistration from "../locales/fr/registration.json";
import frRegistrations from "../locales/fr/registrations.json";

const files: Record<string, Record<string, unknown>> = {
  "../locales/en/account.json": enAccount,
  "../locales/en/admin.json": enAdmin,
  "../locales/en/common.json": enCommon,
  "../locales/en/content.json": enContent,
  "../locales/en/dev.json": enDev,
  "../locales/en/followups.json": enFollowups,
  "../locales/en/mail.json": enMail,
  "../locales/en/meetings.json": enMeetings,
  "../locales/en/profile.json": enProfile,
  "../locales/en/recommendations.json": enRecommendations,
  "../locales/en/registration.json": enRegistration,
  "../locales/en/registrations.json": enRegistrations,
  "../locales/fr/account.json": frAccount,
  "../locales/fr/admin.json": frAdmin,
  "../locales/fr/common.json": frCommon,
  "../locales/fr/content.json": frContent,
  "../locales/fr/dev.json": frDev,
  "../locales/fr/followups.json": frFollowups,
  "../locales/fr/mail.json": frMail,
  "../locales/fr/meetings.json": frMeetings,
  "../locales/fr/profile.json": frProfile,
  "../locales/fr/recommendations.json": frRecommendations,
  "../locales/fr/registration.json": frRegistration,
  "../locales/fr/registrations.json": frRegistrations,
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
