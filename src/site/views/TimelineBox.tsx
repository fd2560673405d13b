import { Fragment } from 'preact';
import type { TimelineFact } from '../../domain/index.ts';
import { timelineDateParts, timelineDateSeparator } from './timelineDates.ts';

/** One dated fact is a date, not a sequence: the box shows from two facts up. */
export const MIN_TIMELINE_FACTS = 2;

interface TimelineBoxProps {
  timeline: readonly TimelineFact[];
  /** Paragraph anchors present on the page (`p-3`); a fact links to its sentence's paragraph only if it is there. */
  anchors: ReadonlySet<string>;
}

/**
 * The story's dated facts in time order, each taken from one of its sentences and linking to that sentence's
 * paragraph, so a reader can check a date in context. Plain links in an ordered list: it works without
 * JavaScript and reads as a list of n items to a screen reader.
 */
export function TimelineBox({ timeline, anchors }: TimelineBoxProps) {
  if (timeline.length < MIN_TIMELINE_FACTS) return null;
  return (
    <section class="timeline-box" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <p class="timeline-note">Dates found in the article’s own sentences; each links to its place in the story.</p>
      <ol class="timeline">
        {timeline.map((fact, index) => {
          const anchor = `p-${fact.sentence.paragraph}`;
          const content = (
            <>
              <TimelineDate date={fact.date} /> <span class="timeline-label">{fact.label}</span>
            </>
          );
          const figures = extraFigures(fact);
          return (
            <li key={index}>
              {anchors.has(anchor) ? <a href={`#${anchor}`}>{content}</a> : content}
              {figures.length ? <span class="timeline-figures"> · {figures.join(', ')}</span> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

export function TimelineDate({ date }: { date: string }) {
  const parts = timelineDateParts(date);
  const separator = timelineDateSeparator(parts.map((part) => part.text));
  return (
    <span class="timeline-date">
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 ? separator : null}
          {part.datetime ? <time datetime={part.datetime}>{part.text}</time> : part.text}
        </Fragment>
      ))}
    </span>
  );
}

/** Figures the label does not already say ("peak, about 170,000 US troops" needs no "170,000 US troops" after it). */
function extraFigures(fact: TimelineFact): string[] {
  return fact.figures.filter((figure) => !fact.label.includes(figure));
}
