export type { CommandContext } from './context.ts';
export { publishArticle, type PublishOutcome } from './publishArticle.ts';
export { unpublishArticle, type UnpublishOutcome } from './unpublishArticle.ts';
