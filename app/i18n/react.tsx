import { createContext, useContext, useMemo, type ReactNode } from "react";
import { DEFAULT_LANGUAGE, isNamespace, type Language, type Namespace } from "./config";
import { createT, isKey, type Bundles, type T } from "./translate";

// The reader's language and messages for components: `const { t, language } = useTranslation(["meetings"])`.
// The server renders with every namespace loaded; the browser starts with the namespaces the matched routes
// declare (handle.i18n) and, on a client navigation to a page that needs another, suspends until it arrives.

type Store = { language: Language; bundles: Bundles; load?: (namespace: Namespace) => Promise<unknown> };
const TranslationContext = createContext<Store>({ language: DEFAULT_LANGUAGE, bundles: {} });

export function TranslationProvider({ language, bundles, load, children }: Store & { children: ReactNode }) {
  const store = useMemo(() => ({ language, bundles, load }), [language, bundles, load]);
  return <TranslationContext.Provider value={store}>{children}</TranslationContext.Provider>;
}

const pending = new Map<string, Promise<unknown>>();

/**
 * One `t` per messages object and language, shared by every component that asks: a page renders hundreds of
 * components that translate (a status badge per meeting), and each had built its own (docs/decisions/095-live-heap.md).
 */
const shared = new WeakMap<Bundles, { language: Language; t: T }>();
function sharedT(language: Language, bundles: Bundles): T {
  let kept = shared.get(bundles);
  if (kept?.language !== language) shared.set(bundles, (kept = { language, t: createT(language, bundles) }));
  return kept.t;
}

const COMMON: readonly Namespace[] = ["common"];

/** `t` in the reader's language, for the namespaces given (`common` is always there). */
export function useTranslation(namespaces: readonly Namespace[] = COMMON): { t: T; language: Language } {
  const { language, bundles, load } = useContext(TranslationContext);
  if (load) {
    const missing = namespaces.filter((namespace) => !bundles[namespace]);
    if (missing.length) {
      const id = `${language}/${missing.join(",")}`;
      let waiting = pending.get(id);
      if (!waiting) {
        waiting = Promise.all(missing.map(load));
        pending.set(id, waiting);
      }
      throw waiting; // Suspense: React renders again once the files are in `bundles`
    }
  }
  return { t: sharedT(language, bundles), language };
}

/** The namespaces of the keys among `texts` (error lists), plus `common`, to pass to useTranslation. */
export function namespacesOf(texts: readonly string[]): Namespace[] {
  const found = texts.filter(isKey).map((key) => key.slice(0, key.indexOf(":")));
  return [...new Set(["common", ...found])].filter(isNamespace);
}
