/** enrich/sections: titled sections for an article, kept when it has them, cut and titled when it has not. */
export { sectionize, MIN_PARAGRAPHS_TO_CUT, SECTION_RULES } from './sectionize.ts';
export type { TitledSection, SectionInput } from './sectionize.ts';
export { sectionTitle, titleCase } from './titles.ts';
