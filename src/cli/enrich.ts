import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { ArticleDraft } from '../domain/index.ts';
import { ENRICHMENT_VERSION, enrichArticle } from '../enrich/enrichArticle.ts';
import { articleText } from '../enrich/articleText.ts';
import { extractArticle } from '../extract/html/index.ts';
import { parsePageText } from '../extract/index.ts';
import { draftFromExtraction } from '../ingest/index.ts';
import { enrichStoredArticle } from '../newsroom/index.ts';
import { commandContext, withStore } from './context.ts';
import { loadPage } from './extract.ts';
import { progressBar } from './progress.ts';
import { rebuildSearchIndex } from './reindexSearch.ts';

/** Articles enriched per database round trip in `reindex`; small enough that a kill loses little work. */
const REINDEX_BATCH = 100;

export function configureEnrich(command: Command): void {
  command
    .argument('<file>', 'a page-text file (the seed\'s form) or a saved HTML page (.html/.htm)')
    .option('--url <url>', 'the page\'s address, for an HTML file')
    .option('--json', 'print JSON (the default, and the only form for now)')
    .description('extract and enrich one page and print everything as JSON; stores nothing')
    .action(async (file: string, options: { url?: string }) => {
      const { config } = commandContext();
      const draft = /\.html?$/i.test(file) || options.url ? await htmlDraft(file, options.url, config) : await textDraft(file);
      const { paragraphs } = articleText(draft);
      console.log(JSON.stringify({ article: draft, paragraphs, enrichment: enrichArticle(draft) }, null, 2));
    });
}

export function configureReindex(command: Command): void {
  command
    .option('--enrich', 'recompute enrichment for articles not enriched by the current code')
    .option('--search', 'rebuild the full-text search index from the stored articles')
    .description('recompute derived data for stored articles; resumable: a killed run picks up where it stopped')
    .action(async (options: { enrich?: boolean; search?: boolean }) => {
      const { config, log } = commandContext();
      if (!options.enrich && !options.search) {
        console.log('nothing to do: pass --enrich to recompute enrichment, --search to rebuild the search index');
        return;
      }
      if (options.search) await withStore(config, (store) => rebuildSearchIndex(store, log));
      if (!options.enrich) return;
      await withStore(config, async (store) => {
        const total = await store.enrichments.countStale(ENRICHMENT_VERSION);
        // The suggested section is one of the site's sections as stored (an editor may have added some).
        const sections = (await store.sections.list()).map((section) => section.name);
        const bar = progressBar('enrich');
        let done = 0;
        let afterId = 0;
        try {
          for (;;) {
            const ids = await store.enrichments.staleArticleIds(ENRICHMENT_VERSION, afterId, REINDEX_BATCH);
            if (ids.length === 0) break;
            for (const id of ids) {
              // One transaction an article: a kill leaves each one either re-enriched and placed, or stale.
              await store.transaction(async (trx) => {
                const article = await trx.articles.findById(id);
                if (article) await enrichStoredArticle(trx, article, sections);
              });
              bar.update(++done, total);
            }
            afterId = ids[ids.length - 1]!;
          }
        } finally {
          bar.stop();
        }
        log.info({ articles: done, version: ENRICHMENT_VERSION }, 'enrichment recomputed');
        console.log(`enriched ${done} article${done === 1 ? '' : 's'} (version ${ENRICHMENT_VERSION})`);
      });
    });
}

async function textDraft(file: string): Promise<ArticleDraft> {
  return parsePageText(await readFile(file, 'utf8'));
}

async function htmlDraft(file: string, url: string | undefined, config: Parameters<typeof loadPage>[2]): Promise<ArticleDraft> {
  const page = await loadPage(file, url, config);
  const extracted = extractArticle(page.html, { url: page.url });
  return draftFromExtraction(extracted, {
    sectionName: extracted.sectionHint ?? 'World',
    sourceName: extracted.siteName ?? new URL(page.url).hostname,
    sourceUrl: extracted.canonicalUrl ?? page.url,
  });
}
