/**
 * Lighthouse on the seed article page, as a phone sees it (Lighthouse's default mobile emulation and
 * throttling): Performance, Accessibility, Best Practices and SEO, each against the bar of 95. The site
 * runs as `newsdesk serve` on a copy of the demo; Chromium is Debian's, launched headless by chrome-launcher.
 * The demo ships no photos (its placeholders are drawn), so a second article gets a photo-sized image through
 * the newsroom's path (attachHeroImage) and is audited too: the responsive-image path, srcset and all.
 *
 * `npm run lighthouse` runs it alone; `npm run bench -- --only lighthouse` within the bench.
 */
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import sharp from 'sharp';
import { articlePath } from '../src/domain/index.ts';
import { importDemo, SEED_PAGE_FILE } from '../src/ingest/index.ts';
import { attachHeroImage } from '../src/newsroom/index.ts';
import { openStore } from '../src/store/index.ts';
import { freePort, startProcess, stopProcess } from './load.ts';

const CLI = fileURLToPath(new URL('../bin/newsdesk.js', import.meta.url));
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const BAR = 95;

export async function benchLighthouse(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-lighthouse-'));
  const store = await openStore({ databaseUrl: null, sqliteFile: join(dataDir, 'newsdesk.db') });
  await importDemo(store);
  const seed = await store.articles.findBySourceKey(`file:${realpathSync(SEED_PAGE_FILE)}`);
  if (!seed) throw new Error('the seed article was not imported; is ../shared beside the project?');
  const [other] = (await store.articles.listPublished({ limit: 2, offset: 0 })).filter((card) => card.id !== seed.id);
  const withPhoto = await attachHeroImage(store, (await store.articles.findById(other!.id))!, await photoSizedImage(), {
    alt: 'A generated test image in place of a news photo',
    caption: 'A test image with the size and detail of a camera photo.',
    credit: 'Newsdesk benchmark',
  }, new Date());
  await store.close();

  const port = await freePort();
  const server = await startProcess(process.execPath, [CLI, 'serve', '--no-demo'], {
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    INGEST_IN_PROCESS: 'off',
  }, null);
  await waitUntilServing(`http://127.0.0.1:${port}/`);
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    await audit(`http://127.0.0.1:${port}${articlePath(seed)}`, 'the seed article page', chrome.port);
    await audit(`http://127.0.0.1:${port}${articlePath(withPhoto)}`, 'an article with a 2,400-pixel photo', chrome.port);
  } finally {
    await chrome.kill();
    await stopProcess(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function audit(url: string, label: string, port: number): Promise<void> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
  if (!result) throw new Error('Lighthouse returned no result');
  console.log(`\nLighthouse ${result.lhr.lighthouseVersion} on ${label}, mobile (bar: each ≥ ${BAR})`);
  for (const category of CATEGORIES) {
    const score = Math.round((result.lhr.categories[category]?.score ?? 0) * 100);
    console.log(`  ${category.padEnd(15)} ${String(score).padStart(3)}  ${score >= BAR ? 'ok' : 'BELOW'}`);
  }
  const measured = ['largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'total-byte-weight']
    .map((id) => `${result.lhr.audits[id]?.title ?? id}: ${result.lhr.audits[id]?.displayValue ?? '?'}`);
  console.log(`  ${measured.join(' · ')}`);
  if (result.lhr.runtimeError) console.log(`  runtime error: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
  const consoleErrors = result.lhr.audits['errors-in-console']?.details as { items?: { description?: string; url?: string }[] } | undefined;
  for (const item of consoleErrors?.items ?? []) console.log(`  console: ${item.description ?? ''} ${item.url ?? ''}`);
  const failing = Object.values(result.lhr.audits).filter((audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode === 'binary');
  for (const audit of failing.slice(0, 10)) console.log(`  failing: ${audit.id} — ${audit.title}`);
}

/** A 2,400 × 1,350 JPEG with a camera photo's detail (noise over a gradient), so its copies weigh what photos do. */
async function photoSizedImage(): Promise<Buffer> {
  const [width, height] = [2400, 1350];
  const pixels = Buffer.alloc(width * height * 3);
  let state = 12345;
  for (let i = 0; i < pixels.length; i += 3) {
    state = (state * 1103515245 + 12345) >>> 0;
    const noise = state >>> 27;
    const x = (i / 3) % width;
    pixels[i] = ((x / width) * 200 + noise) | 0;
    pixels[i + 1] = (((i / 3 / width) / height) * 180 + noise) | 0;
    pixels[i + 2] = 90 + noise;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}

async function waitUntilServing(url: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (await fetch(url).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchLighthouse();
}
