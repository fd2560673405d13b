export { importArticle, type ImportOptions, type ImportOutcome, type ImportResult } from './importArticle.ts';
export { decodePageText, importPageFile, MAX_PAGE_FILE_BYTES } from './pageFile.ts';
export { importDemo, DEMO_WIKINEWS_FILE, SEED_PAGE_FILE, type DemoImportReport } from './demo.ts';
export { draftFromWikinews, type WikinewsRecord } from './wikinews.ts';
