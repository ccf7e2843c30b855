import { isNamespace, type Language, type Namespace } from "./config";

// In the browser, translation files are JSON assets (hashed names, cached for good), fetched per language
// and namespace: before hydrating, the namespaces of the matched routes (their `handle.i18n`); during a
// client navigation, a namespace a new page needs (useTranslation suspends until it has arrived).
const urls = import.meta.glob<string>("../locales/*/*.json", { eager: true, query: "?url&no-inline", import: "default" });

const loaded = new Map<string, Promise<Record<string, unknown>>>();

export function fetchBundle(language: Language, namespace: Namespace): Promise<Record<string, unknown>> {
  const id = `${language}/${namespace}`;
  let pending = loaded.get(id);
  if (!pending) {
    const url = urls[`../locales/${id}.json`];
    pending = url
      ? fetch(url).then((response) => (response.ok ? (response.json() as Promise<Record<string, unknown>>) : {}))
      : Promise.resolve({});
    loaded.set(id, pending);
  }
  return pending;
}

/** The namespaces the matched routes declare, as the server rendered them (routeNamespaces on the server). */
export function initialNamespaces(): Namespace[] {
  const modules = (window as unknown as { __remixRouteModules?: Record<string, { handle?: { i18n?: unknown } } | undefined> }).__remixRouteModules ?? {};
  const declared = Object.values(modules).flatMap((route) => {
    const value = route?.handle?.i18n;
    return typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
  });
  return [...new Set(["common", ...declared])].filter(isNamespace);
}
