import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

// A received mail, as mailparser reads it.
export type ReceivedMail = { from: string; to: string[]; subject: string; text: string; html: string };

export type Mailbox = {
  // CANDOR_SMTP_URL for a server that sends here.
  url: string;
  received: ReceivedMail[];
  // Waits for the next mail to this address that came after `after` mails had arrived (0: any so far).
  next: (to: string, options?: { after?: number; timeoutMs?: number }) => Promise<ReceivedMail>;
  // The mails to this address so far.
  to: (address: string) => ReceivedMail[];
  close: () => Promise<void>;
};

// A real SMTP server on a free port of 127.0.0.1 (the smtp-server package), keeping every mail it gets:
// the Candor server sends to it through CANDOR_SMTP_URL, with nodemailer, as it would to a real one.
export async function startMailbox(): Promise<Mailbox> {
  const received: ReceivedMail[] = [];
  const waiting = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no STARTTLS offered (a self-signed certificate would be refused).
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            from: mail.from?.text ?? '',
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
          });
          for (const wake of waiting) wake();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.server.address() as AddressInfo;
  const to = (address: string) => received.filter((m) => m.to.includes(address.toLowerCase()));
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    to,
    next: (address, { after = 0, timeoutMs = 10_000 } = {}) =>
      new Promise((ok, fail) => {
        const look = () => {
          const mail = received.slice(after).find((m) => m.to.includes(address.toLowerCase()));
          if (!mail) return false;
          clearTimeout(timer);
          waiting.delete(wake);
          ok(mail);
          return true;
        };
        const wake = () => void look();
        const timer = setTimeout(() => {
          waiting.delete(wake);
          fail(new Error(`no mail to ${address} within ${timeoutMs} ms (${received.length} received)`));
        }, timeoutMs);
        if (!look()) waiting.add(wake);
      }),
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

// The token of the link in a mail (after '#token=').
export function linkOf(mail: ReceivedMail): { link: string; token: string } {
  const match = /(\S+)#token=([A-Za-z0-9_-]{43})/.exec(mail.text);
  if (!match) throw new Error(`no link in the mail:\n${mail.text}`);
  return { link: `${match[1]}#token=${match[2]}`, token: match[2] };
}
