import { type ArticleDraft, paragraphSection } from '../domain/index.ts';
import { plainTextFields } from '../extract/plainText.ts';

/** One line of demo/wikinews.jsonl (see ../shared/demo/wikinews/README.md for the full format). */
export interface WikinewsRecord {
  id: string;
  collection?: string;
  title: string;
  url: string;
  publishedAt: string;
  section: string | null;
  text: string;
  imageCaption?: string | null;
  imageCredit?: string | null;
  license: string;
  licenseUrl: string;
  attribution: string;
}

/**
 * A Wikinews record as an article draft. The first paragraph is the lede and the rest one untitled section:
 * Wikinews stories have no subheads, and the summary is left for the summariser rather than invented.
 * The byline is "Wikinews" and the licence's credit line travels with the article (CC BY requires it).
 * Title, caption and credit are plain text (extract/plainText.ts), whatever markup a record carries.
 */
export function draftFromWikinews(record: WikinewsRecord): ArticleDraft {
  const paragraphs = record.text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  if (record.collection?.startsWith('tosca') && paragraphs[0]) paragraphs[0] = withoutCaptionResidue(paragraphs[0]);
  const [lede = null, ...rest] = paragraphs;
  return plainTextFields({
    headline: record.title.trim(),
    sectionName: record.section,
    dek: null,
    summary: null,
    lede,
    body: rest.length ? [paragraphSection(null, rest)] : [],
    hero: record.imageCaption
      ? { url: null, alt: record.imageCaption, caption: record.imageCaption, credit: record.imageCredit ?? null }
      : null,
    byline: 'Wikinews',
    source: {
      name: 'Wikinews',
      url: record.url,
      attribution: record.attribution,
      licenseName: record.license,
      licenseUrl: record.licenseUrl,
    },
    // Wikinews gives a date only; noon UTC keeps it on the same calendar day in every reader's zone.
    publishedAt: `${record.publishedAt}T12:00:00.000Z`,
  });
}

/**
 * The toscaData compilation stripped Wikinews' wiki markup but kept the text of the map or infobox that opened
 * many stories, glued to the first sentence: "Pakistan The Pakistani army says…", "Infobox Health Senator…",
 * "Template:Crime and law A video…". Drop it when it is unmistakable: an "Infobox" label, a "Template:" name
 * followed by a sentence opener, or one to three capitalised words directly followed by a word that only
 * starts sentences. Anything less certain is left as written.
 */
const INFOBOX_LABEL = /^Infobox [A-Z][a-z]+ (?=[A-Z])/;
const SENTENCE_OPENER = '(?:The|A|An|On|In|At|Former|Thousands|Hundreds|Over|Several|Today|Yesterday|According|After|Following|During|Police)';
const TEMPLATE_NAME = new RegExp(`^Template:[\\w ]{1,40}? (?=${SENTENCE_OPENER} )`, 'u');
const CAPTION_BEFORE_SENTENCE = new RegExp(`^[A-Z][\\p{L}.'’-]*(?:[ /][A-Z][\\p{L}.'’-]*){0,2}(?: conflict)? (?=${SENTENCE_OPENER} )`, 'u');

export function withoutCaptionResidue(paragraph: string): string {
  return paragraph.replace(INFOBOX_LABEL, '').replace(TEMPLATE_NAME, '').replace(CAPTION_BEFORE_SENTENCE, '');
}
