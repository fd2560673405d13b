import type { JobOutcome } from './jobs/index.ts';
import type { PageIngestResult } from './pages/ingestPage.ts';
import type { PollOutcome } from './polling/pollFeed.ts';

/** What one `newsdesk ingest` run did: enough for an operator to see at a glance whether it worked. */
export interface IngestRunReport {
  feeds: { polled: number; ok: number; unchanged: number; failed: number };
  stories: { created: number; updated: number; unchanged: number; duplicate: number; failed: number; heldBack: number };
  /** Job runs of this run that failed and wait for another try, and those parked for a person. */
  retrying: number;
  parked: number;
  /** Failures of this run (feeds and stories), commonest first, each message with its addresses cut to hosts. */
  commonErrors: { message: string; count: number }[];
}

const ERRORS_LISTED = 3;

/** Counts outcomes as a run reports them: feed polls, story fetches, and the queue's verdict on failures. */
export class IngestRunTally {
  private readonly report: Omit<IngestRunReport, 'commonErrors'> = {
    feeds: { polled: 0, ok: 0, unchanged: 0, failed: 0 },
    stories: { created: 0, updated: 0, unchanged: 0, duplicate: 0, failed: 0, heldBack: 0 },
    retrying: 0,
    parked: 0,
  };
  private readonly errors = new Map<string, number>();

  polled(outcome: PollOutcome): void {
    if (outcome.status === 'gone') return;
    const { feeds } = this.report;
    feeds.polled += 1;
    if (outcome.status === 'ok') feeds.ok += 1;
    else if (outcome.status === 'not-modified') feeds.unchanged += 1;
    else {
      feeds.failed += 1;
      this.noteError(outcome.error);
    }
  }

  fetched(result: PageIngestResult | null): void {
    if (!result) return;
    this.report.stories[result.outcome] += 1;
    if (result.heldBack) this.report.stories.heldBack += 1;
  }

  /** A job's failure as the queue recorded it; a failed story fetch counts against the stories. */
  settled(outcome: JobOutcome, isStoryFetch: boolean): void {
    if (outcome.state === 'done') return;
    if (outcome.state === 'retry') this.report.retrying += 1;
    else this.report.parked += 1;
    if (isStoryFetch) this.report.stories.failed += 1;
    this.noteError(outcome.error);
  }

  result(): IngestRunReport {
    const commonErrors = [...this.errors]
      .map(([message, count]) => ({ message, count }))
      .sort((a, b) => b.count - a.count || a.message.localeCompare(b.message))
      .slice(0, ERRORS_LISTED);
    return { ...structuredClone(this.report), commonErrors };
  }

  private noteError(message: string): void {
    // The queue notes a fetch failure's kind first ("http-status: …"); the sentence after it says the same.
    const key = withHostsOnly(message.replace(/^[a-z]+(-[a-z]+)*: /, ''));
    this.errors.set(key, (this.errors.get(key) ?? 0) + 1);
  }
}

/** "http://news.example/story/12 answered 503" → "news.example/… answered 503": one line for a whole site's failures. */
export function withHostsOnly(message: string): string {
  return message.replace(/\bhttps?:\/\/[^\s"'()<>]+/g, (url) => {
    try {
      const { host, pathname, search } = new URL(url);
      return pathname === '/' && !search ? host : `${host}/…`;
    } catch {
      return url;
    }
  });
}

/** Whether the run tried to fetch anything and nothing at all came back. */
export function nothingFetched(report: IngestRunReport): boolean {
  const { feeds, stories } = report;
  const attempts = feeds.polled + stories.created + stories.updated + stories.unchanged + stories.duplicate + stories.failed;
  const successes = feeds.ok + feeds.unchanged + stories.created + stories.updated + stories.unchanged + stories.duplicate;
  return attempts > 0 && successes === 0;
}
