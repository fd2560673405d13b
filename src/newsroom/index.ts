export { processImage, MAX_UPLOAD_BYTES, type ProcessedImage, type ImageVariant } from './images/processImage.ts';
export { attachHeroImage, type ImageWords } from './images/attachHeroImage.ts';
export * from './commands/index.ts';
export { can, authorize, policyTable, POLICY, type Action, type ArticleAction, type DeskAction } from './policy.ts';
export { enrichStoredArticle, saveAndPlace } from './placement/enrichStored.ts';
export { newsroomPlugin, type NewsroomOptions, type NewsroomVisit } from './web/index.ts';
export { openPeopleContext, type PeopleConfig } from './peopleRuntime.ts';
