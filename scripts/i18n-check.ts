// `npm run i18n:check`: fails when a translation key used in code is missing from a language (or empty), when a
// key in the translation files is used nowhere, or when a translation's {{placeholders}} differ from English.
// Keys are found where code translates them: `t("namespace:key.path"` (or marks them: `key("namespace:key.path"`) and `i18nKey="namespace:key.path"`
// in app/ (docs/i18n.md; a bare string is not a key: "meetings:manage" is a capability); a template
// literal `t(\`namespace:key.${x}\`` uses every key under its prefix (tsc checks each value against English).
// Plural keys are used without their suffix and must have every plural form of each language
// (French: _one, _many, _other; English: _one, _other).
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export type Problem = string;
type Flat = Map<string, string>;

const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix: string, into: Flat): Flat {
  if (typeof value === "string") into.set(prefix, value);
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, into);
  else into.set(prefix, "");
  return into;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "locales" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort().join(",");

/** Every problem with the translations of the app in `root` (the folder holding locales/). */
export function checkTranslations(root: string): Problem[] {
  const problems: Problem[] = [];
  const localesDir = path.join(root, "locales");
  const languages = fs.readdirSync(localesDir).filter((d) => fs.statSync(path.join(localesDir, d)).isDirectory()).sort();
  const source = languages.includes("en") ? "en" : languages[0];
  const namespaces = [...new Set(languages.flatMap((l) => fs.readdirSync(path.join(localesDir, l)).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5))))].sort();

  // language -> "ns:key" -> text
  const files = new Map<string, Flat>();
  for (const language of languages) {
    const flat: Flat = new Map();
    for (const ns of namespaces) {
      const file = path.join(localesDir, language, `${ns}.json`);
      if (!fs.existsSync(file)) {
        problems.push(`missing file: locales/${language}/${ns}.json`);
        continue;
      }
      for (const [key, text] of flatten(JSON.parse(fs.readFileSync(file, "utf8")), "", new Map())) flat.set(`${ns}:${key}`, text);
    }
    files.set(language, flat);
  }

  const nsPattern = namespaces.map((n) => n.replace(/[^\w-]/g, "")).join("|");
  const whole = new RegExp(`(?:\\b(?:t|key)\\(\\s*|i18nKey=\\{?)(["'\`])((?:${nsPattern}):[\\w.-]+)\\1`, "g");
  const prefixed = new RegExp(`\\b(?:t|key)\\(\\s*\`((?:${nsPattern}):[\\w.-]*)\\$\\{`, "g");
  const used = new Map<string, string>(); // key -> first file using it
  const prefixes: string[] = [];
  for (const file of sourceFiles(root)) {
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(whole)) if (!used.has(m[2])) used.set(m[2], path.relative(root, file));
    for (const m of text.matchAll(prefixed)) prefixes.push(m[1]);
  }

  const base = (key: string) => key.replace(PLURAL, "");
  for (const language of languages) {
    const flat = files.get(language)!;
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const has = (key: string) => (flat.get(key) ?? "") !== "" || categories.every((c) => (flat.get(`${key}_${c}`) ?? "") !== "");
    for (const [key, where] of used) if (!has(key)) problems.push(`missing in ${language}: ${key} (used in ${where})`);
    for (const key of [...flat.keys()].map(base)) {
      if (!used.has(key) && !prefixes.some((p) => key.startsWith(p))) problems.push(`unused in ${language}: ${key}`);
      else if (prefixes.some((p) => key.startsWith(p)) && !has(key)) problems.push(`missing in ${language}: ${key}`);
    }
    if (language === source) continue;
    const english = files.get(source)!;
    for (const [key, text] of flat) {
      const counterpart = english.get(key) ?? english.get(`${base(key)}_other`) ?? english.get(base(key));
      if (counterpart !== undefined && placeholders(counterpart) !== placeholders(text))
        problems.push(`placeholders differ in ${language}: ${key} has {{${placeholders(text)}}}, ${source} has {{${placeholders(counterpart)}}}`);
    }
    for (const key of english.keys()) if (prefixes.some((p) => key.startsWith(p)) && !has(base(key))) problems.push(`missing in ${language}: ${base(key)}`);
  }
  return [...new Set(problems)];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const root = path.resolve(process.argv[2] ?? "app");
  const problems = checkTranslations(root);
  if (problems.length) {
    console.error(`${problems.length} translation problem(s):\n  ${problems.join("\n  ")}`);
    process.exit(1);
  }
  console.info("Translations complete: every key used in code is in every language, and every key is used.");
}
