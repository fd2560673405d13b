import type { Article, Section } from '../../domain/index.ts';
import type { EditorFields } from '../web/editorForm.ts';
import { EditorForm, editorPath } from './EditorPage.tsx';
import { NewsroomLayout, type NewsroomChrome } from './NewsroomLayout.tsx';
import { WordDiff } from './WordDiff.tsx';

export interface ConflictProps extends NewsroomChrome {
  /** The article as it now stands: someone saved it after the editor opened it. */
  current: Pick<Article, 'id' | 'headline' | 'workflowState' | 'section' | 'slug' | 'scheduledAt' | 'hero' | 'revisionId'>;
  theirs: EditorFields;
  /** What was typed; its baseRevisionId is the current revision, so saving it again is a deliberate choice. */
  yours: EditorFields;
  conflictCopyId: number;
  sections: readonly Pick<Section, 'slug' | 'name'>[];
}

const COMPARED: ReadonlyArray<[keyof EditorFields, string]> = [
  ['headline', 'Headline'],
  ['dek', 'Standfirst (dek)'],
  ['summary', 'Summary'],
  ['lede', 'Lede'],
  ['body', 'Body (Markdown)'],
];

/**
 * A save that lost to a newer one: nothing was overwritten and nothing typed is lost (it is kept as a revision).
 * Both versions side by side, word by word (removed words struck in theirs, added ones marked in yours), then
 * the editor again on the current revision, holding the typed text, to merge and save deliberately.
 */
export function ConflictPage(props: ConflictProps) {
  const { current, theirs, yours, conflictCopyId } = props;
  const changed = COMPARED.filter(([field]) => theirs[field] !== yours[field]);
  return (
    <NewsroomLayout {...props} title={`Conflict: ${current.headline}`}>
      <h1>Someone saved this article while you were editing it</h1>
      <p class="problem" role="alert">
        Your save was not applied, so their changes are not lost; your text is not lost either: it is kept as revision {conflictCopyId}. Compare the two
        below, then save the version you want.
      </p>
      <p>
        <a href={editorPath(current.id)}>Open the current version in the editor</a> (your text stays here and in revision {conflictCopyId}).
      </p>
      {changed.length === 0 ? <p>The headline, standfirst, summary, lede and body are the same in both; other fields may differ.</p> : null}
      {changed.map(([field, label]) => (
        <section key={field} class="compare" aria-labelledby={`compare-${field}`}>
          <h2 id={`compare-${field}`}>{label}</h2>
          <Compared theirs={theirs[field]} yours={yours[field]} />
        </section>
      ))}
      <h2>Your version, on top of the current one</h2>
      <p class="hint">Merge what you need from theirs into your text, then save: it becomes the newest revision.</p>
      <EditorForm article={current} fields={yours} sections={props.sections} csrf={props.csrf} />
    </NewsroomLayout>
  );
}

function Compared({ theirs, yours }: { theirs: string; yours: string }) {
  return (
    <div class="side-by-side">
      <div>
        <h3>Theirs (current)</h3>
        <WordDiff before={theirs} after={yours} side="before" multiline />
      </div>
      <div>
        <h3>Yours</h3>
        <WordDiff before={theirs} after={yours} side="after" multiline />
      </div>
    </div>
  );
}
