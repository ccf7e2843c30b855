import type { Language } from "./config";

// Languages named in the reader's language, on the server (the browser's bundle carries no names). One
// Intl.DisplayNames per reader language; a code it does not know is shown as it is.
const displayNames = new Map<Language, Intl.DisplayNames>();

export function languageName(code: string, language: Language): string {
  try {
    let names = displayNames.get(language);
    if (!names) displayNames.set(language, (names = new Intl.DisplayNames([language], { type: "language" })));
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A comma-separated list of language codes ("en,fr"), named: "English, French". */
export function languageList(codes: string, language: Language): string {
  return codes
    .split(",")
    .filter(Boolean)
    .map((c) => languageName(c, language))
    .join(", ");
}
