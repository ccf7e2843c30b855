import type common from "~/locales/en/common.json";
import type meetings from "~/locales/en/meetings.json";
import type recommendations from "~/locales/en/recommendations.json";

// The interface languages and namespaces (docs/decisions/079-i18n.md, docs/i18n.md).

export const LANGUAGES = ["en", "fr"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "en";

/** One namespace per area of the interface: `common` (layout, shared pieces) is loaded on every page. */
export const NAMESPACES = ["common", "meetings", "recommendations"] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** English is the source: its files give every key its type (app/i18n/translate.ts). */
export type Resources = { common: typeof common; meetings: typeof meetings; recommendations: typeof recommendations };

export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);
export const asLanguage = (value: unknown): Language => (isLanguage(value) ? value : DEFAULT_LANGUAGE);
export const isNamespace = (value: unknown): value is Namespace => NAMESPACES.includes(value as Namespace);
