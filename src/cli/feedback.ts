import { InvalidArgumentError, type Command } from 'commander';
import { articlePath, FEEDBACK_KINDS, isFeedbackKind, NotFoundError, type FeedbackEntry, type FeedbackKind } from '../domain/index.ts';
import { commandContext, withStore } from './context.ts';
import { parseCount } from './optionParsers.ts';

/**
 * `newsdesk feedback list`: the feedback inbox until the newsroom has a page for it. Readers wrote this text,
 * so it is printed as inert text: characters a terminal would act on (escape sequences, C1 controls, bidi
 * overrides that reorder what is shown) are dropped from the listing and escaped in JSON.
 */
export function configureFeedback(feedback: Command): void {
  feedback.description("readers' notes from the article pages' \"Help us improve.\" form");
  feedback
    .command('list')
    .option('--article <id>', "only this article's notes", parseId)
    .option('--kind <kind>', `only one kind: ${FEEDBACK_KINDS.join(', ')}`, parseKind)
    .option('--limit <n>', 'how many notes, newest first', parseCount, 50)
    .option('--json', 'print the notes as JSON')
    .description('list readers\' notes, newest first, with the article each is about')
    .action(async (options: { article?: number; kind?: FeedbackKind; limit: number; json?: boolean }) => {
      const { config } = commandContext();
      await withStore(config, async (store) => {
        if (options.article !== undefined && !(await store.articles.findById(options.article))) {
          throw new NotFoundError(`no article with id ${options.article}`);
        }
        const notes = await store.feedback.list({ articleId: options.article, kind: options.kind, limit: options.limit });
        const withUrls = notes.map((note) => ({ ...note, url: `${config.siteUrl}${articlePath(note.article)}` }));
        if (options.json) console.log(inertJson(withUrls));
        else if (notes.length === 0) console.log('no feedback yet');
        else console.log(withUrls.map(noteBlock).join('\n\n'));
      });
    });
}

/** One note as a block: a heading line, the article, then the reader's text, every line marked as theirs. */
function noteBlock(note: FeedbackEntry & { url: string }): string {
  const heading = [`#${note.id}`, note.kind, `${note.createdAt.slice(0, 16).replace('T', ' ')} UTC`, note.email ?? 'no email'];
  const text = terminalSafe(note.text).split('\n').map((line) => `  | ${line}`);
  return [terminalSafe(heading.join('  ')), `  on: ${terminalSafe(note.article.headline)}`, `      ${note.url}`, ...text].join('\n');
}

/**
 * What a terminal would act on rather than show: C0 controls but tab and newline (ESC starts colour and cursor
 * sequences), DEL, C1 controls (0x9B is a one-byte CSI on some terminals) and bidirectional overrides, which can
 * make a line read differently from what it holds.
 */
const TERMINAL_ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_ACTIVE, '');
}

/** JSON whose strings keep every character, with the terminal-active ones as \u escapes (JSON.stringify leaves C1 and bidi raw). */
export function inertJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(TERMINAL_ACTIVE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function parseId(value: string): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id < 1) throw new InvalidArgumentError('give an article id (a whole number, as in `newsdesk feedback list --json`)');
  return id;
}

function parseKind(value: string): FeedbackKind {
  if (!isFeedbackKind(value)) throw new InvalidArgumentError(`give one of ${FEEDBACK_KINDS.join(', ')}`);
  return value;
}
