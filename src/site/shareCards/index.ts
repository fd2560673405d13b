export { CARD_HEIGHT, CARD_WIDTH, type ShareCardContent } from './cardSvg.ts';
export { CARD_RECIPE, parseShareCardFile, shareCardKey, shareCardPath } from './cardAddress.ts';
export { renderShareCard } from './renderCard.ts';
export { RenderQueue, RenderQueueFull } from './renderQueue.ts';
