/**
 * The newsroom's authentication primitives (OWASP ASVS 4.0, level 2): password hashing and rules, tokens and CSRF,
 * email, and throttling of failed attempts. Pure building blocks: every setting comes in as a parameter.
 */
export {
  hashPassword,
  verifyPassword,
  dummyVerify,
  needsRehash,
  passwordProblems,
  MIN_PASSWORD_LENGTH,
  MAX_PASSWORD_LENGTH,
  PASSWORD_HASH_OPTIONS,
  type PasswordOwner,
} from './passwords.ts';
export { commonPasswords, isCommonPassword } from './commonPasswords.ts';
export { newToken, hashToken, csrfTokenFor, csrfTokenMatches } from './tokens.ts';
export {
  createMailer,
  passwordResetMessage,
  invitationMessage,
  SMTP_TIMEOUTS,
  type Mailer,
  type MailerOptions,
  type MailLog,
  type Message,
  type OutgoingMessage,
} from './mail.ts';
export {
  attemptKeys,
  redisAttemptLimiter,
  databaseAttemptLimiter,
  type AttemptLimiter,
  type AuthFailureRepository,
  type FailurePolicy,
} from './attemptLimiter.ts';
