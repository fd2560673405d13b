import type { Article, RevisionContent, RevisionKind, RevisionListing } from '../../domain/index.ts';
import { bodyToMarkdown } from '../markdown/index.ts';
import { CsrfField, NewsroomLayout, Notice, type NewsroomChrome } from './NewsroomLayout.tsx';
import { differs, WordDiff } from './WordDiff.tsx';

/** How each kind of revision is named in the list. */
export const REVISION_KIND_WORDS: Record<RevisionKind, string> = {
  save: 'saved',
  import: 'imported',
  restore: 'restored',
  conflict_copy: 'conflict copy',
  earlier: 'earlier',
};

/** One field of two revisions, as text to compare word by word. */
export interface FieldComparison {
  label: string;
  before: string | null;
  after: string | null;
  multiline: boolean;
}

/**
 * The fields an editor changes, each as comparable text: the body as the Markdown the editor writes (so a diff
 * reads like the edit that made it), the image as its four parts.
 */
export function compareRevisions(from: RevisionContent, to: RevisionContent, sectionName: (slug: string) => string): FieldComparison[] {
  const field = (label: string, before: string | null, after: string | null, multiline = false): FieldComparison => ({ label, before, after, multiline });
  return [
    field('Headline', from.headline, to.headline),
    field('Standfirst (dek)', from.dek, to.dek),
    field('Summary', from.summary, to.summary, true),
    field('Section', sectionName(from.section), sectionName(to.section)),
    field('Byline', from.byline, to.byline),
    field('Lede', from.lede, to.lede, true),
    field('Body', bodyToMarkdown(from.body), bodyToMarkdown(to.body), true),
    field('Image address', from.hero?.url ?? null, to.hero?.url ?? null),
    field('Image description (alt)', from.hero?.alt ?? null, to.hero?.alt ?? null),
    field('Image caption', from.hero?.caption ?? null, to.hero?.caption ?? null),
    field('Image credit', from.hero?.credit ?? null, to.hero?.credit ?? null),
  ];
}

export interface RevisionsPageProps extends NewsroomChrome {
  article: Pick<Article, 'id' | 'headline' | 'revisionId'>;
  /** Newest first. */
  revisions: RevisionListing[];
  from: number;
  to: number;
  comparison: FieldComparison[];
  canRestore: boolean;
  notice?: string | null;
}

export function RevisionsPage(props: RevisionsPageProps) {
  const { article, revisions, from, to, comparison, canRestore, csrf } = props;
  const changed = comparison.filter((field) => differs(field.before, field.after));
  return (
    <NewsroomLayout {...props} title={`Revisions: ${article.headline}`}>
      <h1>
        Revisions of <q>{article.headline}</q>
      </h1>
      <Notice notice={props.notice} />
      <table>
        <caption class="visually-hidden">Every revision, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Revision</th>
            <th scope="col">Kind</th>
            <th scope="col">Who</th>
            <th scope="col">When</th>
            {canRestore ? <th scope="col">Restore</th> : null}
          </tr>
        </thead>
        <tbody>
          {revisions.map((revision) => (
            <tr key={revision.id}>
              <td>
                {revision.id}
                {revision.id === article.revisionId ? <strong> (current)</strong> : null}
              </td>
              <td>{REVISION_KIND_WORDS[revision.kind]}</td>
              <td>{revision.authorLabel ?? 'unknown'}</td>
              <td>
                <time dateTime={revision.createdAt}>{shownTime(revision.createdAt)}</time>
              </td>
              {canRestore ? (
                <td>
                  {revision.id === article.revisionId ? null : (
                    <form method="post" action={`/newsroom/articles/${article.id}/revisions/${revision.id}/restore`}>
                      <CsrfField csrf={csrf} />
                      {article.revisionId === null ? null : <input type="hidden" name="baseRevisionId" value={String(article.revisionId)} />}
                      <button type="submit" class="quiet">
                        Restore revision {revision.id}
                      </button>
                    </form>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>

      <h2 id="compare">Compare two revisions</h2>
      <form method="get" action={`/newsroom/articles/${article.id}/revisions`} class="compare-form">
        <RevisionSelect name="from" label="From (older)" revisions={revisions} selected={from} />
        <RevisionSelect name="to" label="To (newer)" revisions={revisions} selected={to} />
        <button type="submit">Compare</button>
      </form>
      <section aria-labelledby="diff-title">
        <h3 id="diff-title">
          Changes from revision {from} to revision {to}
        </h3>
        {changed.length === 0 ? (
          <p>These two revisions have the same content.</p>
        ) : (
          <dl class="revision-diff">
            {changed.map((field) => (
              <div key={field.label}>
                <dt>{field.label}</dt>
                <dd>
                  <WordDiff before={field.before} after={field.after} multiline={field.multiline} />
                </dd>
              </div>
            ))}
          </dl>
        )}
        {changed.length > 0 && changed.length < comparison.length ? (
          <p class="hint">Unchanged: {comparison.filter((field) => !differs(field.before, field.after)).map((field) => field.label).join(', ')}.</p>
        ) : null}
      </section>
    </NewsroomLayout>
  );
}

function RevisionSelect({ name, label, revisions, selected }: { name: string; label: string; revisions: RevisionListing[]; selected: number }) {
  return (
    <label>
      {label}
      <select name={name}>
        {revisions.map((revision) => (
          <option key={revision.id} value={String(revision.id)} selected={revision.id === selected}>
            {`${revision.id} — ${REVISION_KIND_WORDS[revision.kind]}, ${shownTime(revision.createdAt)}`}
          </option>
        ))}
      </select>
    </label>
  );
}

/** "2026-03-01 12:00 UTC": times are stored in UTC and shown so, to the minute. */
export function shownTime(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/** Said when a restore lost to a save made meanwhile (409). */
export function RestoreConflictPage(props: NewsroomChrome & { articleId: number; message: string }) {
  return (
    <NewsroomLayout {...props} title="Someone saved meanwhile">
      <h1>Someone saved this article meanwhile</h1>
      <Notice problem={props.message} />
      <p>
        Nothing was overwritten. <a href={`/newsroom/articles/${props.articleId}/revisions`}>Open the revisions again</a> to see the newest one, then
        restore if you still want to.
      </p>
    </NewsroomLayout>
  );
}
