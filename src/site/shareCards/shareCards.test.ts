import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { cardFont } from './cardFont.ts';
import { CARD_HEIGHT, CARD_WIDTH, shareCardSvg } from './cardSvg.ts';
import { wrapText } from './headlineLines.ts';
import { parseShareCardFile, renderShareCard, RenderQueue, RenderQueueFull, shareCardKey, shareCardPath } from './index.ts';

const SEED = { headline: 'Officials warn of a wave of phishing attacks', sectionName: 'Security', brand: 'CRBC News' };
/** Where the card sets text (cardSvg.ts): the headline's band, and its left margin. */
const HEADLINE_BAND = { top: 150, bottom: 520 };
const MARGIN = 80;

/** One character, one unit: line breaking checked without a font. */
const characters = (text: string) => [...text].length;

describe('wrapText', () => {
  it('fills lines greedily at spaces and keeps every word when it fits', () => {
    assert.deepEqual(wrapText('one two three four', 9, 4, characters), { lines: ['one two', 'three', 'four'], truncated: false });
  });

  it('stops at the line limit and ends the last line with an ellipsis that fits, without punctuation before it', () => {
    const wrapped = wrapText('alpha beta, gamma delta epsilon zeta', 11, 2, characters);
    assert.deepEqual(wrapped, { lines: ['alpha beta,', 'gamma…'], truncated: true });
    for (const line of wrapped.lines) assert.ok(characters(line) <= 11, line);
  });

  it('cuts a word wider than a line between characters', () => {
    assert.deepEqual(wrapText('see https://example.org/long', 8, 5, characters).lines, ['see', 'https://', 'example.', 'org/long']);
  });
});

/** Dark pixels (the ink colour, not the surface or the grey rule) per column inside a band of rows. */
async function inkColumns(png: Buffer, band: { top: number; bottom: number }): Promise<number[]> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  const columns = new Array<number>(info.width).fill(0);
  for (let y = band.top; y < band.bottom; y++) {
    for (let x = 0; x < info.width; x++) if (data[y * info.width + x]! < 100) columns[x]!++;
  }
  return columns;
}

describe('share card drawing', () => {
  it('is a 1200×630 PNG with the headline drawn in the shipped font, as wide as its metrics say', async () => {
    const headline = 'Officials warn';
    const png = await renderShareCard({ ...SEED, headline });
    const metadata = await sharp(png).metadata();
    assert.deepEqual([metadata.format, metadata.width, metadata.height], ['png', CARD_WIDTH, CARD_HEIGHT]);
    const columns = await inkColumns(png, HEADLINE_BAND);
    const inked = columns.flatMap((count, x) => (count > 0 ? [x] : []));
    assert.ok(inked.length > 200, 'the headline band is not blank');
    // A short headline is set at the largest size (76 px): where its ink ends is where Source Serif 4 Bold's
    // advance widths put it, give or take the last letter's side bearing. Another font would end elsewhere.
    const measuredEnd = MARGIN + cardFont().width(headline, 76);
    assert.ok(Math.abs(inked.at(-1)! - measuredEnd) < 8, `ink ends at ${inked.at(-1)}, metrics say ${measuredEnd.toFixed(0)}`);
  });

  it('never asks the machine for a font: text is drawn as outlines', () => {
    const svg = shareCardSvg(SEED, cardFont());
    assert.doesNotMatch(svg, /<text|font-family/);
    assert.match(svg, /<path fill="#16161a" d="M/);
  });

  it('a long headline is cut to four lines with an ellipsis, never past the footer rule', async () => {
    const headline = Array.from({ length: 40 }, (_, n) => `word${n}`).join(' ');
    const png = await renderShareCard({ ...SEED, headline });
    const below = await inkColumns(png, { top: 505, bottom: 540 });
    assert.equal(below.reduce((sum, count) => sum + count, 0), 0, 'nothing drawn between the headline block and the rule');
  });

  it('right-to-left and CJK headlines do not fail: the card shows the site name where the font has no glyphs', async () => {
    for (const headline of ['חדשות היום: הכנסת אישרה את התקציב', 'الحكومة توافق على الميزانية', '東京で大規模な停電が発生', '서울 지하철 파업']) {
      const svg = shareCardSvg({ ...SEED, headline }, cardFont());
      const withBrandOnly = shareCardSvg({ ...SEED, headline: '' }, cardFont());
      assert.equal(svg, withBrandOnly, headline);
      const png = await renderShareCard({ ...SEED, headline });
      assert.equal((await sharp(png).metadata()).width, CARD_WIDTH);
    }
  });
});

describe('share card addresses', () => {
  it('the same content gives the same key; any drawn field changed gives a new one', () => {
    assert.equal(shareCardKey(SEED), shareCardKey({ ...SEED }));
    const others = [{ ...SEED, headline: `${SEED.headline}!` }, { ...SEED, sectionName: 'World' }, { ...SEED, brand: 'Other News' }];
    for (const other of others) assert.notEqual(shareCardKey(other), shareCardKey(SEED));
    assert.match(shareCardPath(7, SEED), /^\/media\/cards\/7\/[0-9a-f]{20}\.png$/);
    assert.equal(parseShareCardFile(`${shareCardKey(SEED)}.png`), shareCardKey(SEED));
    for (const file of ['x.png', `${shareCardKey(SEED)}.jpg`, `../${shareCardKey(SEED)}.png`]) assert.equal(parseShareCardFile(file), null);
  });
});

/** A drawing that finishes when the test says so. */
function deferred() {
  let finish!: (value: string) => void;
  const promise = new Promise<string>((resolve) => (finish = resolve));
  return { promise, finish };
}

describe('RenderQueue', () => {
  it('draws a card once for every caller that asks meanwhile, runs at most maxRunning, and refuses past maxWaiting', async () => {
    const queue = new RenderQueue<string>(1, 1);
    const first = deferred();
    let drawsOfA = 0;
    const a1 = queue.run('a', () => (drawsOfA++, first.promise));
    const a2 = queue.run('a', () => (drawsOfA++, first.promise));
    let bStarted = false;
    const b = queue.run('b', async () => ((bStarted = true), 'b'));
    await assert.rejects(queue.run('c', async () => 'c'), RenderQueueFull);
    await Promise.resolve();
    assert.equal(bStarted, false, 'b waits for a');
    first.finish('a');
    assert.deepEqual(await Promise.all([a1, a2, b]), ['a', 'a', 'b']);
    assert.equal(drawsOfA, 1);
    assert.equal(await queue.run('c', async () => 'c'), 'c', 'room again once the queue drained');
  });
});
