import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import {
  effectiveEnrichment,
  isSlug,
  GoneError,
  NotFoundError,
  type ArticleEnrichment,
  type ArticleLink,
  type PublishedArticle,
  type Section,
} from '../../domain/index.ts';
import type { Store } from '../../store/index.ts';
import { isFeedbackThanks } from '../feedbackThanks.ts';
import { pageCacheKey, preparePage, sendPage, type PageCache, type PageMeta } from '../pageCache.ts';
import { renderDocument } from '../render.ts';
import { ArticlePage } from '../views/ArticlePage.tsx';
import { TopicPage } from '../views/TopicPage.tsx';
import type { Trending } from '../trending/trending.ts';
import { viewBeaconPath } from './views.ts';
import { storyPath } from '../views/MoreOnThisStory.tsx';
import { StoryPage } from '../views/StoryPage.tsx';
import { storyTimeline } from '../views/storyTimeline.ts';
import { Home, type SectionBlock } from '../views/Home.tsx';
import { SectionFront } from '../views/SectionFront.tsx';
import type { SiteInfo } from '../views/types.ts';

export interface PageRoutesOptions {
  store: Store;
  site: SiteInfo;
  cache: PageCache;
  trending: Trending;
}

/** Stories per page on a section front: a screenful or two of cards, and few pages for a small section. */
export const SECTION_PAGE_SIZE = 20;
/** Stories under each section on the home page. */
export const HOME_STORIES_PER_SECTION = 4;
/** Stories in the Related Articles and Trending lists below an article. */
export const ARTICLE_LIST_LENGTH = 5;
/** Topic links under a story: its most-named people, places and organisations. */
const TOPICS_PER_ARTICLE = 8;
/** Other articles of its story read under an article, and shown as More on this story. */
const STORY_MATES_READ = 20;
const STORY_MATES_SHOWN = 5;
/** A story page lists this many of its articles, oldest first. */
const STORY_PAGE_LENGTH = 100;
/** A topic's timeline is gathered from its newest articles, this many. */
const TOPIC_TIMELINE_ARTICLES = 20;
/** A topic page lists this many stories, newest first. */
const TOPIC_PAGE_LENGTH = 50;
/**
 * No section has this many pages (two million stories): a deeper page is past the end, answered 404 before any
 * query runs, so no offset that large reaches the database.
 */
const MAX_PAGE = 100_000;

const NAV_QUERY = { onlyWithArticles: true } as const;

/**
 * Home, section fronts and article pages. Each handler runs its independent queries at once, renders, and
 * hands the bytes to sendPage (ETag, 304) and, when enabled, to the page cache, which answers repeat requests
 * in the onRequest hook before any query or render.
 */
export const pageRoutes: FastifyPluginAsync<PageRoutesOptions> = async (app, { store, site, cache, trending: views }) => {
  /**
   * The most read stories lately, `exclude` left out; topped up with the newest when few have been read (a new
   * site, a quiet night), so the list is never empty while there are stories.
   */
  const trendingList = async (limit: number, newest: readonly ArticleLink[], exclude: ReadonlySet<number> = new Set()) => {
    const read = (await store.articles.linksByIds(await views.top(limit + exclude.size))).filter((link) => !exclude.has(link.id));
    return uniqueById([...read, ...newest.filter((link) => !exclude.has(link.id))]).slice(0, limit);
  };

  if (cache.enabled) {
    app.addHook('onRequest', (request, reply, done) => {
      const page = request.method === 'GET' ? cache.get(pageCacheKey(request)) : undefined;
      if (!page) return done();
      sendPage(request, reply, page);
    });
  }

  const respond = (request: FastifyRequest, reply: FastifyReply, view: VNode, meta: PageMeta = {}) => {
    const page = preparePage(renderDocument(view), meta);
    cache.set(pageCacheKey(request), page);
    return sendPage(request, reply, page);
  };

  app.get('/', async (request, reply) => {
    const [sections, newest, latest, headlines] = await Promise.all([
      store.sections.list(NAV_QUERY),
      store.articles.listPublished({ limit: 1, offset: 0 }),
      // One extra per section, so a block still has enough once the lead story is left out of it.
      store.articles.latestPerSection(HOME_STORIES_PER_SECTION + 1),
      store.articles.listHeadlines({ limit: ARTICLE_LIST_LENGTH, offset: 0 }),
    ]);
    const trending = await trendingList(ARTICLE_LIST_LENGTH, headlines);
    const lead = newest[0] ?? null;
    const blocks: SectionBlock[] = [];
    for (const section of sections) {
      const articles = latest.get(section.slug) ?? [];
      const others = articles.filter((article) => article.id !== lead?.id);
      // A section whose only story is the lead still gets its block: every section is reachable from home.
      const shown = (others.length ? others : articles).slice(0, HOME_STORIES_PER_SECTION);
      if (shown.length) blocks.push({ section, articles: shown });
    }
    return respond(request, reply, <Home site={site} sections={sections} lead={lead} blocks={blocks} trending={trending} />, {
      lastModified: lead?.updatedAt ?? null,
      surrogateKeys: ['home'],
    });
  });

  app.get(
    '/:section',
    {
      schema: {
        querystring: {
          type: 'object',
          // A page number is a whole number from 1 (else 400); how far it may go depends on the section (else 404).
          properties: { page: { type: 'integer', minimum: 1 } },
        },
      },
    },
    async (request, reply) => {
      const { section: slug } = request.params as { section: string };
      const { page = 1 } = request.query as { page?: number };
      if (!isSlug(slug)) throw new NotFoundError(`no section "${slug}"`);
      if (page > MAX_PAGE) throw new NotFoundError(`no section has ${page} pages`);
      const [section, sections, total, articles, headlines] = await Promise.all([
        store.sections.find(slug),
        store.sections.list(NAV_QUERY),
        store.articles.countPublished(slug),
        store.articles.listPublished({ section: slug, limit: SECTION_PAGE_SIZE, offset: (page - 1) * SECTION_PAGE_SIZE }),
        store.articles.listHeadlines({ limit: ARTICLE_LIST_LENGTH, offset: 0 }),
      ]);
      if (!section) throw new NotFoundError(`no section "${slug}"`);
      const pageCount = Math.max(1, Math.ceil(total / SECTION_PAGE_SIZE));
      if (page > pageCount) throw new NotFoundError(`section "${slug}" has ${pageCount} pages, not ${page}`);
      const trending = await trendingList(ARTICLE_LIST_LENGTH, headlines);
      return respond(
        request,
        reply,
        <SectionFront site={site} sections={sections} section={section} articles={articles} page={page} pageCount={pageCount} total={total} trending={trending} />,
        { lastModified: articles[0]?.updatedAt ?? null, surrogateKeys: [`section-${slug}`] },
      );
    },
  );

  app.get('/topic/:slug', async (request, reply) => {
    const { slug } = request.params as { slug: string };
    if (!isSlug(slug)) throw new NotFoundError(`no topic "${slug}"`);
    const [topic, sections, ids] = await Promise.all([
      store.enrichments.findEntity(slug),
      store.sections.list(NAV_QUERY),
      store.enrichments.articleIdsForEntity(slug, TOPIC_PAGE_LENGTH),
    ]);
    const articles = await store.articles.cardsByIds(ids);
    if (!topic || articles.length === 0) throw new NotFoundError(`no stories about "${slug}"`);
    const timeline = await topicTimeline(store, slug, articles.slice(0, TOPIC_TIMELINE_ARTICLES));
    return respond(request, reply, <TopicPage site={site} sections={sections} topic={topic} articles={articles} timeline={timeline} />, {
      surrogateKeys: [`topic-${slug}`],
    });
  });

  app.get('/story/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!isSlug(id)) throw new NotFoundError(`no story "${id}"`);
    const story = await store.stories.find(id);
    if (!story) throw new NotFoundError(`no story "${id}"`);
    // A story that merged into an older one lives on under the older one's address.
    if (story.id !== id) return reply.redirect(storyPath(story.id), 301);
    const [sections, articles, timelines] = await Promise.all([
      store.sections.list(NAV_QUERY),
      store.stories.articles(story.id, STORY_PAGE_LENGTH),
      store.stories.timelines(story.id, STORY_PAGE_LENGTH),
    ]);
    if (articles.length === 0) throw new NotFoundError(`story "${id}" has no published articles`);
    return respond(
      request,
      reply,
      <StoryPage site={site} sections={sections} story={story} articles={articles} timeline={storyTimeline(timelines)} />,
      { surrogateKeys: [`story-${story.id}`] },
    );
  });

  app.get('/:section/:slug', async (request, reply) => {
    const { section: sectionSlug, slug } = request.params as { section: string; slug: string };
    if (!isSlug(sectionSlug) || !isSlug(slug)) throw new NotFoundError(`no article at /${sectionSlug}/${slug}`);
    // One more than shown: the article itself may be among the newest and is never listed beside itself.
    const listLength = ARTICLE_LIST_LENGTH + 1;
    const [article, sections, newest] = await Promise.all([
      store.articles.findPublished(sectionSlug, slug),
      store.sections.list(NAV_QUERY),
      store.articles.listHeadlines({ limit: listLength * 2, offset: 0 }),
    ]);
    if (!article) {
      if (await store.articles.isTakenDown(sectionSlug, slug)) throw new GoneError(`/${sectionSlug}/${slug} was unpublished`);
      throw new NotFoundError(`no published article at /${sectionSlug}/${slug}`);
    }
    const enrichment = await store.enrichments.find(article.id);
    const storyId = enrichment?.storyId ?? null;
    const [story, copies] = await Promise.all([storyId ? store.stories.find(storyId) : undefined, store.stories.copiesOf(article.id)]);
    // Most stories are one article: their mates are not worth a query.
    const mates = story && story.articleCount > 1 ? await store.stories.articles(story.id, STORY_MATES_READ, 'newest') : [];
    const otherMates = mates.filter((mate) => mate.id !== article.id);
    // Related never repeats the story itself: its mates show as More on this story (stories merge after the
    // related list was stored, so the list is filtered here as well).
    const mateIds = new Set(mates.map((mate) => mate.id));
    const relatedIds = (enrichment?.related ?? []).map((link) => link.id).filter((id) => id !== article.id && !mateIds.has(id));
    // Only the stored list, which holds only what passed the related rule (domain/related.ts): fewer, or none,
    // rather than stories that merely share a section or are new.
    const relatedList = (await store.articles.linksByIds(relatedIds)).slice(0, ARTICLE_LIST_LENGTH);
    const trending = await trendingList(ARTICLE_LIST_LENGTH, newest, new Set([article.id]));
    const section: Pick<Section, 'slug' | 'name'> = sections.find((s) => s.slug === article.section) ?? {
      slug: article.section,
      name: article.section,
    };
    return respond(
      request,
      reply,
      <ArticlePage
        site={site}
        sections={sections}
        section={section}
        article={article}
        related={relatedList}
        trending={trending}
        beacon={viewBeaconPath(article.id)}
        story={story ?? null}
        storyMates={otherMates.slice(0, STORY_MATES_SHOWN)}
        copies={copies}
        feedbackThanks={isFeedbackThanks(request.query)}
        {...shownEnrichment(enrichment)}
      />,
      {
        lastModified: article.updatedAt,
        surrogateKeys: [`article-${article.id}`, `section-${article.section}`],
        // The thank-you variant is one reader's moment: no shared cache may keep it (some key pages without
        // their query string and would show it to everyone).
        ...(isFeedbackThanks(request.query) && { cacheControl: 'private, no-store' }),
      },
    );
  });
};

/**
 * A topic's dated facts: those of its articles' timelines whose sentence names it (by its name or an alias
 * the article used), oldest article first so a fact links to its first teller.
 */
async function topicTimeline(store: Store, slug: string, articles: readonly ArticleLink[]) {
  const oldestFirst = [...articles].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
  const enrichments = await Promise.all(oldestFirst.map((article) => store.enrichments.find(article.id)));
  const timelines = enrichments.flatMap((found, index) => {
    if (!found) return [];
    const shown = effectiveEnrichment(found);
    const entity = shown.entities.find((e) => e.slug === slug);
    if (!entity) return [];
    const names = [entity.name, ...entity.aliases];
    const timeline = shown.timeline.filter((fact) => names.some((name) => fact.sentence.text.includes(name)));
    return [{ articleId: oldestFirst[index]!.id, timeline }];
  });
  return storyTimeline(timelines);
}

function uniqueById<T extends { id: number }>(items: T[]): T[] {
  const seen = new Set<number>();
  return items.filter((item) => !seen.has(item.id) && seen.add(item.id));
}

/**
 * What an article page shows of its enrichment: an editor's override wins over the computed value, field by
 * field; an override of the wrong shape is ignored, not shown (see effectiveEnrichment).
 */
function shownEnrichment(enrichment: ArticleEnrichment | undefined) {
  const shown = enrichment && effectiveEnrichment(enrichment);
  return {
    automaticSummary: shown?.summary ?? null,
    topics: shown?.entities.slice(0, TOPICS_PER_ARTICLE) ?? [],
    timeline: shown?.timeline ?? [],
    proposedSections: shown?.sections ?? null,
  };
}

