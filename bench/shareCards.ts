/**
 * Share cards: how many cards a process draws per second (two at a time, as the media route does), and how fast
 * a card already drawn is served from the store, beside a photo variant of about the same size served by the
 * same route file in the same run (both through the site plugin, on loopback, with autocannon, interleaved, the better of two runs each).
 */
import Fastify from 'fastify';
import sharp from 'sharp';
import { registerErrorPages, sitePlugin } from '../src/site/index.ts';
import { renderShareCard, RenderQueue, shareCardPath } from '../src/site/shareCards/index.ts';
import { SEED_DRAFT } from '../src/site/testing/seedArticle.ts';
import { insertArticle, memoryStore } from '../src/site/testing/store.ts';
import { freePort, measure, type LoadResult } from './load.ts';

const CARDS = 40;
/** The media route's limit (routes/media.ts): the figure is what one process gives under a burst. */
const CONCURRENT_RENDERS = 2;
const LOAD = { connections: 16, seconds: 5, warmupSeconds: 1 };
const BRAND = 'CRBC News';

export async function benchShareCards(): Promise<void> {
  await benchDrawing();
  await benchServing();
}

async function benchDrawing(): Promise<void> {
  // The first card parses the font and warms the outline code; it is not counted.
  await renderShareCard({ headline: SEED_DRAFT.headline, sectionName: 'Security', brand: BRAND });
  const queue = new RenderQueue<Buffer>(CONCURRENT_RENDERS, CARDS);
  const started = performance.now();
  const cards = await Promise.all(
    Array.from({ length: CARDS }, (_, n) =>
      queue.run(String(n), () => renderShareCard({ headline: `${SEED_DRAFT.headline} (${n})`, sectionName: 'Security', brand: BRAND })),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const meanBytes = cards.reduce((sum, card) => sum + card.length, 0) / cards.length;
  console.log(`\nShare cards drawn (${CARDS} distinct headlines, ${CONCURRENT_RENDERS} at a time)`);
  console.log(`${(CARDS / seconds).toFixed(1)} cards/s · ${((seconds * 1000) / CARDS).toFixed(0)} ms per card of wall time · ${(meanBytes / 1024).toFixed(1)} KB per card`);
}

async function benchServing(): Promise<void> {
  const store = await memoryStore();
  const seed = await insertArticle(store, SEED_DRAFT);
  const photo = await photoVariant();
  const key = 'b0b0b0b0b0b0b0b0b0b0';
  await store.images.save(
    { key, width: 1280, height: 720, sourceFormat: 'jpeg', sourceBytes: photo.length, variants: [{ format: 'jpeg', width: 1280, height: 720, bytes: photo }] },
    new Date(),
  );
  const app = Fastify({ logger: false });
  registerErrorPages(app, BRAND);
  await app.register(sitePlugin, { store, config: { siteName: BRAND, siteUrl: 'http://127.0.0.1', pageCache: true } });
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  try {
    const cardPath = shareCardPath(seed.id, { headline: seed.headline, sectionName: 'Security', brand: BRAND });
    const first = await fetch(`http://127.0.0.1:${port}${cardPath}`);
    const cardBytes = (await first.arrayBuffer()).byteLength;
    if (first.status !== 200) throw new Error(`the card answered ${first.status}`);
    // Interleaved and the better of two runs each: other work on the machine hits both paths alike.
    const variantUrl = `http://127.0.0.1:${port}/media/images/${key}/1280.jpg`;
    const cardUrl = `http://127.0.0.1:${port}${cardPath}`;
    const runs: Array<{ variant: LoadResult; card: LoadResult }> = [];
    for (let n = 0; n < 2; n++) runs.push({ variant: await measure(variantUrl, LOAD), card: await measure(cardUrl, LOAD) });
    const best = (pick: (run: (typeof runs)[number]) => LoadResult) => runs.map(pick).reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
    const variant = best((run) => run.variant);
    const card = best((run) => run.card);
    console.log(`\nServed from the store (${LOAD.connections} connections, ${LOAD.seconds} s each)        req/s    p99 ms   KB   × photo`);
    console.log(`share card, drawn before                                  ${row(card, cardBytes, variant.requestsPerSecond)}`);
    console.log(`photo variant (1280 JPEG), the baseline                   ${row(variant, photo.length, variant.requestsPerSecond)}`);
  } finally {
    await app.close();
    await store.close();
  }
}

function row(result: LoadResult, bytes: number, baseline: number): string {
  const failures = result.non2xx + result.errors ? ` (${result.non2xx + result.errors} failed)` : '';
  return `${result.requestsPerSecond.toFixed(0).padStart(7)}  ${String(result.p99Ms).padStart(7)}  ${(bytes / 1024).toFixed(0).padStart(4)}  ${(result.requestsPerSecond / baseline).toFixed(2).padStart(6)}×${failures}`;
}

/** A 1280×720 JPEG with detail in it, about a card's size, so both paths move similar bytes. */
async function photoVariant(): Promise<Buffer> {
  const width = 1280;
  const height = 720;
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i += 3) (pixels[i] = (i / 3) % 256), (pixels[i + 1] = 90), (pixels[i + 2] = (i / 7000) % 256);
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 80 }).toBuffer();
}
