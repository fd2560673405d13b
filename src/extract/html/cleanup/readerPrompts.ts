/**
 * Lines the page addresses to its reader rather than reporting: "Read more: …", "Sign up for our newsletter",
 * "Follow us on Twitter", "Like this story? Share it", "Filed under: …", wire credits such as "Reporting by …;
 * editing by …". Sites put them inside the article body where no class name marks them, so we know them by
 * their words. Each pattern is anchored at the start of a short block: a sentence of the story that merely
 * mentions sharing or subscribing is longer, or does not open with the prompt.
 */
import { collapsedText, removeAll } from './markup.ts';

/** Prompts are one or two lines; a block longer than this is prose, whatever its opening words. */
const MAX_PROMPT_CHARS = 320;

/** Openings that point the reader at another story. */
const MORE_STORIES =
  /^[[(]?\s*(?:read more|read also|also read|read next|related(?: post| posts| stories| story| articles| coverage| reading| content| news)?|see more|see also|more|also|don'?t miss|must read|recommended|you may (?:also )?like|you might (?:also )?like|trending|most read|latest news|recent (?:articles|posts|stories)|popular this week|more from [^:]{1,40}|more great [^:]{1,40})\b\s*(?:[:|»›>…-]|\.\.\.|$)/i;

/** Openings that ask the reader to do something: subscribe, follow, share, comment, download. */
const CALL_TO_ACTION =
  /^[[(]?\s*(?:sign up|subscribe|click here|tap here|follow (?:us|him|her|them|[\p{Lu}][^ ]* (?:on|at))|join (?:us|our)|like this story|like us on|share (?:this|it)|get the (?:latest|free)|get [\p{Lu}][^ ]* delivered|listen to [^.]{1,40} (?:live|on)|watch (?:live|now)|download (?:the|our)|want more|have a tip|tell us what|leave a comment|post comment|this (?:post|article) (?:may )?contains? affiliate|we may earn|this website uses cookies|this slideshow requires)(?![\p{L}\p{N}])/iu;

/** A label standing alone where a widget was: "Comments", "Advertisement" (in the languages we meet). */
const WIDGET_LABEL =
  /^(?:comments?|advert|advertisement|sponsored|iklan|publicidade|pubblicità|anzeige|реклама)\s*(?:\(\d*\)|\d+)?$/iu;

/** Filing and copyright lines at the foot of the story. */
const FOOTER_LINE =
  /^(?:filed under|posted in|categories|tags|tagged(?: with)?|topics)\s*:|^(?:copyright\s*)?(?:©|ⓒ|\(c\))\s*[\p{L}\p{N}]|^copyright\s+\d{4}\b/iu;

/**
 * Wire and newsroom credits: "(Reporting by …; Editing by …)", "Additional reporting by …",
 * "Keith Bradsher contributed reporting from Hong Kong."
 */
const NEWSROOM_CREDIT =
  /^[([]?\s*(?:(?:additional )?reporting by|writing by|editing by|compiled by|with reporting by)\b|\bcontributed (?:reporting|to this report)\b/i;

/**
 * A newsletter pitch anywhere in a short block: "There's plenty more where that came from. Sign up for … to get
 * the free daily newsletter delivered to your inbox." Reporting on newsletters rarely asks the reader to sign up.
 */
const NEWSLETTER = /\b(?:newsletters?|inbox)\b/i;
const NEWSLETTER_ASK = /\b(?:sign up|signup|subscribe|delivered)\b/i;

export function removeReaderPrompts(content: Element): void {
  removeAll(findPrompts(content));
}

function findPrompts(content: Element): Element[] {
  const prompts: Element[] = [];
  for (const block of content.querySelectorAll('p, h1, h2, h3, h4, h5, h6, blockquote, div, section')) {
    if (!isLeafBlock(block)) continue;
    const text = collapsedText(block);
    if (text.length === 0 || text.length > MAX_PROMPT_CHARS) continue;
    if (isReaderPrompt(text)) prompts.push(block);
  }
  return prompts;
}

export function isReaderPrompt(text: string): boolean {
  const prompt = [MORE_STORIES, CALL_TO_ACTION, WIDGET_LABEL, FOOTER_LINE, NEWSROOM_CREDIT].some((p) => p.test(text));
  return prompt || (NEWSLETTER.test(text) && NEWSLETTER_ASK.test(text));
}

/** A block holding no other blocks: the unit a reader sees as one line or paragraph. */
function isLeafBlock(element: Element): boolean {
  return !element.querySelector('p, div, section, li, ul, ol, table, blockquote, h1, h2, h3, h4, h5, h6');
}
