import assert from 'node:assert/strict';
import { it } from 'node:test';
import { loadConfig } from '../../config.ts';
import { isSlug, RESERVED_SECTION_SLUGS } from '../../domain/index.ts';
import { buildServer } from '../../server.ts';
import { openStore } from '../../store/index.ts';

/**
 * The first path segment of every route the app serves, read from Fastify's route tree: printed without
 * common prefixes, each child of "/" starts with its whole first segment ("topic/:slug", "sitemap.xml").
 */
function firstSegments(tree: string): Set<string> {
  const children = tree.split('\n').filter((line) => /^ {4}[├└]── /.test(line));
  return new Set(children.map((line) => line.replace(/^ {4}[├└]── /, '').split(/[/ ]/)[0]!));
}

it('every first path segment of our routes that could be a section slug is reserved', async () => {
  const store = await openStore({ databaseUrl: null, sqliteFile: ':memory:' });
  const app = await buildServer({ config: loadConfig({ LOG_LEVEL: 'silent' }), store, logger: false });
  try {
    await app.ready();
    const segments = firstSegments(app.printRoutes({ commonPrefix: false }));
    // The tree was read: the routes every site has are in it, and the sections' own route is a parameter.
    for (const known of ['topic', 'search', 'sitemap.xml', ':section']) assert.ok(segments.has(known), `${known} in ${[...segments].join(' ')}`);
    const unreserved = [...segments].filter((segment) => isSlug(segment) && !RESERVED_SECTION_SLUGS.has(segment));
    assert.deepEqual(unreserved, [], 'add these to RESERVED_SECTION_SLUGS in src/domain/section.ts');
  } finally {
    await app.close();
    await store.close();
  }
});
