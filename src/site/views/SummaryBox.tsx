import type { ArticleSummary } from '../../domain/index.ts';

/** The source's own summary paragraph, as the page gave it (the seed's layout). */
export function SourceSummaryBox({ text }: { text: string }) {
  return (
    <section class="summary-box" aria-labelledby="summary-label">
      <p class="summary-label" id="summary-label">
        Summary
      </p>
      <p>{text}</p>
    </section>
  );
}

/**
 * A summary chosen automatically from the article's own sentences. It says so, and each sentence links to the
 * paragraph it was taken from, so a reader can check it in context.
 */
export function AutomaticSummaryBox({ summary }: { summary: ArticleSummary }) {
  return (
    <section class="summary-box" aria-labelledby="summary-label">
      <p class="summary-label" id="summary-label">
        Summary <span class="summary-note">· chosen automatically from the article's own sentences</span>
      </p>
      <ul class="summary-sentences">
        {summary.sentences.map((sentence, index) => (
          <li key={index}>
            <a href={`#p-${sentence.paragraph}`}>{sentence.text}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
