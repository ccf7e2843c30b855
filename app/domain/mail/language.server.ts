import { asLanguage, type Language } from "~/i18n/config";
import type { Tx } from "~/utils/db.server";
import { normaliseEmail } from "./unsubscribe.server";

// Which language a mail goes out in (docs/decisions/081-mail-language.md): mail about a registration uses
// Registration.language, the language the person registered in; other mail to a person uses their saved
// preference (User.locale); else English. Never the language of whoever caused the mail.

/** The saved language of the account with this address, else English. */
export async function languageOfAddress(tx: Pick<Tx, "user">, email: string): Promise<Language> {
  const user = await tx.user.findFirst({ where: { email: normaliseEmail(email) }, select: { locale: true } });
  return asLanguage(user?.locale);
}

/** A person's saved language, else English. */
export const languageOfUser = (user: { locale: string | null } | null | undefined): Language => asLanguage(user?.locale);
