import type { BackendModule } from "i18next";

// Translation files are loaded per language and namespace, on demand: in the browser each file is its own
// small chunk, so a page loads only its language and the namespaces its routes declare (`handle.i18n`).
const files = import.meta.glob<{ default: Record<string, unknown> }>("../locales/*/*.json");

export const localeFiles: BackendModule = {
  type: "backend",
  init() {},
  read(language, namespace, callback) {
    const load = files[`../locales/${language}/${namespace}.json`];
    if (!load) return callback(new Error(`No translations for ${language}/${namespace}`), false);
    load().then(
      (module) => callback(null, module.default),
      (error: Error) => callback(error, false),
    );
  },
};
