import type { Localized } from "~/domain/content/localized";
import { renderMail, type RenderedMail } from "~/domain/mail/render.server";
import type { Language } from "~/i18n/config";
import { tFor } from "~/i18n/i18n.server";

// The mails about one recommendation name it by its code and its title in the recipient's language, or
// the original's when not translated (decision 080): that title is marked with its `lang` where the HTML
// has an element for it, and the mail says both languages in Content-Language, as a follow-up does.

type RecommendationMail = RenderedMail & { headers?: Record<string, string> };

async function inLanguages(mail: Promise<RenderedMail>, language: Language, title: Localized): Promise<RecommendationMail> {
  const rendered = await mail;
  return title.lang === language ? rendered : { ...rendered, headers: { "Content-Language": `${language}, ${title.lang}` } };
}

export function progressRequestMail(p: {
  name: string;
  code: string;
  title: Localized;
  agency: string;
  status: string;
  progress: number;
  dueDate: string | null;
  url: string;
  expires: string;
  language: Language;
}): Promise<RecommendationMail> {
  const t = tFor(p.language);
  const mail = renderMail({
    language: p.language,
    subject: t("mail:progressRequest.subject", { code: p.code, title: p.title.text }),
    preview: t("mail:progressRequest.preview", { code: p.code }),
    heading: t("mail:progressRequest.heading"),
    blocks: [
      { kind: "text", text: t("mail:hello", { name: p.name }) },
      { kind: "text", text: t("mail:progressRequest.text", { agency: p.agency }) },
      {
        kind: "table",
        rows: [
          [t("mail:progressRequest.reference"), p.code],
          [t("mail:progressRequest.title"), p.title.text, p.title.lang === p.language ? undefined : p.title.lang],
          [t("mail:progressRequest.currentStatus"), p.status],
          [t("mail:progressRequest.progress"), `${p.progress} %`],
          [t("mail:progressRequest.dueDate"), p.dueDate ?? t("mail:progressRequest.noDueDate")],
        ],
      },
      { kind: "button", text: t("mail:progressRequest.report"), url: p.url },
      { kind: "text", text: t("mail:progressRequest.expires", { date: p.expires }) },
    ],
  });
  return inLanguages(mail, p.language, p.title);
}

export function progressReturnedMail(p: { name: string; code: string; title: Localized; note: string; url: string; language: Language }): Promise<RecommendationMail> {
  const t = tFor(p.language);
  const mail = renderMail({
    language: p.language,
    subject: t("mail:progressReturned.subject", { code: p.code }),
    preview: t("mail:progressReturned.preview", { code: p.code }),
    heading: t("mail:progressReturned.heading"),
    blocks: [
      { kind: "text", text: t("mail:hello", { name: p.name }) },
      { kind: "text", text: t("mail:progressReturned.text", { code: p.code, title: p.title.text }) },
      { kind: "text", text: p.note },
      { kind: "button", text: t("mail:progressReturned.open"), url: p.url },
      { kind: "text", text: t("mail:progressReturned.again") },
    ],
  });
  return inLanguages(mail, p.language, p.title);
}
