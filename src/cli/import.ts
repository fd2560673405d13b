import type { Command } from 'commander';
import { articlePath } from '../domain/index.ts';
import { importDemo, importPageFile } from '../ingest/index.ts';
import { commandContext, withStore } from './context.ts';
import { progressBar } from './progress.ts';

export function registerImport(program: Command): void {
  const command = program.command('import').description('import articles into the store');

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
