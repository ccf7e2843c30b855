import type { InitOptions } from "i18next";
import type common from "~/locales/en/common.json";
import type meetings from "~/locales/en/meetings.json";

// The interface languages and the i18next options shared by the server (entry.server.tsx, loaders) and the
// browser (entry.client.tsx). docs/decisions/079-i18n.md, docs/i18n.md.

export const LANGUAGES = ["en", "fr"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "en";

/** One namespace per area of the interface: `common` (layout, shared pieces) is loaded on every page. */
export const NAMESPACES = ["common", "meetings"] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** English is the source: its files give every key its type (app/i18n/i18next.d.ts). */
export type Resources = { common: typeof common; meetings: typeof meetings };

export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);
export const asLanguage = (value: unknown): Language => (isLanguage(value) ? value : DEFAULT_LANGUAGE);

export const i18nOptions = {
  supportedLngs: [...LANGUAGES],
  fallbackLng: DEFAULT_LANGUAGE,
  defaultNS: "common",
  ns: ["common"],
  // React escapes what it renders; i18next escaping as well would show "&amp;" to readers.
  interpolation: { escapeValue: false },
  // Keys are written whole in code ("meetings:heading.past") so that scripts/i18n-check.ts finds them.
  nsSeparator: ":",
  keySeparator: ".",
  returnNull: false,
} satisfies InitOptions;
