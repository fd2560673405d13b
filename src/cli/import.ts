import type { Command } from 'commander';
import { articlePath } from '../domain/index.ts';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { importDemo, importPageFile, ingestPage } from '../ingest/index.ts';
import { commandContext, withStore } from './context.ts';
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
      await withStore(config, async (store) => {
        const { article, outcome } = await store.transaction((tx) =>
          importPageFile(tx, file, { status: options.draft ? 'draft' : 'published' }),
        );
        log.info({ id: article.id, outcome, file }, `article ${outcome}`);
        console.log(`${outcome}: ${config.siteUrl}${articlePath(article)}${article.status === 'draft' ? ' (draft)' : ''}`);
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
  await withStore(config, async (store) => {
    const { article, outcome } = await ingestPage(store, {
      ...page,
      sectionName: options.section ?? null,
      status: options.draft ? 'draft' : 'published',
    });
    log.info({ id: article.id, outcome, url: page.url }, `article ${outcome}`);
    console.log(`${outcome}: ${config.siteUrl}${articlePath(article)}${article.status === 'draft' ? ' (draft)' : ''}`);
  });
}
