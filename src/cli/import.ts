import type { Command } from 'commander';
import { articlePath } from '../domain/index.ts';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { ImportResult } from '../ingest/index.ts';
import type { Store } from '../store/index.ts';
import { commandContext, openContentChanges, withStore } from './context.ts';
import { loadPage, type LoadedPage } from './extract.ts';
import { progressBar } from './progress.ts';

interface PageImportOptions {
  section?: string;
  draft?: boolean;
}

export function configureImport(command: Command): void {
  command.description('import articles into the store');

  command
    .command('page')
    .argument('<file>', 'a news page flattened to text (brand, section, headline, caption, summary, lede, sections)')
    .option('--draft', 'store a new article as a draft instead of publishing it')
    .description('import a page-text file as a published article and print its URL')
    .addHelpText('after', '\nRe-importing the same file changes nothing; an edited file updates the article (same URL).')
    .action(async (file: string, options: { draft?: boolean }) => {
      const { config, log } = commandContext();
      const { importPageFile } = await import('../ingest/index.ts');
      await withStore(config, async (store) => {
        const result = await store.transaction((tx) =>
          importPageFile(tx, file, { status: options.draft ? 'draft' : 'published', publishRules: config.publishRules }),
        );
        log.info({ id: result.article.id, outcome: result.outcome, file }, `article ${result.outcome}`);
        await reportImport(result, config, store, log);
      });
    });

  command
    .command('url')
    .argument('<url>', 'an article page (http or https)')
    .option('--section <name>', 'file it under this section; default: the page\'s own label if it is one of ours')
    .option('--draft', 'store a new article as a draft instead of publishing it')
    .description('fetch one article page, extract it and store it; prints its URL here')
    .action(async (url: string, options: PageImportOptions) => {
      const { config, log } = commandContext();
      await importLoadedPage(await loadPage(url, undefined, config), options, config, log);
    });

  command
    .command('html')
    .argument('<file>', 'a saved HTML page')
    .requiredOption('--url <url>', 'the address the page was saved from (its identity, and the base of its links)')
    .option('--section <name>', 'file it under this section; default: the page\'s own label if it is one of ours')
    .option('--draft', 'store a new article as a draft instead of publishing it')
    .description('extract a saved HTML page and store it, as `import url` would')
    .action(async (file: string, options: PageImportOptions & { url: string }) => {
      const { config, log } = commandContext();
      await importLoadedPage(await loadPage(file, options.url, config), options, config, log);
    });

  command
    .command('demo')
    .description('import the demo content (Wikinews stories and the CRBC seed page); safe to run again')
    .action(async () => {
      const { config, log } = commandContext();
      const { importDemo } = await import('../ingest/index.ts');
      await withStore(config, async (store) => {
        const bar = progressBar('demo');
        const report = await importDemo(store, { onProgress: bar.update }).finally(bar.stop);
        if (!report.seedImported) log.warn('seed page not found beside the project; imported the Wikinews stories only');
        const { created, updated, unchanged } = report.counts;
        console.log(`demo: ${created} created, ${updated} updated, ${unchanged} unchanged`);
      });
    });
}

async function importLoadedPage(page: LoadedPage, options: PageImportOptions, config: Config, log: Logger): Promise<void> {
  const { ingestPage } = await import('../ingest/index.ts');
  await withStore(config, async (store) => {
    const result = await ingestPage(store, {
      ...page,
      sectionName: options.section ?? null,
      status: options.draft ? 'draft' : 'published',
      publishRules: config.publishRules,
    });
    log.info({ id: result.article.id, outcome: result.outcome, url: page.url }, `article ${result.outcome}`);
    await reportImport(result, config, store, log);
  });
}

/**
 * Prints the article's address and, when it was kept off the site, why; a change a running site shows is
 * announced to it, so its pages show the article at once rather than when their cache lapses.
 */
async function reportImport({ article, outcome, heldBack }: ImportResult, config: Config, store: Store, log: Logger): Promise<void> {
  const url = `${config.siteUrl}${articlePath(article)}`;
  if (heldBack) {
    const what = outcome === 'created' ? `${outcome} as a draft` : 'not applied (the published version stays)';
    console.log(`${what}: ${url}\n  not published: ${heldBack.join('; ')}`);
  } else {
    console.log(`${outcome}: ${url}${article.status === 'draft' ? ' (draft)' : ''}`);
  }
  if (article.status !== 'published' || (outcome !== 'created' && outcome !== 'updated')) return;
  const changes = await openContentChanges(config, store, log);
  try {
    await changes.publish({ articleId: article.id, section: article.section, outcome });
  } finally {
    await changes.close();
  }
}
