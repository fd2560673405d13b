import type { Config } from '../config.ts';
import type { ContentChanges } from '../domain/index.ts';
import { connectRedis, type Store } from '../store/index.ts';
import { createMailer, databaseAttemptLimiter, redisAttemptLimiter, type FailurePolicy, type MailLog } from './auth/index.ts';
import { authSettings, type PeopleContext } from './commands/people/index.ts';

export type PeopleConfig = Pick<Config, 'siteName' | 'siteUrl' | 'newsroom' | 'publishRules' | 'redisUrl' | 'redisPrefix'>;

/**
 * What the people and sign-in commands need, from configuration: session and link times, failure counting in
 * Redis when there is one (every process counts the same failures) or in the database, and the mailer. One
 * builder for the site and the CLI, so both count and send alike.
 */
export function openPeopleContext(
  config: PeopleConfig,
  store: Store,
  changes: ContentChanges,
  log: MailLog,
): PeopleContext & { close(): Promise<void> } {
  const { newsroom } = config;
  const policy: FailurePolicy = {
    windowSeconds: newsroom.signInLockMinutes * 60,
    maxFailures: newsroom.signInMaxFailures,
    lockSeconds: newsroom.signInLockMinutes * 60,
  };
  const redis = config.redisUrl ? connectRedis(config.redisUrl, { maxRetriesPerRequest: 1 }) : null;
  redis?.on('error', () => {});
  const limiter = redis ? redisAttemptLimiter(redis, policy, `${config.redisPrefix}:sign-in`) : databaseAttemptLimiter(store.authFailures, policy);
  return {
    store,
    changes,
    publishRules: config.publishRules,
    auth: authSettings(config, { sessionIdleMinutes: newsroom.sessionIdleMinutes, sessionAbsoluteHours: newsroom.sessionAbsoluteHours }),
    limiter,
    mailer: createMailer({ smtpUrl: newsroom.smtpUrl, from: newsroom.mailFrom, log }),
    async close() {
      await redis?.quit().catch(() => {});
    },
  };
}
