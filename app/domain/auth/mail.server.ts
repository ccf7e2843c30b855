import { renderMail, type RenderedMail } from "~/domain/mail/render.server";
import type { Language } from "~/i18n/config";
import { tFor } from "~/i18n/i18n.server";

export function signInMail(p: { name: string; url: string; minutes: number; language: Language }): Promise<RenderedMail> {
  const t = tFor(p.language);
  return renderMail({
    language: p.language,
    subject: t("mail:signIn.subject"),
    preview: t("mail:signIn.heading"),
    heading: t("mail:signIn.heading"),
    blocks: [
      { kind: "text", text: t("mail:hello", { name: p.name }) },
      { kind: "text", text: t("mail:signIn.text", { minutes: p.minutes }) },
      { kind: "button", text: t("mail:signIn.button"), url: p.url },
      { kind: "text", text: t("mail:signIn.ignore") },
    ],
  });
}
