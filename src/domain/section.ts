import { ValidationError } from './errors.ts';
import { slugify } from './slug.ts';

/** A section of the site: a desk ("Security"), its front page (/security) and its place in the nav. */
export interface Section {
  slug: string;
  name: string;
  /** Order in the site nav and on the home page; lower comes first. */
  position: number;
}

/**
 * The sections the demo site opens with. Imports may add others (a page labelled "Culture" creates a Culture
 * section after these); they keep the order they were first seen in.
 */
export const DEFAULT_SECTIONS: readonly Section[] = [
  { slug: 'world', name: 'World', position: 10 },
  { slug: 'politics', name: 'Politics', position: 20 },
  { slug: 'business', name: 'Business', position: 30 },
  { slug: 'security', name: 'Security', position: 40 },
  { slug: 'technology', name: 'Technology', position: 50 },
  { slug: 'science', name: 'Science', position: 60 },
  { slug: 'health', name: 'Health', position: 70 },
  { slug: 'sport', name: 'Sport', position: 80 },
];

/** Where an article without a section label goes until the classifier assigns one. */
export const FALLBACK_SECTION = 'World';

/** "Security" → { slug: 'security', name: 'Security' }; unknown names keep their spelling. */
export function sectionFromName(name: string): Pick<Section, 'slug' | 'name'> {
  const known = DEFAULT_SECTIONS.find((s) => s.name.toLowerCase() === name.trim().toLowerCase());
  if (known) return { slug: known.slug, name: known.name };
  return { slug: slugify(name), name: name.trim() };
}

/**
 * First path segments the site's own routes take, each with what it serves there. A section's front is
 * /<slug> and its articles /<slug>/<article>, and the router matches these words before any section slug, so a
 * section with one of them would be hidden behind our own pages: creating one is refused (see
 * requireFreeSectionSlug). A route with a new first segment adds it here; a test holds the two together.
 */
export const RESERVED_SECTION_SLUGS: ReadonlyMap<string, string> = new Map([
  ['archive', 'the date archive'],
  ['assets', 'its stylesheets and scripts'],
  ['api', 'the content and admin APIs'],
  ['author', 'author pages'],
  ['csp-reports', 'browsers\' security reports'],
  ['feedback', 'the feedback form'],
  ['feeds', 'feeds'],
  ['media', 'images'],
  ['newsroom', 'the newsroom'],
  ['search', 'the search page'],
  ['sitemaps', 'sitemaps'],
  ['source', 'source pages'],
  ['story', 'story pages'],
  ['topic', 'topic pages'],
  ['v', 'the page-view beacon'],
]);

/** Refuses a new section whose address is one of the site's own, saying what lives there. */
export function requireFreeSectionSlug(section: Pick<Section, 'slug' | 'name'>): void {
  const use = RESERVED_SECTION_SLUGS.get(section.slug);
  if (use) {
    throw new ValidationError(
      `Section "${section.name}" cannot be created: its address /${section.slug} is where the site serves ${use}. Choose another name.`,
    );
  }
}
