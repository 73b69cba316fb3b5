import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  messageId: string | undefined;
}

/**
 * A real SMTP server in the test process: the app sends over TCP, tests read what arrived.
 * With `stallFirst: n` it holds the first n messages open (never answers their DATA), so the
 * sending worker is stuck mid-job — for crash tests.
 */
export class TestSmtpServer {
  readonly mails: ReceivedMail[] = [];
  /** Messages held open so far (at most `stallFirst`). */
  stalled = 0;
  private server?: SMTPServer;
  port = 0;

  constructor(private readonly options: { stallFirst?: number } = {}) {}

  async start(): Promise<string> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        if (this.stalled < (this.options.stallFirst ?? 0)) {
          this.stalled++;
          stream.resume(); // read it, never call back
          return;
        }
        simpleParser(stream)
          .then((parsed) => {
            const to = ([] as Array<{ value: Array<{ address?: string }> }>)
              .concat((parsed.to as never) ?? [])
              .flatMap((a) => a.value.map((v) => v.address ?? ''));
            this.mails.push({ to, subject: parsed.subject ?? '', text: parsed.text ?? '', messageId: parsed.messageId });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server!.server.address() as AddressInfo).port;
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Waits for a mail to `address` (and matching `subject`), up to `timeoutMs`. */
  async waitFor(address: string, subject: RegExp = /./, timeoutMs = 20_000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const mail = this.mails.find((m) => m.to.includes(address) && subject.test(m.subject));
      if (mail) return mail;
      if (Date.now() > deadline) throw new Error(`no mail to ${address} matching ${subject} within ${timeoutMs} ms; got: ${this.mails.map((m) => `${m.to} "${m.subject}"`).join(', ')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** The token of the first Assay link with the given path prefix (`/r/` or `/f/`). */
export function linkToken(text: string, prefix: '/r/' | '/f/'): string {
  const match = new RegExp(`${prefix.replace(/\//g, '\\/')}([A-Za-z0-9_-]+)`).exec(text);
  if (!match) throw new Error(`no ${prefix} link in mail:\n${text}`);
  return match[1];
}
