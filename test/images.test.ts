/**
 * Our own photos end to end: `newsdesk image attach` stores the variants, the article page offers them through
 * srcset/sizes, the media route serves them with year-long caching, and a real browser picks the file its
 * screen needs.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { loadConfig } from '../src/config.ts';
import { SEED_PAGE_FILE } from '../src/ingest/index.ts';
import { buildServer } from '../src/server.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { launchChromium } from './helpers/chromium.ts';
import { newsdesk } from './helpers/cli.ts';

const ALT = 'Soldiers board a transport plane on the runway at dawn';
const CREDIT = 'Jane Doe/CRBC';

let dataDir: string;
let env: Record<string, string>;
let seedPath: string;
let store: Store;
let app: FastifyInstance;
let base: string;
let page: string;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-images-'));
  env = { DATA_DIR: dataDir };
  const imported = newsdesk(['import', 'page', SEED_PAGE_FILE], env);
  assert.equal(imported.code, 0, imported.stderr);
  seedPath = new URL(/https?:\/\/\S+/.exec(imported.stdout)![0]).pathname;

  // A 2,000 × 1,125 photo with camera metadata (a gradient, so the encoders have real work to do).
  const pixels = Buffer.alloc(2000 * 1125 * 3);
  for (let i = 0; i < pixels.length; i += 3) (pixels[i] = (i / 3) % 256), (pixels[i + 1] = 90), (pixels[i + 2] = (i / 7000) % 256);
  const photo = await sharp(pixels, { raw: { width: 2000, height: 1125, channels: 3 } })
    .jpeg()
    .withExif({ IFD0: { Artist: 'Owner Of The Camera' } })
    .toBuffer();
  writeFileSync(join(dataDir, 'photo.jpg'), photo);
  writeFileSync(join(dataDir, 'drawing.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><script>alert(1)</script></svg>');
});

after(async () => {
  await app?.close();
  await store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('newsdesk image attach', () => {
  test('--help says what is made and what is accepted', () => {
    const help = newsdesk(['image', 'attach', '--help'], env);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--alt <text>/);
    assert.match(help.stdout, /WebP and JPEG/);
    assert.match(help.stdout, /metadata \(camera, GPS\) removed/);
  });

  test('refuses what is not a photo, and a missing alt, with exit code 2 and the article unchanged', () => {
    const svg = newsdesk(['image', 'attach', seedPath, join(dataDir, 'drawing.svg'), '--alt', ALT], env);
    assert.equal(svg.code, 2, svg.stderr);
    assert.match(svg.stderr, /must be JPEG, PNG.*this one is svg/);
    const missing = newsdesk(['image', 'attach', seedPath, join(dataDir, 'nope.jpg'), '--alt', ALT], env);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read .*nope\.jpg: ENOENT/);
    const noAlt = newsdesk(['image', 'attach', seedPath, join(dataDir, 'photo.jpg')], env);
    assert.equal(noAlt.code, 2);
    assert.match(noAlt.stderr, /--alt/);
  });

  test('attaches the photo as the hero, with caption and credit', () => {
    const run = newsdesk(
      ['image', 'attach', seedPath, join(dataDir, 'photo.jpg'), '--alt', ALT, '--caption', 'The last units leave Al-Asad.', '--credit', CREDIT],
      env,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /hero image attached to article \d+: .*\/media\/images\/[0-9a-f]{20}\/1600x900\.jpg/);
  });
});

describe('the article page and the media route', () => {
  before(async () => {
    const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' });
    store = await openStore({ databaseUrl: null, sqliteFile: join(dataDir, 'newsdesk.db') });
    app = await buildServer({ config, store, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no TCP address');
    base = `http://127.0.0.1:${address.port}`;
    page = await (await fetch(`${base}${seedPath}`)).text();
  });

  test('offers WebP and JPEG at every width with sizes, its real size, eager and first in line', () => {
    const picture = /<figure class="hero"><picture>(.*?)<\/picture>/s.exec(page)?.[1];
    assert.ok(picture, 'the hero is a <picture>');
    const webp = /<source type="image\/webp" srcset="([^"]+)" sizes="([^"]+)"/.exec(picture)!;
    assert.deepEqual(
      webp[1]!.split(', ').map((candidate) => candidate.replace(/^\/media\/images\/[0-9a-f]{20}\//, '')),
      ['320.webp 320w', '480.webp 480w', '640.webp 640w', '960.webp 960w', '1280.webp 1280w', '1600.webp 1600w'],
    );
    assert.match(webp[2]!, /42rem/);
    const img = /<img ([^>]+)>/.exec(picture)![1]!;
    assert.match(img, /src="\/media\/images\/[0-9a-f]{20}\/960\.jpg"/);
    assert.match(img, /srcset="[^"]*1600\.jpg 1600w"/);
    assert.match(img, new RegExp(`alt="${ALT}"`));
    assert.match(img, /width="1600" height="900"/);
    assert.match(img, /loading="eager"/);
    assert.match(img, /fetchpriority="high"/);
    assert.match(page, new RegExp(`<span class="credit">${CREDIT}</span>`));
    assert.match(page, /<meta property="og:image" content="http:\/\/[^"]+\/media\/images\/[0-9a-f]{20}\/1600x900\.jpg"/);
  });

  test('serves every variant it offers, decoded to the width it claims, with no camera metadata', async () => {
    const urls = [...page.matchAll(/(\/media\/images\/[0-9a-f]{20}\/\d+\.(?:webp|jpg)) (\d+)w/g)];
    assert.equal(new Set(urls.map((m) => m[1])).size, 12);
    for (const [, url, width] of urls) {
      const response = await fetch(`${base}${url}`);
      assert.equal(response.status, 200, url);
      assert.equal(response.headers.get('content-type'), url!.endsWith('.webp') ? 'image/webp' : 'image/jpeg');
      assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable');
      const metadata = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      assert.equal(metadata.width, Number(width), url);
      assert.equal(metadata.exif, undefined, `${url} has no EXIF`);
    }
    const full = await fetch(`${base}${/og:image" content="http:\/\/[^/]+([^"]+)"/.exec(page)![1]}`);
    assert.equal((await sharp(Buffer.from(await full.arrayBuffer())).metadata()).width, 1600, 'the stored address is the full-size JPEG');
  });

  test('answers a revalidation with 304, and an unknown or malformed address with the 404 page', async () => {
    const url = /\/media\/images\/[0-9a-f]{20}\/640\.webp/.exec(page)![0];
    const first = await fetch(`${base}${url}`);
    const again = await fetch(`${base}${url}`, { headers: { 'if-none-match': first.headers.get('etag')! } });
    assert.equal(again.status, 304);
    const key = /\/media\/images\/([0-9a-f]{20})\//.exec(page)![1];
    for (const path of [`/media/images/${key}/700.webp`, '/media/images/ffffffffffffffffffff/640.webp', `/media/images/${key}/640.png`, '/media/images/..%2f..%2fetc/passwd']) {
      const response = await fetch(`${base}${path}`);
      assert.equal(response.status, 404, path);
      const body = await response.text();
      assert.doesNotMatch(body, /at \w+ \(|node_modules/, `${path}: no stack trace`);
    }
  });

  test('a real browser takes the narrow file on a phone and a wider one on a desktop', async () => {
    const browser = await launchChromium();
    try {
      const picked = async (viewport: { width: number; height: number }, deviceScaleFactor: number) => {
        const context = await browser.newContext({ viewport, deviceScaleFactor });
        const tab = await context.newPage();
        await tab.goto(`${base}${seedPath}`);
        await tab.waitForFunction(() => (document.querySelector('.hero img') as HTMLImageElement | null)?.complete === true);
        const source = await tab.evaluate(() => (document.querySelector('.hero img') as HTMLImageElement).currentSrc);
        await context.close();
        return /\/(\d+)\.(webp|jpg)$/.exec(source)!;
      };
      // A 360-pixel phone at 2× draws the column 320 CSS pixels wide: 640 device pixels.
      const phone = await picked({ width: 360, height: 740 }, 2);
      assert.deepEqual([Number(phone[1]), phone[2]], [640, 'webp']);
      // A desktop at 1× draws it 42rem (672 pixels) wide: the next size up.
      const desktop = await picked({ width: 1280, height: 800 }, 1);
      assert.deepEqual([Number(desktop[1]), desktop[2]], [960, 'webp']);
    } finally {
      await browser.close();
    }
  });
});
