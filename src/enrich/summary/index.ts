export { summarize, SHORT_SUMMARY_LIMIT, type Summary, type SummaryOptions, type SummarySentence } from './summarize.ts';
export { bestRougeScores, rougeScores, sentenceScores, type RougeScores, type SentenceScores } from './rouge.ts';
export { leadSummary, referenceSentences } from './leadBaseline.ts';
export { paragraphsOf } from './summaryCorpus.ts';
