import { paragraphSection, SYSTEM_ACTORS, type Actor, type ArticleDraft, type ContentChange, type Role, type User } from '../../domain/index.ts';
import { importArticle } from '../../ingest/index.ts';
import { localContentChanges, openStore, type Store } from '../../store/index.ts';
import type { Acting, CommandContext } from './context.ts';

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

/** The operator's CLI, as commands see it. */
export const CLI: Acting = { actor: SYSTEM_ACTORS.cli, address: null };

/** A person with `role`, stored, acting from a loopback address. */
export async function personActing(store: Store, role: Role, email = `${role}@example.org`): Promise<Acting & { user: User }> {
  const user = await store.users.insert({ email, name: role[0]!.toUpperCase() + role.slice(1), role, createdAt: '2026-03-01T09:00:00.000Z' });
  const actor: Actor = { kind: 'person', user };
  return { actor, address: '127.0.0.1', user };
}
