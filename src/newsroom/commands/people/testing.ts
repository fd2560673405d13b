import { localContentChanges, type Store } from '../../../store/index.ts';
import { databaseAttemptLimiter, hashPassword, type FailurePolicy, type Mailer, type OutgoingMessage } from '../../auth/index.ts';
import { commandTestContext } from '../testing.ts';
import { authSettings, type PeopleContext } from './context.ts';

/** Three failures in fifteen minutes lock for ten: small numbers, so tests reach the limit in a few tries. */
export const TEST_FAILURE_POLICY: FailurePolicy = { windowSeconds: 15 * 60, maxFailures: 3, lockSeconds: 10 * 60 };

export const TEST_SITE = { siteUrl: 'https://news.example.org', siteName: 'CRBC News' };

/** A password no rule refuses. */
export const GOOD_PASSWORD = 'correct horse battery staple';

export interface PeopleTest {
  context: PeopleContext;
  store: Store;
  /** Every message the mailer was given. */
  sent: OutgoingMessage[];
  /** Whether the mailer reports messages delivered (as with an SMTP server) or not (logged); or fails. */
  mail: { outcome: 'delivered' | 'logged' | 'refused' };
  clock: { now: Date; advanceMinutes(minutes: number): void };
}

/**
 * A people context over a throwaway in-memory store, or over `store` when given (a PostgreSQL one), with a clock
 * the test moves, a mailer that keeps what it is given, and failures counted in the store.
 */
export async function peopleTestContext(store?: Store): Promise<PeopleTest> {
  const base = store ? undefined : await commandTestContext();
  const opened = store ?? base!.store;
  const clock = {
    now: new Date('2026-03-01T12:00:00Z'),
    advanceMinutes(minutes: number) {
      clock.now = new Date(clock.now.getTime() + minutes * 60_000);
    },
  };
  const sent: OutgoingMessage[] = [];
  const mail: PeopleTest['mail'] = { outcome: 'delivered' };
  const mailer: Mailer = {
    async send(message) {
      if (mail.outcome === 'refused') throw new Error('550 mailbox unavailable');
      sent.push(message);
      return { delivered: mail.outcome === 'delivered' };
    },
  };
  const context: PeopleContext = {
    ...(base?.context ?? { store: opened, changes: localContentChanges(), publishRules: { minBodyWords: 80 } }),
    now: () => clock.now,
    auth: authSettings(TEST_SITE),
    limiter: databaseAttemptLimiter(opened.authFailures, TEST_FAILURE_POLICY),
    mailer,
  };
  return { context, store: opened, sent, mail, clock };
}

/** Gives a stored person a password directly, as if they had set it through their link. */
export async function givePassword(store: Store, userId: number, password = GOOD_PASSWORD): Promise<void> {
  await store.users.setPassword(userId, await hashPassword(password), '2026-03-01T09:00:00.000Z');
}

/** The raw token at the end of a one-time link. */
export function tokenOf(link: string): string {
  return decodeURIComponent(link.slice(link.lastIndexOf('/') + 1));
}

/** The audit entries with `action`, newest first. */
export async function auditOf(store: Store, action: string) {
  return store.audit.list({ action, limit: 100, offset: 0 });
}

let sessionSerial = 0;
/** A session of the person's, stored directly; returns its id hash. */
export async function sessionFor(store: Store, userId: number): Promise<string> {
  sessionSerial += 1;
  const idHash = `session-${sessionSerial}-${'0'.repeat(40)}`;
  await store.sessions.insert({
    idHash,
    userId,
    createdAt: '2026-03-01T11:59:00.000Z',
    expiresAt: '2026-03-01T23:59:00.000Z',
    address: '192.0.2.1',
    userAgent: 'test',
  });
  return idHash;
}
