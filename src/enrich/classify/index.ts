/** Section classifier: which desk a story belongs to (classify.ts tells how; README.md tells from what data). */
export { classifySection, DEMO_SECTIONS } from './classify.ts';
export type { Classification, ClassifyOptions, SectionScore } from './classify.ts';
