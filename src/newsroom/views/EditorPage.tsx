import type { Article, Section, WorkflowState } from '../../domain/index.ts';
import type { ArticleAction } from '../policy.ts';
import type { EditorFields } from '../web/editorForm.ts';
import { CsrfField, NewsroomLayout, Notice, type NewsroomChrome } from './NewsroomLayout.tsx';

/** A workflow state as a label in lists and on the editor. */
export const STATE_LABELS: Record<WorkflowState, string> = {
  draft: 'Draft',
  in_review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
  spiked: 'Spiked',
};

export function editorPath(id: number): string {
  return `/newsroom/articles/${id}`;
}

export interface EditorProps extends NewsroomChrome {
  /** The stored article; null on the form for a new one. */
  article: Pick<Article, 'id' | 'headline' | 'workflowState' | 'section' | 'slug' | 'scheduledAt' | 'hero'> | null;
  fields: EditorFields;
  sections: readonly Pick<Section, 'slug' | 'name'>[];
  /** False: the person may read the article but not change it (no form). */
  editable: boolean;
  /** The workflow moves the policy allows this person here. */
  allowed: ReadonlySet<ArticleAction>;
  /** Why the article may not be published yet (the publish checks), shown above the form. */
  blockers: readonly string[];
  problem?: string | null;
  notice?: string | null;
  /** What the Markdown of the last save said that the body does not keep. */
  notes?: readonly string[];
}

/**
 * The editor: the article's fields as one form (the body in Markdown), a Preview button that shows the typed
 * text as readers would see it, and the workflow moves as small forms of their own, each shown only to someone
 * the policy allows. Read-only (the fields as text) for someone who may open the article but not change it.
 */
export function EditorPage(props: EditorProps) {
  const { article, fields } = props;
  const title = article ? `Edit: ${article.headline}` : 'New article';
  return (
    <NewsroomLayout {...props} title={title}>
      <p>
        <a href="/newsroom/articles">← Articles</a>
      </p>
      <h1>{article ? article.headline : 'New article'}</h1>
      {article ? (
        <p class="hint">
          <span class={`state state-${article.workflowState}`}>{STATE_LABELS[article.workflowState]}</span>
          {article.workflowState === 'scheduled' && article.scheduledAt ? ` · goes out ${article.scheduledAt.slice(0, 16).replace('T', ' ')} UTC` : null}
          {article.workflowState === 'published' ? (
            <>
              {' · '}
              <a href={`/${article.section}/${article.slug}`}>on the site</a>
            </>
          ) : null}
        </p>
      ) : null}
      <Notice problem={props.problem} notice={props.notice} />
      {props.notes && props.notes.length > 0 ? (
        <div class="notice" role="status">
          <p>Some of the Markdown was not kept:</p>
          <ul>
            {props.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {article && props.blockers.length > 0 ? (
        <div class="blockers" aria-labelledby="blockers-title">
          <p id="blockers-title">
            <strong>Not ready to publish:</strong>
          </p>
          <ul>
            {props.blockers.map((blocker) => (
              <li key={blocker}>{blocker}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div class="editor">
        {props.editable ? <EditorForm {...props} /> : <ReadOnly fields={fields} sections={props.sections} />}
        {article ? <WorkflowForms id={article.id} state={article.workflowState} allowed={props.allowed} csrf={props.csrf} /> : null}
      </div>
    </NewsroomLayout>
  );
}

/** The article's fields as one form; the conflict page offers it again, on the current revision. */
export function EditorForm({ article, fields, sections, csrf }: Pick<EditorProps, 'article' | 'fields' | 'sections' | 'csrf'>) {
  const action = article ? editorPath(article.id) : '/newsroom/articles';
  return (
    <form method="post" action={action} class="stacked editor-form">
      <CsrfField csrf={csrf} />
      <input type="hidden" name="baseRevisionId" value={fields.baseRevisionId} />
      <input type="hidden" name="summaryPrefill" value={fields.summaryPrefill} />
      <label>
        Headline
        <input type="text" name="headline" value={fields.headline} required maxLength={250} />
      </label>
      <label>
        Standfirst (dek)
        <textarea name="dek" rows={2}>
          {fields.dek}
        </textarea>
      </label>
      <label>
        Section
        <select name="section">
          {sections.map((section) => (
            <option key={section.slug} value={section.slug} selected={section.slug === fields.section}>
              {section.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Byline
        <input type="text" name="byline" value={fields.byline} />
      </label>
      <label>
        Summary
        <span class="hint">
          {fields.summaryPrefill
            ? 'Filled with the automatic summary: left as it is, it stays automatic (and labelled so); edited, it becomes the article’s own.'
            : 'Shown in a box above the lede; left empty, the site shows an automatic one.'}
        </span>
        <textarea name="summary" rows={4}>
          {fields.summary}
        </textarea>
      </label>
      <label>
        Lede
        <textarea name="lede" rows={4}>
          {fields.lede}
        </textarea>
      </label>
      <label>
        Body (Markdown)
        <span class="hint">“## Title” starts a section; a blank line starts a paragraph; “&gt; ” quotes; “- ” lists. No HTML.</span>
        <textarea name="body" rows={20} class="body-markdown">
          {fields.body}
        </textarea>
      </label>
      <fieldset>
        <legend>Photo</legend>
        {article?.hero?.url ? <p class="hint">The photo stays as uploaded; these are its words.</p> : null}
        <label>
          Alt text
          <input type="text" name="heroAlt" value={fields.heroAlt} />
        </label>
        <label>
          Caption
          <input type="text" name="heroCaption" value={fields.heroCaption} />
        </label>
        <label>
          Credit
          <input type="text" name="heroCredit" value={fields.heroCredit} />
        </label>
      </fieldset>
      <fieldset>
        <legend>Source</legend>
        <label>
          Credit name
          <input type="text" name="sourceName" value={fields.sourceName} />
        </label>
        <label>
          Address
          <input type="text" name="sourceUrl" value={fields.sourceUrl} inputMode="url" />
        </label>
      </fieldset>
      <div class="buttons">
        <button type="submit">{article ? 'Save' : 'Create draft'}</button>
        {article ? (
          <button type="submit" class="quiet" formAction={`${editorPath(article.id)}/preview`} formTarget="_blank">
            Preview
          </button>
        ) : null}
      </div>
    </form>
  );
}

function ReadOnly({ fields, sections }: Pick<EditorProps, 'fields' | 'sections'>) {
  const rows: Array<[string, string]> = [
    ['Headline', fields.headline],
    ['Standfirst (dek)', fields.dek],
    ['Section', sections.find((section) => section.slug === fields.section)?.name ?? fields.section],
    ['Byline', fields.byline],
    ['Summary', fields.summaryPrefill ? '' : fields.summary],
    ['Lede', fields.lede],
    ['Body (Markdown)', fields.body],
    ['Photo alt text', fields.heroAlt],
    ['Photo caption', fields.heroCaption],
    ['Photo credit', fields.heroCredit],
    ['Source', [fields.sourceName, fields.sourceUrl].filter(Boolean).join(' — ')],
  ];
  return (
    <div class="read-only">
      <p class="hint">You may read this article but not change it.</p>
      <dl>
        {rows.map(([name, value]) => (
          <>
            <dt key={`t-${name}`}>{name}</dt>
            <dd key={`d-${name}`} class="preserve">
              {value || '—'}
            </dd>
          </>
        ))}
      </dl>
    </div>
  );
}

/** The workflow moves, each a small form of its own; a move the policy refuses here is not offered. */
function WorkflowForms({ id, state, allowed, csrf }: { id: number; state: WorkflowState; allowed: ReadonlySet<ArticleAction>; csrf: string }) {
  const path = (move: string) => `${editorPath(id)}/${move}`;
  const offered = {
    submit: allowed.has('submit') && state === 'draft',
    return: allowed.has('review') && (state === 'in_review' || state === 'scheduled'),
    publish: allowed.has('publish') && ['draft', 'in_review', 'scheduled', 'unpublished'].includes(state),
    schedule: allowed.has('schedule') && ['draft', 'in_review', 'scheduled', 'unpublished'].includes(state),
    unpublish: allowed.has('unpublish') && state === 'published',
    spike: allowed.has('spike') && state !== 'spiked',
    restore: allowed.has('restore') && state === 'spiked',
  };
  if (!Object.values(offered).some(Boolean)) return null;
  return (
    <aside class="workflow" aria-labelledby="workflow-title">
      <h2 id="workflow-title">Workflow</h2>
      {offered.submit ? (
        <form method="post" action={path('submit')} class="stacked">
          <CsrfField csrf={csrf} />
          <label>
            Note for the desk <span class="hint">(optional)</span>
            <textarea name="note" rows={2} />
          </label>
          <button type="submit">Submit for review</button>
        </form>
      ) : null}
      {offered.return ? (
        <form method="post" action={path('return')} class="stacked">
          <CsrfField csrf={csrf} />
          <label>
            What to change
            <textarea name="note" rows={2} />
          </label>
          <button type="submit" class="quiet">
            Send back to draft
          </button>
        </form>
      ) : null}
      {offered.publish ? (
        <form method="post" action={path('publish')}>
          <CsrfField csrf={csrf} />
          <button type="submit">Publish now</button>
        </form>
      ) : null}
      {offered.schedule ? (
        <form method="post" action={path('schedule')} class="stacked">
          <CsrfField csrf={csrf} />
          <label>
            Publish at <span class="hint">(UTC)</span>
            <input type="datetime-local" name="at" required />
          </label>
          <button type="submit" class="quiet">
            Schedule
          </button>
        </form>
      ) : null}
      {offered.unpublish ? (
        <form method="post" action={path('unpublish')}>
          <CsrfField csrf={csrf} />
          <button type="submit" class="quiet">
            Unpublish (take off the site)
          </button>
        </form>
      ) : null}
      {offered.spike ? (
        <form method="post" action={path('spike')}>
          <CsrfField csrf={csrf} />
          <button type="submit" class="quiet">
            Spike (a recoverable delete)
          </button>
        </form>
      ) : null}
      {offered.restore ? (
        <form method="post" action={path('restore')}>
          <CsrfField csrf={csrf} />
          <button type="submit">Restore</button>
        </form>
      ) : null}
    </aside>
  );
}
