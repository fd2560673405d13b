import { diffWords } from 'diff';

export interface WordDiffProps {
  before: string | null;
  after: string | null;
  /** Keep line breaks (Markdown bodies, paragraphs); single-line fields run as text. */
  multiline?: boolean;
  /**
   * Which side to draw: both in one text (the default), or one version with its own changes marked, for two
   * columns side by side ('before' shows what was removed, 'after' what was added).
   */
  side?: 'both' | 'before' | 'after';
}

/** Whether two versions of a field differ at all (a missing value and an empty one are the same). */
export function differs(before: string | null, after: string | null): boolean {
  return (before ?? '') !== (after ?? '');
}

/**
 * Two versions of a text, word by word: what went in as <ins>, what came out as <del>. Colour and strike-through
 * are invisible to a screen reader, and most do not announce <ins>/<del>, so each change also starts with a
 * visually hidden "added:" or "removed:". The text is given to preact as text: whatever anyone typed is escaped.
 */
export function WordDiff({ before, after, multiline = false, side = 'both' }: WordDiffProps) {
  const parts = diffWords(before ?? '', after ?? '').filter((part) => !(side === 'before' && part.added) && !(side === 'after' && part.removed));
  return (
    <div class={multiline ? 'word-diff multiline' : 'word-diff'}>
      {parts.map((part, index) =>
        part.added ? (
          <ins key={index}>
            <span class="visually-hidden">added: </span>
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={index}>
            <span class="visually-hidden">removed: </span>
            {part.value}
          </del>
        ) : (
          <span key={index}>{part.value}</span>
        ),
      )}
    </div>
  );
}
