import type { AttemptLimiter, Mailer } from '../../auth/index.ts';
import type { CommandContext } from '../context.ts';

/** How long sessions and one-time links last, and how links and messages name the site. */
export interface AuthSettings {
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Invitations and the first admin's link. */
  setupLinkHours: number;
  resetLinkMinutes: number;
  siteName: string;
  /** Absolute link for a one-time token: `${siteUrl}/newsroom/setup/<token>` or `/newsroom/reset/<token>`. */
  linkFor(purpose: 'setup' | 'reset', token: string): string;
}

/**
 * ASVS 3.3.2 (level 2) asks for re-authentication at least every 12 hours and after 30 minutes idle; a setup link
 * waits three days for someone to read their invitation; a reset link is asked for by someone at the screen now.
 */
export const DEFAULT_AUTH_TIMES: AuthTimes = {
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  setupLinkHours: 72,
  resetLinkMinutes: 60,
};

export type AuthTimes = Pick<AuthSettings, 'sessionIdleMinutes' | 'sessionAbsoluteHours' | 'setupLinkHours' | 'resetLinkMinutes'>;

/** The settings for a site at `siteUrl`, with the default times unless others are given. */
export function authSettings(site: { siteUrl: string; siteName: string }, times: Partial<AuthTimes> = {}): AuthSettings {
  const origin = site.siteUrl.replace(/\/+$/u, '');
  return {
    ...DEFAULT_AUTH_TIMES,
    ...times,
    siteName: site.siteName,
    linkFor: (purpose, token) => `${origin}/newsroom/${purpose}/${encodeURIComponent(token)}`,
  };
}

/** What the people and sign-in commands work with, beyond every command's context. */
export interface PeopleContext extends CommandContext {
  auth: AuthSettings;
  /** Counts failed sign-ins and reset requests. */
  limiter: AttemptLimiter;
  /** Sends invitations and reset links; without an SMTP server it logs them and says they were not delivered. */
  mailer: Mailer;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export function minutesAfter(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * MINUTE_MS);
}

export function hoursAfter(at: Date, hours: number): Date {
  return new Date(at.getTime() + hours * HOUR_MS);
}
