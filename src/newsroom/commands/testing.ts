import { paragraphSection, type ArticleDraft, type ContentChange } from '../../domain/index.ts';
import { importArticle } from '../../ingest/index.ts';
import { localContentChanges, openStore, type Store } from '../../store/index.ts';
import type { CommandContext } from './context.ts';

/** A command context over a throwaway store, with every announced change kept for the test to read. */
export async function commandTestContext(): Promise<{ context: CommandContext; announced: ContentChange[]; store: Store }> {
  const store = await openStore({ databaseUrl: null, sqliteFile: ':memory:' });
  const changes = localContentChanges();
  const announced: ContentChange[] = [];
  changes.subscribe((change) => announced.push(change));
  const context: CommandContext = { store, changes, publishRules: { minBodyWords: 80 }, now: () => new Date('2026-03-01T12:00:00Z') };
  return { context, announced, store };
}

/** A story of `words` words of body, imported with `status`. */
export async function storyOf(store: Store, key: string, words: number, status: 'draft' | 'published') {
  const text = Array.from({ length: words }, (_, n) => `word${n}`).join(' ');
  const draft: ArticleDraft = {
    headline: `Story ${key}`, sectionName: 'World', dek: null, summary: null, lede: null,
    body: [paragraphSection(null, [text])], hero: null, byline: null, source: null, publishedAt: null,
  };
  const { article } = await store.transaction((tx) => importArticle(tx, draft, { sourceKey: key, status }));
  return article;
}
