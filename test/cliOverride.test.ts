/** Editor overrides from the command line: set, show and clear; bad input refused with exit code 2. */
import assert from 'node:assert/strict';
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { SEED_PAGE_FILE } from '../src/ingest/index.ts';
import { CLI, newsdesk } from './helpers/cli.ts';



let dataDir: string;
let env: Record<string, string>;
/** The seed article's path, as `import page` printed it. */
let seedPath: string;

before(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-override-'));
  env = { DATA_DIR: dataDir };
  const imported = newsdesk(['import', 'page', SEED_PAGE_FILE], env);
  assert.equal(imported.code, 0, imported.stderr);
  seedPath = new URL(/https?:\/\/\S+/.exec(imported.stdout)![0]).pathname;
});

after(() => rmSync(dataDir, { recursive: true, force: true }));

/** Rows of the SQLite file, read the way a checker outside the CLI would. */
function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new BetterSqlite3(join(dataDir, 'newsdesk.db'), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

const overridesOf = (id: number) =>
  JSON.parse(query<{ overrides: string }>('select overrides from article_enrichments where article_id = ?', id)[0]!.overrides);

test('--help lists the fields and the JSON each takes', () => {
  const help = newsdesk(['override', '--help'], env);
  assert.equal(help.code, 0);
  for (const field of ['summary', 'sections', 'entities', 'timeline', 'section']) assert.match(help.stdout, new RegExp(`\\n  ${field} `));
  assert.match(help.stdout, /--json <file>/);
  assert.match(help.stdout, /--clear/);
  assert.match(help.stdout, /--show/);
});

test('bad input exits 2 with a one-line message and changes nothing', () => {
  const badJson = join(dataDir, 'bad.json');
  writeFileSync(badJson, '{"sentences": [\n  oops\n]}');
  const cases: Array<[string[], string | undefined, RegExp]> = [
    [['override', '1'], undefined, /exactly one of --json FILE, --clear and --show/],
    [['override', '1', 'summary', '--clear', '--show'], undefined, /exactly one of/],
    [['override', '1', 'headline', '--clear'], undefined, /no field "headline"; fields are: summary, sections/],
    [['override', '1', 'summary', '--show'], undefined, /--show prints every override/],
    [['override', '999', '--show'], undefined, /no article 999/],
    [['override', '/world/no-such-story', '--show'], undefined, /no article at \/world\/no-such-story/],
    [['override', 'not a path', '--show'], undefined, /neither an article id nor a path/],
    [['override', '1', 'summary', '--json', join(dataDir, 'missing.json')], undefined, /cannot read .*missing\.json: ENOENT/],
    [['override', '1', 'summary', '--json', badJson], undefined, /bad\.json is not JSON/],
    [['override', '1', 'summary', '--json', '-'], '{"sentences": [], "short": ""}', /summary\.short: must be non-empty text/],
    [['override', '1', 'entities', '--json', '-'], '[{"slug": "Bad Slug", "name": "X", "type": "place"}]', /entities\[0\]\.slug: must be a slug/],
    [['override', '1', 'section', '--json', '-'], '"Gardening"', /no section "Gardening"; sections are: World, Politics/],
  ];
  for (const [args, input, message] of cases) {
    const run = newsdesk(args, env, input);
    assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, message);
    assert.equal(run.stderr.split('\n').length, 1, `one line: ${run.stderr}`);
  }
  assert.deepEqual(overridesOf(1), {});
});

test('set, show and clear; the topic index and the section follow, and a re-enrichment keeps them', () => {
  const summary = {
    sentences: [{ text: 'Iraq says US forces have left federal territory.', paragraph: 0, start: 0, end: 49, trimmed: true }],
    short: 'Iraq says US forces have left federal territory.',
  };
  const summaryFile = join(dataDir, 'summary.json');
  writeFileSync(summaryFile, JSON.stringify(summary));
  const set = newsdesk(['override', seedPath, 'summary', '--json', summaryFile], env);
  assert.equal(set.code, 0, set.stderr);
  assert.match(set.stdout, new RegExp(`^override set: summary of article 1 http://\\S+${seedPath}$`));

  const entities = [{ slug: 'harir-air-base', name: 'Harir Air Base', type: 'place' }];
  assert.equal(newsdesk(['override', '1', 'entities', '--json', '-'], env, JSON.stringify(entities)).code, 0);
  const moved = newsdesk(['override', '1', 'section', '--json', '-'], env, '"Politics"');
  assert.equal(moved.code, 0, moved.stderr);
  assert.match(moved.stdout, /http:\/\/\S+\/politics\//, 'prints the new address');

  const shown = newsdesk(['override', '1', '--show'], env);
  assert.equal(shown.code, 0, shown.stderr);
  const { article, url, overrides, invalid } = JSON.parse(shown.stdout);
  assert.equal(article, 1);
  assert.match(url, /\/politics\//);
  assert.deepEqual(overrides, {
    summary,
    entities: [{ ...entities[0], aliases: [], mentions: 1 }],
    section: 'politics',
  });
  assert.deepEqual(invalid, []);
  const indexed = () => query<{ entity_slug: string }>('select entity_slug from article_entities where article_id = 1').map((r) => r.entity_slug);
  assert.deepEqual(indexed(), ['harir-air-base']);

  // Re-enrichment by newer code: the computed fields are rewritten, the editor's stay and stay indexed.
  const db = new BetterSqlite3(join(dataDir, 'newsdesk.db'));
  db.prepare('update article_enrichments set version = version - 1').run();
  db.close();
  const reindex = newsdesk(['reindex', '--enrich'], env);
  assert.equal(reindex.code, 0, reindex.stderr);
  assert.match(reindex.stdout, /enriched 1 article\b/);
  assert.deepEqual(Object.keys(overridesOf(1)).sort(), ['entities', 'section', 'summary']);
  assert.deepEqual(indexed(), ['harir-air-base']);
  assert.equal(query<{ section: string }>('select section from articles where id = 1')[0]!.section, 'politics');

  const cleared = newsdesk(['override', '1', 'entities', '--clear'], env);
  assert.equal(cleared.code, 0, cleared.stderr);
  assert.match(cleared.stdout, /^override cleared: entities of article 1 /);
  assert.ok(indexed().includes('kataib-hezbollah'), 'the computed entities are indexed again');
  assert.deepEqual(Object.keys(overridesOf(1)).sort(), ['section', 'summary']);
});
