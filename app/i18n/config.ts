import type common from "~/locales/en/common.json";
import type account from "~/locales/en/account.json";
import type admin from "~/locales/en/admin.json";
import type content from "~/locales/en/content.json";
import type dev from "~/locales/en/dev.json";
import type followups from "~/locales/en/followups.json";
import type mail from "~/locales/en/mail.json";
import type meetings from "~/locales/en/meetings.json";
import type profile from "~/locales/en/profile.json";
import type recommendations from "~/locales/en/recommendations.json";
import type registration from "~/locales/en/registration.json";
import type registrations from "~/locales/en/registrations.json";
import languages from "./languages.json";

// The interface languages and namespaces (docs/decisions/079-i18n.md, docs/i18n.md).

/** The one list of interface languages: scripts/page-cache.mjs (plain Node, before Vite) reads the same file. */
export const LANGUAGES = languages as ["en", "fr"];
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "en";

/** One namespace per area of the interface: `common` (layout, shared pieces) is loaded on every page. */
export const NAMESPACES = ["common", "account", "admin", "content", "dev", "followups", "mail", "meetings", "profile", "recommendations", "registration", "registrations"] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** English is the source: its files give every key its type (app/i18n/translate.ts). */
export type Resources = { common: typeof common; account: typeof account; admin: typeof admin; content: typeof content; dev: typeof dev; followups: typeof followups; mail: typeof mail; meetings: typeof meetings; profile: typeof profile; recommendations: typeof recommendations; registration: typeof registration; registrations: typeof registrations };

export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);
export const asLanguage = (value: unknown): Language => (isLanguage(value) ? value : DEFAULT_LANGUAGE);
export const isNamespace = (value: unknown): value is Namespace => NAMESPACES.includes(value as Namespace);
