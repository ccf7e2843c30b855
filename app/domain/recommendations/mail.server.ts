import { renderMail, type RenderedMail } from "~/domain/mail/render.server";
import type { Language } from "~/i18n/config";
import { tFor } from "~/i18n/i18n.server";

export function progressRequestMail(p: {
  name: string;
  code: string;
  title: string;
  agency: string;
  status: string;
  progress: number;
  dueDate: string | null;
  url: string;
  expires: string;
  language: Language;
}): Promise<RenderedMail> {
  const t = tFor(p.language);
  return renderMail({
    language: p.language,
    subject: t("mail:progressRequest.subject", { code: p.code, title: p.title }),
    preview: t("mail:progressRequest.preview", { code: p.code }),
    heading: t("mail:progressRequest.heading"),
    blocks: [
      { kind: "text", text: t("mail:hello", { name: p.name }) },
      { kind: "text", text: t("mail:progressRequest.text", { agency: p.agency }) },
      {
        kind: "table",
        rows: [
          [t("mail:progressRequest.reference"), p.code],
          [t("mail:progressRequest.title"), p.title],
          [t("mail:progressRequest.currentStatus"), p.status],
          [t("mail:progressRequest.progress"), `${p.progress} %`],
          [t("mail:progressRequest.dueDate"), p.dueDate ?? t("mail:progressRequest.noDueDate")],
        ],
      },
      { kind: "button", text: t("mail:progressRequest.report"), url: p.url },
      { kind: "text", text: t("mail:progressRequest.expires", { date: p.expires }) },
    ],
  });
}

export function progressReturnedMail(p: { name: string; code: string; title: string; note: string; url: string; language: Language }): Promise<RenderedMail> {
  const t = tFor(p.language);
  return renderMail({
    language: p.language,
    subject: t("mail:progressReturned.subject", { code: p.code }),
    preview: t("mail:progressReturned.preview", { code: p.code }),
    heading: t("mail:progressReturned.heading"),
    blocks: [
      { kind: "text", text: t("mail:hello", { name: p.name }) },
      { kind: "text", text: t("mail:progressReturned.text", { code: p.code, title: p.title }) },
      { kind: "text", text: p.note },
      { kind: "button", text: t("mail:progressReturned.open"), url: p.url },
      { kind: "text", text: t("mail:progressReturned.again") },
    ],
  });
}
