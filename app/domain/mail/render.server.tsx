// Every Convene email is a list of blocks rendered by React Email into HTML and plain text.
// React escapes all text, so names and titles typed by users cannot inject markup.
// Every mail is written in its recipient's language (docs/decisions/081-mail-language.md): the template
// gets the language and translates with tFor; the language travels with the rendered mail so that the
// unsubscribe footer, added later, is in the same language.
// React Email is loaded on the first render, not with this module, and only the components used here,
// each from its own package (listed in package.json): the @react-email/components barrel, no longer
// installed, also loaded a syntax highlighter, Tailwind and Markdown, 46 MB and 0.7 s
// of CPU on the first mail a process renders (12 MB and 0.1 s for these; issue 10).

import type { Language } from "~/i18n/config";
import { tFor } from "~/i18n/i18n.server";

const loadComponents = async () => {
  const [body, button, container, head, heading, hr, html, link, preview, section, text] = await Promise.all([
    import("@react-email/body"), import("@react-email/button"), import("@react-email/container"), import("@react-email/head"),
    import("@react-email/heading"), import("@react-email/hr"), import("@react-email/html"), import("@react-email/link"),
    import("@react-email/preview"), import("@react-email/section"), import("@react-email/text"),
  ]);
  return {
    Body: body.Body, Button: button.Button, Container: container.Container, Head: head.Head, Heading: heading.Heading, Hr: hr.Hr,
    Html: html.Html, Link: link.Link, Preview: preview.Preview, Section: section.Section, Text: text.Text,
  };
};
type Components = Awaited<ReturnType<typeof loadComponents>>;
// The parts of html-to-text's formatter interface the link formatter uses (its types are not installed).
type HtmlElement = { attribs?: Record<string, string>; children: unknown[] };
type HtmlWalk = (nodes: unknown[], builder: HtmlBuilder) => void;
type HtmlBuilder = {
  pushWordTransform(fn: (word: string) => string): void;
  popWordTransform(): void;
  addLineBreak(): void;
  addInline(text: string, options?: { noWordTransform?: boolean }): void;
};
let reactEmail: Promise<[Components, typeof import("@react-email/render")]> | null = null;
const loadReactEmail = () => (reactEmail ??= Promise.all([loadComponents(), import("@react-email/render")]));

export type MailBlock =
  /** `lang` when the text is in another language than the mail (content not translated yet) */
  | { kind: "text"; text: string; lang?: Language }
  | { kind: "button"; text: string; url: string }
  | { kind: "link"; text: string; url: string }
  /** a label and the address itself, written out: private links people may need to copy */
  | { kind: "url"; label: string; url: string }
  | { kind: "list"; items: string[] }
  /** a row's third element: `lang` of its value, when in another language than the mail */
  | { kind: "table"; rows: [string, string, Language?][] }
  | { kind: "divider" };

export type MailContent = {
  /** the recipient's language: the mail's `lang` and the words Convene adds around the content */
  language: Language;
  subject: string;
  preview?: string;
  heading: string;
  blocks: MailBlock[];
};

export type RenderedMail = { subject: string; html: string; text: string; language: Language };

const styles = {
  body: { backgroundColor: "#f4f5f7", fontFamily: "Arial, Helvetica, sans-serif", color: "#1a1a1a" },
  container: { backgroundColor: "#ffffff", padding: "24px", maxWidth: "600px" },
  button: { backgroundColor: "#114a82", color: "#ffffff", padding: "10px 16px", borderRadius: "4px" },
  small: { fontSize: "12px", color: "#555555" },
  // A long address (private link, unsubscribe link) would widen the mail past a phone's screen:
  // let it break anywhere. break-all for clients that ignore overflow-wrap:anywhere.
  wrap: { overflowWrap: "anywhere", wordBreak: "break-all" },
  // Prose breaks inside a word only when the word alone is too wide (an address typed in a summary).
  prose: { overflowWrap: "anywhere", wordBreak: "break-word" },
} as const;

/** The same rule for markup written by hand (the unsubscribe footer). */
export const WRAP_CSS = "overflow-wrap:anywhere;word-break:break-all";

/**
 * In the text part every link's address goes on its own line below its text, so it stays whole and
 * tappable on a phone (html-to-text would write "text https://..." on one line). A link whose text is
 * its address is written once.
 */
const plainTextOptions = {
  selectors: [{ selector: "a", format: "linkOnOwnLine" }],
  formatters: {
    linkOnOwnLine: (elem: HtmlElement, walk: HtmlWalk, builder: HtmlBuilder) => {
      const href = (elem.attribs?.href ?? "").replace(/^mailto:/, "");
      let text = "";
      builder.pushWordTransform((word: string) => ((text += word), word));
      walk(elem.children, builder);
      builder.popWordTransform();
      if (href && href !== text) {
        builder.addLineBreak();
        builder.addInline(href, { noWordTransform: true });
      }
    },
  },
};

function MailDocument({ content, c }: { content: MailContent; c: Components }) {
  const t = tFor(content.language);
  const { Body, Container, Head, Heading, Hr, Html, Preview, Section, Text } = c;
  return (
    <Html lang={content.language}>
      <Head />
      {content.preview ? <Preview>{content.preview}</Preview> : null}
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1">{content.heading}</Heading>
          {content.blocks.map((b, i) => (
            <Section key={i}>{renderBlock(b, c)}</Section>
          ))}
          <Hr />
          <Text style={styles.small}>{t("mail:sentBy")}</Text>
        </Container>
      </Body>
    </Html>
  );
}

function renderBlock(b: MailBlock, { Button, Hr, Link, Text }: Components) {
  switch (b.kind) {
    case "text":
      return (
        <Text style={styles.prose} lang={b.lang}>
          {b.text}
        </Text>
      );
    case "button":
      return (
        <Button href={b.url} style={styles.button}>
          {b.text}
        </Button>
      );
    case "link":
      return (
        <Text>
          <Link href={b.url} style={styles.wrap}>
            {b.text}
          </Link>
        </Text>
      );
    case "url":
      return (
        <Text style={styles.prose}>
          {b.label}
          <br />
          <Link href={b.url} style={styles.wrap}>
            {b.url}
          </Link>
        </Text>
      );
    case "list":
      return (
        <ul>
          {b.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      );
    case "table":
      return (
        <table role="presentation" cellPadding={4}>
          <tbody>
            {b.rows.map(([k, v, lang], i) => (
              <tr key={i}>
                <th align="left" scope="row">
                  {k}
                </th>
                <td lang={lang}>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case "divider":
      return <Hr />;
  }
}

export async function renderMail(content: MailContent): Promise<RenderedMail> {
  const [c, { render }] = await loadReactEmail();
  const element = <MailDocument content={content} c={c} />;
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true, htmlToTextOptions: plainTextOptions })]);
  return { subject: content.subject, html, text, language: content.language };
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * Adds the unsubscribe footer to an already rendered non-essential mail. enqueueMail calls it, so
 * templates never have to remember it and essential mail can never get it by mistake.
 */
export function withUnsubscribeFooter(mail: RenderedMail, url: string): RenderedMail {
  const t = tFor(mail.language);
  const footer =
    `<p style="font-size:12px;color:#555555">${escapeHtml(t("mail:unsubscribe.why"))} ` +
    `<a href="${escapeHtml(url)}" style="${WRAP_CSS}">${escapeHtml(t("mail:unsubscribe.link"))}</a>. ` +
    `${escapeHtml(t("mail:unsubscribe.stillReaches"))}</p>`;
  const at = mail.html.lastIndexOf("</body>");
  const html = at >= 0 ? mail.html.slice(0, at) + footer + mail.html.slice(at) : mail.html + footer;
  const text = `${mail.text.trimEnd()}\n\n${t("mail:unsubscribe.linkLabel")}\n${url}\n${t("mail:unsubscribe.stillReaches")}\n`;
  return { subject: mail.subject, html, text, language: mail.language };
}
