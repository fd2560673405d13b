import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  cleanText,
  feedbackArticleId,
  FEEDBACK_TEXT_MAX_CHARS,
  FEEDBACK_USER_AGENT_MAX_CHARS,
  readFeedbackForm,
  ValidationError,
  type FeedbackSubmission,
  type PublishedArticle,
} from '../../domain/index.ts';
import type { Store } from '../../store/index.ts';
import { FEEDBACK_SCRIPT_BODY, FEEDBACK_SCRIPT_ETAG, FEEDBACK_SCRIPT_HASH, FEEDBACK_SCRIPT_PATH } from '../assets/feedbackScript.ts';
import { thanksLocation } from '../feedbackThanks.ts';
import { matchesIfNoneMatch } from '../pageCache.ts';
import { localLimits, type SiteLimits } from '../limits/siteLimits.ts';
import { senderOf, type BucketRule } from '../rateLimit.ts';
import { allowedOrigins, isSameOriginPost } from '../sameOrigin.ts';
import { FEEDBACK_ACTION, FEEDBACK_THANKS, HONEYPOT_FIELD, type FeedbackDraft } from '../views/FeedbackForm.tsx';
import { renderFeedbackRefused } from '../views/FeedbackRefused.tsx';
import type { SiteInfo } from '../views/types.ts';

export interface FeedbackLimits {
  perSender: BucketRule;
  perArticle: BucketRule;
}

export const DEFAULT_FEEDBACK_LIMITS: FeedbackLimits = {
  // A reader correcting a story sends a note or two: five at once, then one a minute, never stops a person.
  perSender: { capacity: 5, refillMs: 60_000 },
  // A badly wrong story draws many notes, but more than a hundred an hour is a campaign, and the inbox must
  // stay readable for the editors.
  perArticle: { capacity: 60, refillMs: 30_000 },
};

/**
 * A note is at most 2,000 characters of up to 4 UTF-8 bytes each, percent-encoded (x3): 24 KB, plus the
 * other fields. Anything bigger is not a note, and is refused before it is read.
 */
export const FEEDBACK_BODY_LIMIT = 32 * 1024;

export interface FeedbackRoutesOptions {
  store: Store;
  site: SiteInfo;
  /** Keys the hash of senders' addresses; without one, a random key per process (hashes then differ per process). */
  secret?: string;
  limits?: Partial<FeedbackLimits>;
  /** Where the limits are kept: this process's memory unless given (the site passes Redis when it has one). */
  limiters?: SiteLimits;
  /** The clock, for tests of the limits. */
  now?: () => number;
}

/** A post that is not stored, with what the reader needs to put it right. */
class FeedbackRefusal extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly article?: PublishedArticle,
    readonly draft?: FeedbackDraft,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** Said for posts Fastify refuses before our handler runs; its own messages are written for developers. */
const FRAMEWORK_REFUSALS: Readonly<Record<number, string>> = {
  413: `Your note is too long to send. Please keep it to ${FEEDBACK_TEXT_MAX_CHARS.toLocaleString('en')} characters.`,
  415: 'The form could not be read. Please send it from the article page.',
};

/**
 * The "Help us improve." form's endpoint and its script. A post is checked in order of cost: where it comes
 * from, that its article exists, the honeypot, the form's fields, then the sender's and the article's rate
 * limits; only then is it stored. Without JavaScript the answer is a 303 back to the article with a thank-you;
 * the script asks for JSON. Refusals are pages of their own (or JSON), never cached, never a stack trace.
 */
export const feedbackRoutes: FastifyPluginAsync<FeedbackRoutesOptions> = async (app, options) => {
  const { store, site, now = Date.now, limiters = localLimits({ now }) } = options;
  const limits = { ...DEFAULT_FEEDBACK_LIMITS, ...options.limits };
  const perSender = limiters.buckets('feedback-sender', limits.perSender);
  const perArticle = limiters.buckets('feedback-article', limits.perArticle);
  const addressKey = options.secret || randomBytes(32).toString('hex');
  // Of the sender (see senderOf), so the inbox shows one IPv6 client's notes as one sender's too.
  const hashAddress = (ip: string) => createHmac('sha256', addressKey).update(senderOf(ip)).digest('hex').slice(0, 32);

  // Forms post urlencoded; Fastify reads JSON only. Repeated fields keep their last value.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  app.setErrorHandler((error: FastifyError | FeedbackRefusal, request, reply) => {
    const refusal = error instanceof FeedbackRefusal ? error : frameworkRefusal(error);
    // Anything else is ours to fix: the site's own 500 page, which logs it.
    if (!refusal) throw error;
    request.log.info({ statusCode: refusal.statusCode, reason: refusal.message }, 'feedback refused');
    reply.code(refusal.statusCode).header('cache-control', 'no-store');
    if (refusal.retryAfterSeconds !== undefined) reply.header('retry-after', String(refusal.retryAfterSeconds));
    if (wantsJson(request)) return reply.send({ statusCode: refusal.statusCode, message: refusal.message });
    const { statusCode, message, article, draft } = refusal;
    return reply.type('text/html; charset=utf-8').send(renderFeedbackRefused({ site, statusCode, message, article, draft }));
  });

  app.post(FEEDBACK_ACTION, { bodyLimit: FEEDBACK_BODY_LIMIT }, async (request, reply) => {
    if (!isSameOriginPost(request.headers, allowedOrigins(site.url, request))) {
      throw new FeedbackRefusal(403, 'Notes can only be sent from the form under an article on this site.');
    }
    const fields = isRecord(request.body) ? request.body : {};
    const article = await findArticle(store, fields);

    if (typeof fields[HONEYPOT_FIELD] === 'string' && fields[HONEYPOT_FIELD] !== '') {
      // Answered like a success, so a bot learns nothing; nothing is stored.
      request.log.info({ articleId: article.id }, 'feedback honeypot filled: discarded');
      return thank(request, reply, article);
    }

    let submission: FeedbackSubmission;
    try {
      submission = readFeedbackForm(fields);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      throw new FeedbackRefusal(400, error.message, article, draftOf(fields));
    }

    // The sender's bucket first: one sender flooding must not use up an article's allowance for everyone. Keyed
    // by the sender itself, not its hash: processes that were given different secrets still share one bucket.
    for (const [limiter, key, message] of [
      [perSender, senderOf(request.ip), 'You have sent several notes in a short time. Please wait a little before sending another.'],
      [perArticle, String(article.id), 'This article has had many notes in a short time. Please try again a little later.'],
    ] as const) {
      const taken = await limiter.take(key);
      if (!taken.allowed) {
        throw new FeedbackRefusal(429, message, article, draftOf(fields), Math.ceil(taken.retryAfterMs / 1000));
      }
    }

    await store.feedback.add({
      articleId: article.id,
      articleRevision: await revisionSeen(store, article, submission.revision),
      kind: submission.kind,
      text: submission.text,
      email: submission.email,
      createdAt: new Date(now()).toISOString(),
      ipHash: hashAddress(request.ip),
      userAgent: userAgentOf(request),
    });
    return thank(request, reply, article);
  });

  app.get(
    FEEDBACK_SCRIPT_PATH,
    { schema: { querystring: { type: 'object', properties: { v: { type: 'string', maxLength: 64 } } } } },
    async (request, reply) => {
      const { v } = request.query as { v?: string };
      // As the stylesheet: a versioned URL never changes, an unversioned one may change with the next deploy.
      reply.header('cache-control', v === FEEDBACK_SCRIPT_HASH ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
      reply.header('etag', FEEDBACK_SCRIPT_ETAG);
      if (matchesIfNoneMatch(request.headers['if-none-match'], FEEDBACK_SCRIPT_ETAG)) return reply.code(304).send();
      return reply.type('text/javascript; charset=utf-8').send(FEEDBACK_SCRIPT_BODY);
    },
  );
};

function thank(request: FastifyRequest, reply: FastifyReply, article: PublishedArticle) {
  reply.header('cache-control', 'no-store');
  if (wantsJson(request)) return reply.send({ ok: true, message: FEEDBACK_THANKS });
  // 303: the browser follows with a GET, so reloading the thank-you page never posts the note again.
  return reply.redirect(thanksLocation(article), 303);
}

/** The published article the form names; a 400 when it names none, a 404 when there is no such article. */
async function findArticle(store: Store, fields: Record<string, unknown>): Promise<PublishedArticle> {
  let id: number;
  try {
    id = feedbackArticleId(fields);
  } catch (error) {
    throw new FeedbackRefusal(400, (error as Error).message);
  }
  const article = await store.articles.findById(id);
  if (article?.status !== 'published') throw new FeedbackRefusal(404, 'That article is not on the site (any more), so there is nothing to correct.');
  return article;
}

/**
 * The version of the article the reader was looking at: the hash their page carried when it is the current
 * one or a stored revision (a cached page may be a little older than an edit), else the current one.
 */
async function revisionSeen(store: Store, article: PublishedArticle, seen: string | null): Promise<string> {
  if (seen === null || seen === article.contentHash) return article.contentHash;
  const revisions = await store.articles.revisions(article.id);
  return revisions.some((revision) => revision.contentHash === seen) ? seen : article.contentHash;
}

function userAgentOf(request: FastifyRequest): string | null {
  const agent = cleanText(request.headers['user-agent'] ?? '');
  return agent ? agent.slice(0, FEEDBACK_USER_AGENT_MAX_CHARS) : null;
}

/** The fields worth giving back to the reader, as strings (never longer than the form allows, plus a margin). */
function draftOf(fields: Record<string, unknown>): FeedbackDraft {
  const text = (name: string, max: number) => (typeof fields[name] === 'string' ? cleanText(fields[name]).slice(0, max) : undefined);
  return { kind: text('kind', 32), text: text('text', FEEDBACK_TEXT_MAX_CHARS * 2), email: text('email', 512) };
}

function frameworkRefusal(error: FastifyError): FeedbackRefusal | undefined {
  const statusCode = error.statusCode;
  if (statusCode === undefined || statusCode < 400 || statusCode >= 500) return undefined;
  return new FeedbackRefusal(statusCode, FRAMEWORK_REFUSALS[statusCode] ?? 'The form could not be read. Please send it again from the article page.');
}

/** As the site's error pages decide: a client that asks for JSON only (the form's script) gets JSON. */
function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  return !!accept && accept.includes('application/json') && !accept.includes('text/html');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
