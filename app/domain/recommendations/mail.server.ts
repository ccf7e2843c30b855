import { renderMail, type RenderedMail } from "~/domain/mail/render.server";

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
}): Promise<RenderedMail> {
  return renderMail({
    subject: `Progress report requested: ${p.code} ${p.title}`,
    preview: `Please report progress on ${p.code}`,
    heading: "Please report progress on a recommendation",
    blocks: [
      { kind: "text", text: `Hello ${p.name},` },
      { kind: "text", text: `The secretariat asks ${p.agency}, as lead agency, for a short progress report on this recommendation:` },
      {
        kind: "table",
        rows: [
          ["Reference", p.code],
          ["Title", p.title],
          ["Current status", p.status],
          ["Progress", `${p.progress} %`],
          ["Due date", p.dueDate ?? "none set"],
        ],
      },
      { kind: "button", text: "Report progress", url: p.url },
      { kind: "text", text: `The link works for one report, without signing in, until ${p.expires}. The secretariat reviews each report before it changes the recommendation.` },
    ],
  });
}

export function progressReturnedMail(p: { name: string; code: string; title: string; note: string; url: string }): Promise<RenderedMail> {
  return renderMail({
    subject: `Progress update returned: ${p.code}`,
    preview: `The secretariat returned your update on ${p.code}`,
    heading: "Your progress update was returned",
    blocks: [
      { kind: "text", text: `Hello ${p.name},` },
      { kind: "text", text: `The secretariat returned your progress update on ${p.code} ${p.title} with this note:` },
      { kind: "text", text: p.note },
      { kind: "button", text: "Open the recommendation", url: p.url },
      { kind: "text", text: "You can send a corrected update from that page after signing in." },
    ],
  });
}
