import {
  FEEDBACK_EMAIL_MAX_CHARS,
  FEEDBACK_KIND_LABELS,
  FEEDBACK_KINDS,
  FEEDBACK_TEXT_MAX_CHARS,
  type FeedbackKind,
  type PublishedArticle,
} from '../../domain/index.ts';
import { FEEDBACK_SCRIPT_SRC } from '../assets/feedbackScript.ts';

/** Where the form posts; one address for every article, so a page's links and actions stay the same set. */
export const FEEDBACK_ACTION = '/feedback';
/** The name of the field people never see: a bot filling in every box fills this one too. */
export const HONEYPOT_FIELD = 'website';
/** Said after a note is stored, by the page (JavaScript off) and by the script (JavaScript on) alike. */
export const FEEDBACK_THANKS = 'Thank you. Your note has reached our editors, who read every one.';

/** What the reader sent last time, shown again when it was refused so nothing they wrote is lost. */
export interface FeedbackDraft {
  kind?: string;
  text?: string;
  email?: string;
}

type FormArticle = Pick<PublishedArticle, 'id' | 'contentHash'>;

/**
 * The "Help us improve." region under an article: an invitation and the form, or, just after a note was sent
 * (the page at ?feedback=thanks), the thank-you in its place.
 */
export function FeedbackSection({ article, thanks = false }: { article: FormArticle; thanks?: boolean }) {
  return (
    <section class="feedback" id="feedback" aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">Help us improve.</h2>
      <p>
        Spotted a mistake, a missing fact or something out of date in this story? Our editors read every note and
        record corrections on the article.
      </p>
      {thanks ? (
        <p class="feedback-thanks" role="status" tabIndex={-1}>
          {FEEDBACK_THANKS}
        </p>
      ) : (
        <FeedbackForm article={article} />
      )}
    </section>
  );
}

/**
 * The form itself. It works as a plain HTML form post; the deferred script, when it runs, sends it in place.
 * Every value a reader typed is set as an attribute value or as text, which the renderer escapes: a note
 * full of markup comes back as the same characters, never as elements.
 */
export function FeedbackForm({ article, draft = {} }: { article: FormArticle; draft?: FeedbackDraft }) {
  return (
    <>
      <form class="feedback-form" method="post" action={FEEDBACK_ACTION} data-feedback="">
        <input type="hidden" name="article" value={String(article.id)} />
        <input type="hidden" name="revision" value={article.contentHash} />
        <fieldset>
          <legend>What is wrong?</legend>
          {FEEDBACK_KINDS.map((kind: FeedbackKind) => (
            <label key={kind} class="feedback-kind">
              <input type="radio" name="kind" value={kind} required checked={draft.kind === kind} /> {FEEDBACK_KIND_LABELS[kind]}
            </label>
          ))}
        </fieldset>
        <label for="feedback-text">
          What should we fix? <span class="feedback-hint">Up to {FEEDBACK_TEXT_MAX_CHARS.toLocaleString('en')} characters.</span>
        </label>
        <textarea id="feedback-text" name="text" rows={5} maxLength={FEEDBACK_TEXT_MAX_CHARS} required value={draft.text ?? ''} />
        <label for="feedback-email">
          Your email <span class="feedback-hint">Optional, only if you would like a reply.</span>
        </label>
        <input
          id="feedback-email"
          type="email"
          name="email"
          maxLength={FEEDBACK_EMAIL_MAX_CHARS}
          autocomplete="email"
          value={draft.email ?? ''}
        />
        {/* Off screen and out of the tab order; its label tells anyone who meets it anyway to leave it alone. */}
        <div class="feedback-trap" aria-hidden="true">
          <label for="feedback-website">Leave this box empty</label>
          <input id="feedback-website" type="text" name={HONEYPOT_FIELD} tabIndex={-1} autocomplete="off" />
        </div>
        {/* The script says here what happened to a note sent in place. */}
        <p class="feedback-status" role="status" data-feedback-status="" />
        <p class="feedback-privacy">
          We keep your note, the time, your browser’s name and a scrambled form of your network address, to stop
          abuse. We never publish your email.
        </p>
        <button type="submit">Send to the editors</button>
      </form>
      <script src={FEEDBACK_SCRIPT_SRC} defer />
    </>
  );
}
