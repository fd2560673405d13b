import { articlePath, type ArticleCard as Card, type ArticleLink, type Section } from '../../domain/index.ts';
import { formatDate, snippet } from '../format.ts';
import { feedAlternates } from '../syndication/alternates.ts';
import { ArticleCard } from './ArticleCard.tsx';
import { CardImage } from './Figure.tsx';
import { Layout } from './Layout.tsx';
import type { Chrome } from './types.ts';
import { SectionKicker } from './SectionKicker.tsx';
import { StoryList } from './StoryList.tsx';

export interface SectionBlock {
  section: Section;
  articles: Card[];
}

interface HomeProps extends Chrome {
  /** The newest published story on the site; null on an empty site. */
  lead: Card | null;
  blocks: SectionBlock[];
  /** The most read stories lately. */
  trending?: readonly ArticleLink[];
}

/** The home page: the lead story large, then one block of recent stories per section, in nav order. */
export function Home({ site, sections, lead, blocks, trending = [] }: HomeProps) {
  const leadSection = lead ? sections.find((s) => s.slug === lead.section) : undefined;
  return (
    <Layout
      site={site}
      sections={sections}
      head={{
        title: `${site.name} — Latest news`,
        description: `The latest news from ${site.name}.`,
        canonicalPath: '/',
        feeds: feedAlternates('/', site.name),
        openGraph: [
          ['og:type', 'website'],
          ['og:site_name', site.name],
          ['og:title', site.name],
          ['og:url', `${site.url}/`],
        ],
      }}
    >
      <div class="wrap">
        <h1 class="visually-hidden">{site.name}: latest news</h1>
        {lead ? <LeadStory article={lead} section={leadSection} /> : <p class="empty">No stories have been published yet.</p>}
        {blocks.map(({ section, articles }) => (
          <section key={section.slug} class="section-block" aria-labelledby={`block-${section.slug}`}>
            <h2 class="section-heading" id={`block-${section.slug}`}>
              <a href={`/${section.slug}`}>{section.name}</a>
            </h2>
            <div class="card-grid">
              {articles.map((article) => (
                <ArticleCard key={article.id} article={article} headingLevel={3} />
              ))}
            </div>
          </section>
        ))}
        {trending.length > 0 ? (
          <aside class="front-aside">
            <StoryList id="trending-heading" className="trending" title="Trending" articles={trending} ranked />
          </aside>
        ) : null}
      </div>
    </Layout>
  );
}

/** The lead's text is longer than a card's, but still a teaser: the story page has the whole summary. */
const LEAD_TEXT_LENGTH = 320;

function LeadStory({ article, section }: { article: Card; section: Section | undefined }) {
  const teaser = article.dek ?? article.summary ?? article.lede;
  const text = teaser ? snippet(teaser, LEAD_TEXT_LENGTH) : null;
  return (
    <article class="lead-story">
      <CardImage hero={article.hero} section={article.section} lead />
      <div>
        {section ? (
          <SectionKicker section={section} />
        ) : null}
        <h2 class="lead-headline">
          <a href={articlePath(article)}>{article.headline}</a>
        </h2>
        {text ? <p class="lead-text">{text}</p> : null}
        <time datetime={article.publishedAt}>{formatDate(article.publishedAt)}</time>
      </div>
    </article>
  );
}
