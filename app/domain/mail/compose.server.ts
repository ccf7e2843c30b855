import MailComposer from "nodemailer/lib/mail-composer";
import type Mail from "nodemailer/lib/mailer";
import type MimeNode from "nodemailer/lib/mime-node";
import * as base64 from "nodemailer/lib/base64";
import * as qp from "nodemailer/lib/qp";

// Builds an outgoing message as one buffer, for `sendMail({ envelope, raw })`.
//
// Nodemailer's own composer (MailComposer) still decides everything about the message: its MIME tree,
// every header and its RFC 2047 encoding and folding, the transfer encodings, the calendar parts of an
// invitation. Only the last step differs: nodemailer streams the tree (a PassThrough per message, a
// pipeline, an encoder stream per part, about 11 socket writes per message); here the same tree is written
// out synchronously with nodemailer's own encoders into one string. compose.test.ts checks that the bytes
// are the ones nodemailer's stream writes for the same tree (docs/decisions/084-mail-delivery-speed.md,
// addendum).

export type ComposedMessage = {
  envelope: { from: string; to: string[] };
  raw: Buffer;
  messageId: string;
  /** true when nodemailer's streaming build wrote it (contents this writer does not handle) */
  streamed: boolean;
};

type Internals = {
  _raw?: unknown;
  _transforms?: unknown[];
  _processFuncs?: unknown[];
  newline?: unknown;
};

/** What this writer handles: string or Buffer contents only (no streams, files, URLs), no transforms. */
function simple(node: MimeNode): boolean {
  const n = node as unknown as Internals;
  if (n._raw || n._transforms?.length || n._processFuncs?.length || n.newline) return false;
  const c = node.content as unknown;
  if (c !== undefined && c !== null && c !== "" && typeof c !== "string" && !Buffer.isBuffer(c)) return false;
  if (c) {
    const encoding = node.getTransferEncoding();
    // nodemailer's streamed quoted-printable of a non-text part keeps lone CR/LF as data ("binary"); not here
    const type = String(node.getHeader("Content-Type") ?? "").trim();
    if (encoding === "quoted-printable" && !/^text\//i.test(type)) return false;
    // a buffer written as it is (7bit/8bit) stays nodemailer's business
    if (Buffer.isBuffer(c) && encoding !== "base64" && encoding !== "quoted-printable") return false;
  }
  return node.childNodes.every(simple);
}

/** The node and its children as nodemailer's MimeNode.stream writes them (same order, same separators). */
function write(node: MimeNode, out: string[]): void {
  const encoding = node.getTransferEncoding();
  out.push(node.buildHeaders() + "\r\n\r\n");
  const content = node.content as string | Buffer | undefined;
  if (content) {
    if (encoding === "base64") out.push(base64.wrap(base64.encode(content), 76));
    else if (encoding === "quoted-printable") out.push(qp.wrap(qp.encode(content), 76));
    else out.push(content.toString());
  }
  if (node.multipart) {
    node.childNodes.forEach((child, i) => {
      out.push(`${i > 0 ? "\r\n" : ""}--${node.boundary}\r\n`);
      write(child, out);
    });
    out.push(`\r\n--${node.boundary}--\r\n`);
  }
}

/**
 * The message nodemailer would send for these options, as one buffer with its envelope. Falls back to
 * nodemailer's own streaming build for anything the synchronous writer does not handle.
 */
export async function composeMessage(options: Mail.Options): Promise<ComposedMessage> {
  const node = new MailComposer(options).compile();
  const envelope = node.getEnvelope() as { from: string | false; to: string[] };
  let raw: Buffer;
  const streamed = !simple(node);
  if (!streamed) {
    const out: string[] = [];
    write(node, out);
    let text = out.join("");
    // nodemailer's LastNewline: the message ends with a line break
    if (!text.endsWith("\n")) text += text.endsWith("\r") ? "\n" : "\r\n";
    // the bytes are ASCII after encoding, except 7bit/8bit parts, which nodemailer writes as they are
    raw = Buffer.from(text, "utf-8");
  } else {
    raw = await node.build();
  }
  return { envelope: { from: envelope.from || "", to: envelope.to }, raw, messageId: node.messageId(), streamed };
}
