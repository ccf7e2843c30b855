import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import type { AddressInfo } from "node:net";

// A real SMTP server on 127.0.0.1 for tests. `failWith` makes it answer every message with an
// SMTP error (e.g. 451 for a temporary failure) until it is cleared.
export type TestSmtp = {
  url: string;
  port: number;
  messages: ParsedMail[];
  failWith: { code: number; message: string } | null;
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
};

export async function startSmtpServer(port = 0): Promise<TestSmtp> {
  const state: TestSmtp = {
    url: "",
    port: 0,
    messages: [],
    failWith: null,
    async waitFor(count, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (state.messages.length < count) {
        if (Date.now() > until) throw new Error(`Expected ${count} messages, got ${state.messages.length}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return state.messages;
    },
    close: async () => {},
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (state.failWith) {
          const err = new Error(state.failWith.message) as Error & { responseCode: number };
          err.responseCode = state.failWith.code;
          callback(err);
          return;
        }
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => {
            state.messages.push(mail);
            callback();
          },
          (e) => callback(e),
        );
      });
    },
  });
  // A client that dies mid-session (a killed worker in the crash test) resets its connection;
  // that is the client's problem, not a server failure.
  server.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "ECONNRESET") throw e;
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  state.port = (server.server.address() as AddressInfo).port;
  state.url = `smtp://127.0.0.1:${state.port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
