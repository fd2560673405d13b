import { FetchError } from '../domain/index.ts';

/**
 * What to do about an error, where the message alone leaves a user stuck: printed under it. A refused address is
 * the fetcher keeping feeds and links from reaching this machine or a private network (SSRF), which is right on a
 * public site and in the way when trying a feed served on one's own machine.
 */
export function hintFor(error: unknown): string | null {
  if (!(error instanceof FetchError) || error.failure !== 'blocked' || !error.details.url) return null;
  const url = URL.canParse(error.details.url) ? new URL(error.details.url) : null;
  if (!url) return null;
  const hostPort = `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
  return [
    'Newsdesk fetches only from public addresses, so that no feed or link can make it reach this machine or your',
    'private network. To try a feed served on this machine during local development, allow its host and port:',
    `  FETCH_ALLOW_PRIVATE_HOSTS=${hostPort} npx newsdesk …`,
    'Never set that on a public site. The README\'s "Try ingest offline" shows a whole run.',
  ].join('\n');
}
