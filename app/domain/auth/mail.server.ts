import { renderMail, type RenderedMail } from "~/domain/mail/render.server";

export function signInMail(p: { name: string; url: string; minutes: number }): Promise<RenderedMail> {
  return renderMail({
    subject: "Your Convene sign-in link",
    preview: "Sign in to Convene",
    heading: "Sign in to Convene",
    blocks: [
      { kind: "text", text: `Hello ${p.name},` },
      { kind: "text", text: `Use this link to sign in. It works once and expires in ${p.minutes} minutes.` },
      { kind: "button", text: "Sign in", url: p.url },
      { kind: "text", text: "If you did not ask for this, you can ignore this message." },
    ],
  });
}
