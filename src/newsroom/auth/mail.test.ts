import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { createServer, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { createMailer, invitationMessage, passwordResetMessage, smtpTransportUrl } from './mail.ts';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** The body of a single-part message, undoing the transfer encoding nodemailer chose. */
function bodyOf(raw: string): string {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
    return decodeURIComponent(bytes).replace(/\r\n/g, '\n');
  }
  return body.replace(/\r\n/g, '\n');
}

function decodedSubject(raw: string): string {
  const header = /^subject:(.*(?:\r\n[ \t].*)*)/im.exec(raw)?.[1] ?? '';
  return header
    .replace(/\r\n[ \t]/g, ' ')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeURIComponent(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, '%$1')),
    )
    .trim();
}

describe('mail through a real SMTP server', () => {
  const received: Received[] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(address.address.endsWith('@refused.example') ? new Error('No such mailbox here') : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  let smtpUrl = '';
  const log = { info: () => assert.fail('with a server, nothing is logged instead of sent') };

  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(resolve)));

  test('a password reset reaches its one recipient with the link intact', async () => {
    const mailer = createMailer({ smtpUrl, from: 'CRBC Newsroom <newsroom@crbc.example>', log });
    const link = `https://crbc.example/newsroom/reset/${'A1b2_C3d4-'.repeat(5)}`;
    const message = passwordResetMessage({ siteName: 'CRBC News', link, expiresAt: new Date('2026-11-25T15:30:00Z') });
    const result = await mailer.send({ to: 'jane@crbc.example', ...message });
    assert.deepEqual(result, { delivered: true });
    assert.equal(received.length, 1);
    const [mail] = received;
    assert.ok(mail);
    assert.deepEqual(mail.to, ['jane@crbc.example']);
    assert.equal(mail.from, 'newsroom@crbc.example');
    assert.equal(decodedSubject(mail.raw), 'Reset your CRBC News password');
    const body = bodyOf(mail.raw);
    assert.ok(body.includes(`\n${link}\n`), body);
    assert.match(body, /only until 25 November 2026 at 15:30 UTC/);
    assert.match(body, /If it wasn't you, you can ignore this email/);
  });

  test('an invitation names who invited whom', async () => {
    const mailer = createMailer({ smtpUrl, from: 'newsroom@crbc.example', log });
    const link = 'https://crbc.example/newsroom/invitation/xyz';
    const message = invitationMessage({ siteName: 'CRBC News', name: 'Amara Okafor', link, expiresAt: new Date('2026-12-01T09:05:00Z'), invitedBy: 'Jane Doe' });
    assert.deepEqual(await mailer.send({ to: 'amara@crbc.example', ...message }), { delivered: true });
    const mail = received.at(-1);
    assert.ok(mail);
    assert.deepEqual(mail.to, ['amara@crbc.example']);
    assert.equal(decodedSubject(mail.raw), 'Jane Doe invited you to the CRBC News newsroom');
    const body = bodyOf(mail.raw);
    assert.match(body, /^Hello Amara Okafor,\n/);
    assert.match(body, /Jane Doe has invited you to join the CRBC News newsroom/);
    assert.ok(body.includes(`\n${link}\n`));
    assert.match(body, /only until 1 December 2026 at 09:05 UTC/);
  });

  test('a recipient the server refuses rejects the send', async () => {
    const mailer = createMailer({ smtpUrl, from: 'newsroom@crbc.example', log });
    const count = received.length;
    await assert.rejects(mailer.send({ to: 'nobody@refused.example', subject: 'Hi', text: 'Hello' }), /No such mailbox/);
    assert.equal(received.length, count);
  });

  test('an address that would add recipients or headers is refused before anything is sent', async () => {
    const mailer = createMailer({ smtpUrl, from: 'newsroom@crbc.example', log });
    const count = received.length;
    for (const to of ['jane@crbc.example, eve@evil.example', 'jane@crbc.example;eve@evil.example', 'Eve <eve@evil.example>', 'jane@crbc.example\r\nBcc: eve@evil.example', 'not an address', '']) {
      await assert.rejects(mailer.send({ to, subject: 'Hi', text: 'Hello' }), /Not a single email address/, to);
    }
    assert.equal(received.length, count);
  });

  test('a line break in a subject does not start a header', async () => {
    const mailer = createMailer({ smtpUrl, from: 'newsroom@crbc.example', log });
    await mailer.send({ to: 'jane@crbc.example', subject: 'Hello\r\nBcc: eve@evil.example', text: 'Hi' });
    const mail = received.at(-1);
    assert.ok(mail);
    assert.deepEqual(mail.to, ['jane@crbc.example']);
    assert.doesNotMatch(mail.raw, /^bcc:/im);
    assert.equal(decodedSubject(mail.raw), 'Hello Bcc: eve@evil.example');
  });
});

describe('mail without a server', () => {
  test('goes to the log, said to be not delivered, so the link can be shown instead', async () => {
    const logged: { obj: object; msg: string }[] = [];
    const mailer = createMailer({ smtpUrl: null, from: 'newsroom@crbc.example', log: { info: (obj, msg) => logged.push({ obj, msg }) } });
    const message = passwordResetMessage({ siteName: 'CRBC News', link: 'https://crbc.example/r/abc', expiresAt: new Date('2026-11-25T15:30:00Z') });
    assert.deepEqual(await mailer.send({ to: 'jane@crbc.example', ...message }), { delivered: false });
    assert.equal(logged.length, 1);
    assert.deepEqual(logged[0]?.obj, { mail: { from: 'newsroom@crbc.example', to: 'jane@crbc.example', subject: message.subject, text: message.text } });
    assert.match(logged[0]?.msg ?? '', /no SMTP server/);
    assert.deepEqual(await createMailer({ smtpUrl: '', from: 'x@y.example', log: { info: () => {} } }).send({ to: 'a@b.example', subject: 's', text: 't' }), {
      delivered: false,
    });
  });
});

describe('SMTP timeouts', () => {
  test('are set, connecting at most 10 s, and a URL may shorten them but not lengthen them', () => {
    const plain = new URL(smtpTransportUrl('smtp://user:p%40ss@mail.example:587'));
    assert.equal(plain.searchParams.get('connectionTimeout'), '10000');
    assert.equal(plain.searchParams.get('greetingTimeout'), '10000');
    assert.ok(Number(plain.searchParams.get('socketTimeout')) > 0);
    assert.equal(plain.username, 'user');
    assert.equal(plain.password, 'p%40ss');
    const asked = new URL(smtpTransportUrl('smtps://mail.example?connectionTimeout=600000&greetingTimeout=2000&pool=true'));
    assert.equal(asked.searchParams.get('connectionTimeout'), '10000');
    assert.equal(asked.searchParams.get('greetingTimeout'), '2000');
    assert.equal(asked.searchParams.get('pool'), 'true');
  });

  test('a server that never greets fails the send instead of holding it', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const port = (silent.address() as AddressInfo).port;
      const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}?greetingTimeout=300`, from: 'newsroom@crbc.example', log: { info: () => {} } });
      const start = Date.now();
      await assert.rejects(mailer.send({ to: 'jane@crbc.example', subject: 'Hi', text: 'Hello' }), /Greeting never received|timeout/i);
      assert.ok(Date.now() - start < 5_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  test('a URL that is not an SMTP URL is refused without repeating it (it may hold a password)', () => {
    assert.throws(() => createMailer({ smtpUrl: 'not a url :secret', from: 'a@b.example', log: { info: () => {} } }), (error: Error) => {
      assert.doesNotMatch(error.message, /secret/);
      return true;
    });
    assert.throws(() => createMailer({ smtpUrl: 'https://user:secret@mail.example', from: 'a@b.example', log: { info: () => {} } }), /smtp:\/\/ or smtps:\/\//);
  });
});
