import { InvalidArgumentError, type Command } from 'commander';
import type { Logger } from 'pino';
import { sqliteFileOf, type Config } from '../config.ts';
import { articlePath, bodyWordCount, publishBlockers, SYSTEM_ACTORS, ValidationError, WORKFLOW_STATES, type Article, type WorkflowState } from '../domain/index.ts';
import type { Acting, CommandContext } from '../newsroom/index.ts';

/** The operator at the machine: an admin, named in the audit log as the CLI. */
const CLI_ACTING: Acting = { actor: SYSTEM_ACTORS.cli, address: null };
import type { DeskListing, Store } from '../store/index.ts';
import { commandContext, openContentChanges, withStore } from './context.ts';
import { findArticle } from './findArticle.ts';
import { parseCount } from './optionParsers.ts';

const HELP = `
ARTICLE is an id ("42"), a path ("/security/some-story") or a full URL on the site.

publish puts a draft (or an unpublished article) on the site, if it passes the publish checks (a headline and
at least PUBLISH_MIN_WORDS words of body, 80 by default). unpublish takes it down: its address answers 410 Gone
and it leaves the home page, section fronts, feeds, sitemaps and search at once, also on a site already running.`;

export function configureArticle(command: Command): void {
  command.description('list, show, publish, schedule, unpublish, spike and restore articles').addHelpText('after', HELP);

  command
    .command('list')
    .option('--state <state>', `only articles in this state (${WORKFLOW_STATES.join(', ')})`, parseState)
    .option('--limit <n>', 'how many, most recently changed first', parseCount, 20)
    .option('--json', 'print JSON')
    .description('list articles, most recently changed first, with their state and address')
    .action(async (options: { state?: WorkflowState; limit: number; json?: boolean }) => {
      const { config } = commandContext();
      await withStore(config, async (store) => {
        const articles = await store.articles.listForDesk({ workflowState: options.state, limit: options.limit, offset: 0 });
        const listed = articles.map((article) => ({ ...article, url: `${config.siteUrl}${articlePath(article)}` }));
        if (options.json) console.log(JSON.stringify(listed, null, 2));
        else console.log(listed.length ? listingTable(listed) : `no ${options.state ? `${options.state} ` : ''}articles`);
      });
    });

  command
    .command('show')
    .argument('<article>', 'id, path or URL')
    .option('--json', 'print the whole article as JSON')
    .description('show an article: state, address, times, words, and what stops it being published')
    .action(async (which: string, options: { json?: boolean }) => {
      const { config } = commandContext();
      await withStore(config, async (store) => {
        const article = await findArticle(store, which);
        if (options.json) console.log(JSON.stringify(article, null, 2));
        else console.log(describe(article, config));
      });
    });

  command
    .command('publish')
    .argument('<article>', 'id, path or URL')
    .description('put an article on the site (it must pass the publish checks)')
    .action(async (which: string) => {
      const { publishArticle } = await import('../newsroom/index.ts');
      await onArticle(which, async (context, articleId, config, log) => {
        const { article, changed } = await publishArticle(context, CLI_ACTING, articleId);
        log.info({ article: article.id }, changed ? 'article published' : 'article already published');
        console.log(`${changed ? 'published' : 'already published'}: ${config.siteUrl}${articlePath(article)}`);
      });
    });

  command
    .command('unpublish')
    .argument('<article>', 'id, path or URL')
    .description('take an article off the site: its address answers 410 Gone')
    .action(async (which: string) => {
      const { unpublishArticle } = await import('../newsroom/index.ts');
      await onArticle(which, async (context, articleId, config, log) => {
        const { article, changed } = await unpublishArticle(context, CLI_ACTING, articleId);
        log.info({ article: article.id }, changed ? 'article unpublished' : 'article already unpublished');
        const state = changed ? 'unpublished' : 'already unpublished';
        console.log(`${state}: ${config.siteUrl}${articlePath(article)} (410 Gone; \`newsdesk article publish ${article.id}\` restores it)`);
      });
    });

  command
    .command('schedule')
    .argument('<article>', 'id, path or URL')
    .argument('<time>', 'when it goes on the site: an ISO-8601 time with its zone, e.g. 2026-12-24T08:00:00Z')
    .description('publish an article at a set time (it must pass the publish checks now); a running worker or `serve` publishes it')
    .action(async (which: string, time: string) => {
      const at = parseTime(time);
      const { scheduleArticle } = await import('../newsroom/index.ts');
      const { openJobQueue } = await import('../ingest/jobs/index.ts');
      await onArticle(which, async (context, articleId, config, log) => {
        const jobs = await openJobQueue({ databaseUrl: config.databaseUrl, sqliteFile: sqliteFileOf(config), logger: log });
        try {
          const { article } = await scheduleArticle({ ...context, jobs }, CLI_ACTING, articleId, at);
          console.log(`scheduled for ${at.toISOString()}: ${config.siteUrl}${articlePath(article)}`);
        } finally {
          await jobs.close();
        }
      });
    });

  command
    .command('spike')
    .argument('<article>', 'id, path or URL')
    .description('spike an article: a recoverable delete (off the site and out of every list; `article restore` undoes it)')
    .action(async (which: string) => {
      const { spikeArticle } = await import('../newsroom/index.ts');
      await onArticle(which, async (context, articleId, config) => {
        const { article, changed } = await spikeArticle(context, CLI_ACTING, articleId);
        console.log(`${changed ? 'spiked' : 'already spiked'}: ${config.siteUrl}${articlePath(article)} (\`newsdesk article restore ${article.id}\` brings it back)`);
      });
    });

  command
    .command('restore')
    .argument('<article>', 'id, path or URL')
    .description('bring a spiked article back, as a draft (or as unpublished, if it had been on the site)')
    .action(async (which: string) => {
      const { restoreArticle } = await import('../newsroom/index.ts');
      await onArticle(which, async (context, articleId, config) => {
        const { article } = await restoreArticle(context, CLI_ACTING, articleId);
        console.log(`restored as ${article.workflowState}: ${config.siteUrl}${articlePath(article)}`);
      });
    });
}

/**
 * Runs `work` on the article `which` names, with what newsroom commands need; changes reach a running site through
 * Redis or the change log.
 */
async function onArticle(
  which: string,
  work: (context: CommandContext, articleId: number, config: Config, log: Logger) => Promise<void>,
): Promise<void> {
  const { config, log } = commandContext();
  await withStore(config, async (store: Store) => {
    const changes = await openContentChanges(config, store, log);
    try {
      const { id } = await findArticle(store, which);
      await work({ store, changes, publishRules: config.publishRules }, id, config, log);
    } finally {
      await changes.close();
    }
  });
}

function parseTime(value: string): Date {
  const at = new Date(value);
  if (!/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) || Number.isNaN(at.getTime())) {
    throw new ValidationError(`"${value}" is not a time; write it as 2026-12-24T08:00:00Z (or with an offset, +01:00)`);
  }
  return at;
}

function parseState(value: string): WorkflowState {
  const state = WORKFLOW_STATES.find((known) => known === value.replace('-', '_'));
  if (!state) throw new InvalidArgumentError(`use one of ${WORKFLOW_STATES.join(', ')}`);
  return state;
}

function listingTable(articles: (DeskListing & { url: string })[]): string {
  const rows = articles.map((a) => [String(a.id), a.workflowState, a.updatedAt.slice(0, 16).replace('T', ' '), clip(a.headline, 60), a.url]);
  const header = ['id', 'state', 'changed (UTC)', 'headline', 'address'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function describe(article: Article, config: Config): string {
  const blockers = article.status === 'published' ? [] : publishBlockers(article, config.publishRules);
  const lines = [
    `${article.id}  ${article.headline}`,
    `state      ${article.workflowState}${article.status === 'published' ? ' (on the site)' : ' (not on the site)'}`,
    `address    ${config.siteUrl}${articlePath(article)}`,
    `section    ${article.section}`,
    `byline     ${article.byline ?? '—'}`,
    `source     ${article.source?.name ?? '—'}`,
    `published  ${article.publishedAt ?? '—'}`,
    `updated    ${article.updatedAt}`,
    `words      ${bodyWordCount(article)} in the lede and body`,
  ];
  if (blockers.length > 0) lines.push(`cannot be published yet: ${blockers.join('; ')}`);
  return lines.join('\n');
}

function clip(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}
