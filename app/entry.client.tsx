import { RemixBrowser } from "@remix-run/react";
import { createInstance } from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { getInitialNamespaces } from "remix-i18next/client";
import { asLanguage, i18nOptions } from "~/i18n/config";
import { localeFiles } from "~/i18n/resources";

// Remix's default browser entry, plus i18next: the language is the one the server rendered (<html lang>),
// and the namespaces of the matched routes are loaded before hydrating, so the first render matches the
// server's HTML. The language switcher is a plain link that reloads the document (docs/i18n.md).
async function hydrate() {
  const i18n = createInstance();
  await i18n
    .use(initReactI18next)
    .use(localeFiles)
    .init({ ...i18nOptions, lng: asLanguage(document.documentElement.lang), ns: ["common", ...getInitialNamespaces()] });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18n}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
