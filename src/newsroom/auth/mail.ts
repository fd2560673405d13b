/**
 * The newsroom's email: password-reset and invitation links. Sent through an SMTP server when one is configured;
 * otherwise written to the log and reported as not delivered, so whoever asked (an admin inviting someone, say)
 * can be shown the link to pass on by hand.
 */
import { createRequire } from 'node:module';

export interface MailLog {
  info(obj: object, msg: string): void;
}

export interface MailerOptions {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465; null or empty: no server, log instead. */
  smtpUrl: string | null | undefined;
  /** The sender: "CRBC Newsroom <newsroom@example.org>". */
  from: string;
  log: MailLog;
}

export interface Message {
  subject: string;
  text: string;
}

export interface OutgoingMessage extends Message {
  to: string;
}

export interface Mailer {
  /**
   * Sends one plain-text message to one address. `delivered` is true when the SMTP server accepted it, false when
   * there is no server (the message went to the log). Rejects when the server refuses it or cannot be reached.
   */
  send(message: OutgoingMessage): Promise<{ delivered: boolean }>;
}

/**
 * Limits on each step of talking to the SMTP server, in ms, so a server that does not answer fails the request
 * that sends mail in seconds instead of holding it: connecting ≤ 10 s. The URL may ask for less, never more.
 */
export const SMTP_TIMEOUTS = {
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 20_000,
  dnsTimeout: 10_000,
} as const;

export function createMailer({ smtpUrl, from, log }: MailerOptions): Mailer {
  if (!smtpUrl) {
    return {
      async send(message) {
        const { to, subject, text } = checked(message);
        log.info({ mail: { from, to, subject, text } }, 'email not sent: no SMTP server is configured, so here it is');
        return { delivered: false };
      },
    };
  }
  const nodemailer = createRequire(import.meta.url)('nodemailer') as typeof import('nodemailer');
  const transport = nodemailer.createTransport(smtpTransportUrl(smtpUrl));
  return {
    async send(message) {
      const { to, subject, text } = checked(message);
      const sent = await transport.sendMail({ from, to, subject, text });
      return { delivered: sent.accepted.length > 0 };
    },
  };
}

/** The URL with each timeout capped at SMTP_TIMEOUTS (nodemailer lets the URL's query override the options). */
export function smtpTransportUrl(smtpUrl: string): string {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    // Not the URL itself: it may carry the SMTP password.
    throw new Error('The SMTP URL is not a URL (expected smtp://user:password@host:port or smtps://…)');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`The SMTP URL must start with smtp:// or smtps://, not ${url.protocol}//`);
  }
  for (const [name, limit] of Object.entries(SMTP_TIMEOUTS)) {
    const asked = Number(url.searchParams.get(name));
    url.searchParams.set(name, String(asked > 0 ? Math.min(asked, limit) : limit));
  }
  return url.href;
}

/** One plain address, no list and no display name: an address typed into a form must not add recipients. */
const SINGLE_ADDRESS = /^[^\s@,;:<>()"\[\]\\]+@[^\s@,;:<>()"\[\]\\]+$/u;

function checked(message: OutgoingMessage): OutgoingMessage {
  if (!SINGLE_ADDRESS.test(message.to)) throw new Error(`Not a single email address: ${JSON.stringify(message.to)}`);
  return { to: message.to, subject: oneLine(message.subject), text: message.text };
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** "25 November 2026 at 15:00 UTC". */
export function formatExpiry(expiresAt: Date): string {
  const date = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(expiresAt);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(expiresAt);
  return `${date} at ${time} UTC`;
}

export function passwordResetMessage({ siteName, link, expiresAt }: { siteName: string; link: string; expiresAt: Date }): Message {
  const site = oneLine(siteName);
  return {
    subject: `Reset your ${site} password`,
    text: [
      'Hello,',
      '',
      `Someone asked to reset the password of your ${site} newsroom account. If it was you, open this link to choose a new password:`,
      '',
      link,
      '',
      `The link works once, and only until ${formatExpiry(expiresAt)}. After that, ask for a new one from the sign-in page.`,
      '',
      "If it wasn't you, you can ignore this email: your password stays as it is.",
      '',
      `— ${site}`,
      '',
    ].join('\n'),
  };
}

export function invitationMessage({
  siteName,
  name,
  link,
  expiresAt,
  invitedBy,
}: {
  siteName: string;
  name: string;
  link: string;
  expiresAt: Date;
  invitedBy: string;
}): Message {
  const site = oneLine(siteName);
  const inviter = oneLine(invitedBy);
  const greeting = oneLine(name);
  return {
    subject: `${inviter} invited you to the ${site} newsroom`,
    text: [
      greeting === '' ? 'Hello,' : `Hello ${greeting},`,
      '',
      `${inviter} has invited you to join the ${site} newsroom. To accept, open this link and choose your password:`,
      '',
      link,
      '',
      `The link works once, and only until ${formatExpiry(expiresAt)}. If it runs out, ask ${inviter} to invite you again.`,
      '',
      "If you weren't expecting this, you can ignore this email.",
      '',
      `— ${site}`,
      '',
    ].join('\n'),
  };
}
