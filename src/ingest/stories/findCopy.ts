import type { ArticleDraft } from '../../domain/index.ts';
import { chooseHeadline, fingerprint, fingerprintBuckets, isNearDuplicate, storyDocument } from '../../enrich/stories/index.ts';
import type { Repositories } from '../../store/index.ts';

/** Filed articles read per fingerprint bucket: copies of one story are few, and the newest are the likeliest. */
const ARTICLES_PER_BUCKET = 20;

/**
 * The stored article this draft is a copy of (a syndicated text, a wire rewrite under another address), if
 * any: found through the fingerprint buckets of the story index, so the check reads a few rows, not the archive.
 */
export async function findCopyOf(store: Repositories, draft: Pick<ArticleDraft, 'headline' | 'lede' | 'body' | 'publishedAt'>): Promise<number | null> {
  const document = storyDocument('draft', draft);
  const print = fingerprint(`${document.title}\n${document.text}`);
  const index = store.stories.index({ headline: chooseHeadline });
  const filed = await index.documentsInBuckets(fingerprintBuckets(print), ARTICLES_PER_BUCKET);
  const original = filed.find((candidate) => isNearDuplicate(print, candidate.fingerprint));
  // A copy of a copy is a copy of the original: the collapsed article is the first one stored.
  if (!original) return null;
  return Number(original.nearDuplicateOf ?? original.id);
}
