import { InvalidArgumentError, type Command } from 'commander';
import {
  DEFAULT_POLL_INTERVAL_SECONDS,
  MIN_POLL_INTERVAL_SECONDS,
  NotFoundError,
  ValidationError,
  type ArticleStatus,
  type Feed,
} from '../domain/index.ts';
import { checkUrl } from '../ingest/fetch/index.ts';
import type { Store } from '../store/index.ts';
import { commandContext, withStore } from './context.ts';

interface AddOptions {
  section?: string;
  name?: string;
  publish?: boolean;
  every: number;
}

export function configureFeed(command: Command): void {
  command.description('follow, list and stop following RSS, Atom and JSON feeds');

  command
    .command('add')
    .argument('<url>', 'the feed address (http or https)')
    .option('--section <name>', 'file its stories under this section (e.g. Security); default: each page says')
    .option('--name <source>', 'credit its stories to this source name; default: the page\'s site name')
    .option('--publish', 'publish its stories at once instead of keeping them as drafts for an editor')
    .option('--every <minutes>', 'poll interval in minutes', parseMinutes, DEFAULT_POLL_INTERVAL_SECONDS / 60)
    .description('follow a feed; its stories arrive with the next `newsdesk ingest` or a running worker')
    .action(async (url: string, options: AddOptions) => {
      const { config, log } = commandContext();
      const feedUrl = checkUrl(url, { allowPrivateHosts: config.ingest.allowPrivateHosts }).href;
      await withStore(config, async (store) => {
        const section = options.section ? await findSection(store, options.section) : null;
        const status: ArticleStatus = options.publish ? 'published' : 'draft';
        const feed = await store.feeds.add(
          {
            url: feedUrl,
            section,
            sourceName: options.name?.trim() || null,
            publishStatus: status,
            pollIntervalSeconds: options.every * 60,
          },
          new Date(),
        );
        log.info({ feed: feed.id, url: feed.url }, 'feed added');
        console.log(`following feed ${feed.id}: ${feed.url} (${status}, every ${options.every} min)`);
      });
    });

  command
    .command('list')
    .option('--json', 'print the feeds as JSON')
    .description('list followed feeds and their health: last poll, status, next poll, error streak')
    .action(async (options: { json?: boolean }) => {
      const { config } = commandContext();
      await withStore(config, async (store) => {
        const feeds = await store.feeds.list();
        if (options.json) console.log(JSON.stringify(feeds, null, 2));
        else console.log(feeds.length ? feedTable(feeds) : 'no feeds yet: add one with `newsdesk feed add URL`');
      });
    });

  command
    .command('remove')
    .argument('<feed>', 'the feed id or URL')
    .description('stop following a feed: its waiting polls and fetches are cancelled; the stories it brought stay')
    .action(async (which: string) => {
      const { config, log } = commandContext();
      const { openIngest, removeFeed } = await import('../ingest/index.ts');
      await withStore(config, async (store) => {
        const feed = /^\d+$/.test(which) ? await store.feeds.find(Number(which)) : await store.feeds.findByUrl(which);
        if (!feed) throw new NotFoundError(`no feed ${which} (see \`newsdesk feed list\`)`);
        const { context, close } = await openIngest(config, store, log);
        try {
          const { jobsCancelled } = await removeFeed(context, feed);
          log.info({ feed: feed.id, url: feed.url, jobsCancelled }, 'feed removed');
          const jobs = jobsCancelled === 1 ? '1 waiting job' : `${jobsCancelled} waiting jobs`;
          console.log(`stopped following feed ${feed.id}: ${feed.url} (${jobs} cancelled; its stories stay)`);
        } finally {
          await close();
        }
      });
    });
}

function parseMinutes(value: string): number {
  const minutes = Number(value);
  if (!Number.isFinite(minutes) || minutes * 60 < MIN_POLL_INTERVAL_SECONDS || minutes > 7 * 24 * 60) {
    throw new InvalidArgumentError(`give minutes from ${MIN_POLL_INTERVAL_SECONDS / 60} to 10080`);
  }
  return Math.round(minutes);
}

async function findSection(store: Store, name: string): Promise<string> {
  const sections = await store.sections.list();
  const wanted = name.trim().toLowerCase();
  const section = sections.find((s) => s.name.toLowerCase() === wanted || s.slug === wanted);
  if (!section) {
    throw new ValidationError(`no section "${name}"; sections are: ${sections.map((s) => s.name).join(', ')}`);
  }
  return section.slug;
}

/** One line per feed, health first: what an operator scans for. */
function feedTable(feeds: readonly Feed[]): string {
  const rows = feeds.map((feed) => [
    String(feed.id),
    feed.lastStatus ?? 'new',
    feed.errorStreak ? `${feed.errorStreak} failed` : '',
    feed.lastPolledAt ? shortTime(feed.lastPolledAt) : 'never',
    shortTime(feed.nextPollAt),
    String(feed.itemsSeen),
    feed.url,
    feed.lastError ?? '',
  ]);
  const header = ['id', 'status', 'streak', 'last poll', 'next poll', 'items', 'url', 'last error'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function shortTime(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}
