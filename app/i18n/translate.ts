import { DEFAULT_LANGUAGE, type Language, type Namespace, type Resources } from "./config";

// The one translation function of Convene, the same on the server (pages, loaders, mail, calendar files,
// PDFs) and in the browser. Messages are the JSON files in app/locales/<language>/<namespace>.json, written
// in i18next's JSON format (nested keys, `{{name}}` and `{{count, number}}` placeholders, plural suffixes
// `_one`/`_many`/`_other` chosen by Intl.PluralRules), so translators' tools read them as they are.
// Why not i18next itself in the browser: decision 079 (about 16 KB of JS on every public page).

type PluralSuffix = "zero" | "one" | "two" | "few" | "many" | "other";
type Base<K extends string> = K extends `${infer B}_${PluralSuffix}` ? B : K;
type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${Base<K>}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every key, written whole: "namespace:path.to.key" (a plural key without its suffix). */
export type TKey<N extends Namespace = Namespace> = { [M in N]: `${M}:${Leaves<Resources[M]>}` }[N];
export type TValues = Record<string, string | number | null | undefined> & { count?: number };
export type T = (key: TKey, values?: TValues) => string;

/** Messages by namespace for one language, as loaded from the JSON files. */
export type Bundles = Partial<Record<Namespace, Record<string, unknown>>>;

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();
function plural(language: Language, count: number): string {
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
  return rules.select(count);
}
export function formatNumber(language: Language, value: number): string {
  let format = numberFormats.get(language);
  if (!format) numberFormats.set(language, (format = new Intl.NumberFormat(language)));
  return format.format(value);
}

const leavesOf = new WeakMap<object, Map<string, string>>();

/** A bundle's messages by their dotted path ("status.open", "people_one"), collected once per bundle. */
function leaves(bundle: Record<string, unknown>): Map<string, string> {
  const known = leavesOf.get(bundle);
  if (known) return known;
  const found = new Map<string, string>();
  const collect = (node: Record<string, unknown>, prefix: string) => {
    for (const [name, value] of Object.entries(node)) {
      if (typeof value === "string") found.set(prefix + name, value);
      else if (value && typeof value === "object") collect(value as Record<string, unknown>, `${prefix}${name}.`);
    }
  };
  collect(bundle, "");
  leavesOf.set(bundle, found);
  return found;
}

function lookup(bundle: Record<string, unknown> | undefined, path: string): string | undefined {
  return bundle ? leaves(bundle).get(path) : undefined;
}

function message(bundles: Bundles, language: Language, namespace: string, path: string, count: number | undefined): string | undefined {
  const bundle = bundles[namespace as Namespace];
  if (count !== undefined) {
    const form = lookup(bundle, `${path}_${plural(language, count)}`) ?? lookup(bundle, `${path}_other`);
    if (form !== undefined) return form;
  }
  return lookup(bundle, path);
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*(?:,\s*(number)\s*)?\}\}/g;

/**
 * A `t` for one language over loaded bundles. A key missing there (npm run i18n:check prevents it) falls back
 * to English when English bundles are given, else shows the key itself, never an empty string.
 */
export function createT(language: Language, bundles: Bundles, fallback?: Bundles): T {
  return (key, values) => {
    const at = key.indexOf(":");
    const namespace = key.slice(0, at);
    const path = key.slice(at + 1);
    const count = typeof values?.count === "number" ? values.count : undefined;
    const text =
      message(bundles, language, namespace, path, count) ??
      (fallback && language !== DEFAULT_LANGUAGE ? message(fallback, DEFAULT_LANGUAGE, namespace, path, count) : undefined) ??
      key;
    if (!values) return text;
    return text.replace(PLACEHOLDER, (whole, name: string, format?: string) => {
      const value = values[name];
      if (value === undefined || value === null) return whole;
      return format === "number" && typeof value === "number" ? formatNumber(language, value) : String(value);
    });
  };
}

/**
 * A key written where it is not translated yet (Zod messages, refusals): typed like `t`'s keys and found by
 * `npm run i18n:check`; ErrorList/FormErrors (or the reader's `t`) translate it where it is shown.
 */
export const key = <K extends TKey>(k: K): K => k;

/** A key, as Zod messages and server refusals carry them ("registration:error.full"), to translate where shown. */
export const isKey = (text: string): text is TKey => /^[a-z][\w-]*:[\w.-]+$/.test(text);

