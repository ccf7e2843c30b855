import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { fetchBundle, initialNamespaces } from "~/i18n/bundles.client";
import { asLanguage, type Namespace } from "~/i18n/config";
import { TranslationProvider } from "~/i18n/react";
import type { Bundles } from "~/i18n/translate";

// Remix's default browser entry, plus the reader's messages: the language is the one the server rendered
// (<html lang>), and the namespaces of the matched routes are fetched before hydrating, so the first render
// matches the server's HTML. The language switcher is a plain link that reloads the document (docs/i18n.md).
async function hydrate() {
  const language = asLanguage(document.documentElement.lang);
  const bundles: Bundles = {};
  const load = async (namespace: Namespace) => {
    bundles[namespace] = await fetchBundle(language, namespace);
  };
  await Promise.all(initialNamespaces().map(load));
  startTransition(() => {
    hydrateRoot(
      document,
      <TranslationProvider language={language} bundles={bundles} load={load}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </TranslationProvider>,
    );
  });
}

void hydrate();
