import type {
  ArticleCopy,
  ArticleEntity,
  ArticleLink,
  ArticleSummary,
  BodyBlock,
  ProposedSection,
  PublishedArticle,
  Section,
  StoryListing,
  TimelineFact,
} from '../../domain/index.ts';
import { slugify } from '../../domain/index.ts';
import type { StoryArticle } from '../../store/index.ts';
import { formatDateTime, snippet, visibleUpdate } from '../format.ts';
import { BodyBlockView } from './BodyBlock.tsx';
import { Figure } from './Figure.tsx';
import { Layout } from './Layout.tsx';
import { SourceCredit } from './SourceCredit.tsx';
import { authorPath, sourcePath } from './archivePaths.ts';
import { AutomaticSummaryBox, SourceSummaryBox } from './SummaryBox.tsx';
import { TopicLinks } from './TopicPage.tsx';
import { StoryList } from './StoryList.tsx';
import type { Chrome } from './types.ts';
import { SectionKicker } from './SectionKicker.tsx';
import { TimelineBox } from './TimelineBox.tsx';
import { FeedbackSection } from './FeedbackForm.tsx';
import { BEACON_PATH } from '../assets/beacon.ts';
import { breadcrumbJsonLd, newsArticleJsonLd, shareImage } from './structuredData.ts';
import { MoreOnThisStory } from './MoreOnThisStory.tsx';
import { bodyWithProposedSections } from './proposedSections.ts';

/** Search engines show about this much; the rest of a long summary would be cut mid-word by them instead. */
const META_DESCRIPTION_LENGTH = 300;

interface ArticlePageProps extends Chrome {
  article: PublishedArticle;
  section: Pick<Section, 'slug' | 'name'>;
  related: ArticleLink[];
  trending: ArticleLink[];
  /** Shown when the source gave no summary of its own. */
  automaticSummary?: ArticleSummary | null;
  /** The people, places and organisations the story names most. */
  topics?: readonly Pick<ArticleEntity, 'slug' | 'name'>[];
  /** Dated facts from the story's sentences, in time order; shown as a Timeline box from two facts up. */
  timeline?: readonly TimelineFact[];
  /** Titles proposed for an untitled body (paragraph indexes as the p-N anchors number them). */
  proposedSections?: readonly ProposedSection[] | null;
  /** The story the article belongs to, its other articles (newest first) and other sources of this same text. */
  story?: StoryListing | null;
  storyMates?: readonly StoryArticle[];
  copies?: readonly ArticleCopy[];
  /** Just after the reader sent a note (?feedback=thanks): the feedback region thanks them instead of asking. */
  feedbackThanks?: boolean;
  /** Where the page's view beacon reports that it was read (counted for Trending). */
  beacon?: string;
}

/**
 * An article page. Inside <article>, in reading order: section label, headline (the page's only h1), dek,
 * byline and times, hero figure, the summary box, the lede, the titled body sections (an untitled body under
 * proposed headings, marked as added), the timeline box, the source credit.
 * After it, outside the story so nobody mistakes it for reporting: feedback prompt, more on this story (its
 * other articles and sources), related, trending.
 */
export function ArticlePage(props: ArticlePageProps) {
  const { site, sections, section, article, related, trending, automaticSummary = null, topics = [], timeline = [] } = props;
  const { story = null, storyMates = [], copies = [], beacon } = props;
  const path = `/${article.section}/${article.slug}`;
  const summaryText = article.summary ?? automaticSummary?.short ?? article.dek ?? article.lede;
  const description = summaryText ? snippet(summaryText, META_DESCRIPTION_LENGTH) : null;
  // Syndicated stories carry the source's name as byline: never present them as our own reporting.
  const byline = article.byline ?? article.source?.name ?? null;
  // Only a byline of its own links to an author page; a source's name links from the source credit instead.
  const authorSlug = article.byline ? slugify(article.byline) : '';
  const sourceSlug = article.source ? slugify(article.source.name) : '';
  const paragraphIds = paragraphAnchors(article);
  // An untitled body may be shown under proposed headings; the blocks, and so their anchors, stay the same.
  const proposedBody = bodyWithProposedSections(article, props.proposedSections);
  const body = proposedBody ?? article.body;
  const updatedAt = visibleUpdate(article);
  return (
    <Layout
      site={site}
      sections={sections}
      currentSection={section.slug}
      head={{
        title: `${article.headline} — ${site.name}`,
        description,
        canonicalPath: path,
        openGraph: openGraph(site.url, path, site.name, section.name, article, description, updatedAt),
        jsonLd: [
          newsArticleJsonLd(site, article, { path, sectionName: section.name, description, updatedAt }),
          breadcrumbJsonLd(site, [
            { name: site.name, path: '/' },
            { name: section.name, path: `/${section.slug}` },
            { name: article.headline, path },
          ]),
        ],
      }}
    >
      <div class="wrap">
        <article class="story">
          <header class="story-header">
            <SectionKicker section={section} />
            <h1 class="headline">{article.headline}</h1>
            {article.dek ? <p class="dek">{article.dek}</p> : null}
            <div class="story-meta">
              {byline ? <p class="byline">By {authorSlug ? <a href={authorPath(authorSlug)}>{byline}</a> : byline}</p> : null}
              <p class="dateline">
                Published <time datetime={article.publishedAt}>{formatDateTime(article.publishedAt)}</time>
                {updatedAt ? (
                  <>
                    {' · Updated '}
                    <time datetime={updatedAt}>{formatDateTime(updatedAt)}</time>
                  </>
                ) : null}
              </p>
            </div>
          </header>
          {article.hero ? <Figure image={article.hero} section={article.section} hero /> : null}
          {article.summary ? (
            <SourceSummaryBox text={article.summary} />
          ) : automaticSummary && automaticSummary.sentences.length > 0 ? (
            <AutomaticSummaryBox summary={automaticSummary} />
          ) : null}
          <div class="story-body">
            {article.lede ? (
              <p class="lede" id="p-0">
                {article.lede}
              </p>
            ) : null}
            {proposedBody ? (
              <p class="headings-note">The headings below were added automatically, from the article’s own words.</p>
            ) : null}
            {body.map((part, index) => (
              <section key={index} aria-labelledby={part.title ? `part-${index + 1}` : undefined}>
                {part.title ? <h2 id={`part-${index + 1}`}>{part.title}</h2> : null}
                {part.blocks.map((block, b) => (
                  <BodyBlockView key={b} block={block} section={article.section} paragraphId={paragraphIds.get(block)} />
                ))}
              </section>
            ))}
          </div>
          <TimelineBox timeline={timeline} anchors={new Set([...(article.lede ? ['p-0'] : []), ...paragraphIds.values()])} />
          {article.source ? <SourceCredit source={article.source} morePath={sourceSlug ? sourcePath(sourceSlug) : null} /> : null}
          <TopicLinks topics={topics} />
        </article>
        <div class="story-aside">
          <FeedbackSection article={article} thanks={props.feedbackThanks} />
          <MoreOnThisStory story={story} mates={storyMates} copies={copies} />
          {/* Left out when nothing passed the related rule: an empty heading would announce a region with nothing in it. */}
          {related.length > 0 ? <StoryList id="related-heading" className="related" title="Related Articles" articles={related} /> : null}
          <StoryList id="trending-heading" className="trending" title="Trending" articles={trending} ranked />
        </div>
        {beacon ? <script src={BEACON_PATH} data-beacon={beacon} defer /> : null}
      </div>
    </Layout>
  );
}

function openGraph(
  siteUrl: string,
  path: string,
  siteName: string,
  sectionName: string,
  article: PublishedArticle,
  description: string | null,
  updatedAt: string | null,
): Array<[string, string]> {
  const tags: Array<[string, string]> = [
    ['og:type', 'article'],
    ['og:site_name', siteName],
    ['og:title', article.headline],
    ['og:url', `${siteUrl}${path}`],
  ];
  if (description) tags.push(['og:description', description]);
  // The photo, or the drawn card when there is none: a share always shows a picture (Layout then asks for the large card).
  const image = shareImage({ url: siteUrl, name: siteName }, article, sectionName);
  tags.push(['og:image', image.url]);
  if (image.width && image.height) tags.push(['og:image:width', String(image.width)], ['og:image:height', String(image.height)]);
  if (image.alt) tags.push(['og:image:alt', image.alt]);
  tags.push(['article:published_time', article.publishedAt], ['article:section', sectionName]);
  if (updatedAt) tags.push(['article:modified_time', updatedAt]);
  return tags;
}

/**
 * `p-<n>` anchors for the lede and body paragraphs, numbered in reading order as enrichment numbers them, so
 * a summary sentence's pointer is also a link.
 */
function paragraphAnchors(article: Pick<PublishedArticle, 'lede' | 'body'>): Map<BodyBlock, string> {
  const anchors = new Map<BodyBlock, string>();
  let next = article.lede ? 1 : 0;
  for (const section of article.body) {
    for (const block of section.blocks) if (block.type === 'paragraph') anchors.set(block, `p-${next++}`);
  }
  return anchors;
}
