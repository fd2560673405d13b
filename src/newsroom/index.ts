export { processImage, MAX_UPLOAD_BYTES, type ProcessedImage, type ImageVariant } from './images/processImage.ts';
export { attachHeroImage, type ImageWords } from './images/attachHeroImage.ts';
export { publishArticle, unpublishArticle, type CommandContext, type PublishOutcome, type UnpublishOutcome } from './commands/index.ts';
export { enrichStoredArticle, saveAndPlace } from './placement/enrichStored.ts';
