import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, Readable } from 'node:stream';
import { ValidationError } from '../domain/index.ts';
import { clusterStream } from './cluster.ts';

const fire = 'Firefighters battled a large blaze at the Dockside warehouse in Marseille on Monday night. No one was hurt.';

async function run(lines: string[]): Promise<{ out: Record<string, string>[]; result: Awaited<ReturnType<typeof clusterStream>> }> {
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  const result = await clusterStream(Readable.from(lines.join('\n')), output, 'articles.jsonl');
  const out = chunks.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  return { out, result };
}

describe('clusterStream', () => {
  test('writes one {"id","story"} line per article, copies marked, blank lines skipped', async () => {
    const { out, result } = await run([
      JSON.stringify({ id: 'a', title: 'Warehouse fire in Marseille', text: fire, publishedAt: '2024-03-04' }),
      '',
      JSON.stringify({ id: 'b', title: 'Warehouse fire in Marseille', text: `By Wire Staff. ${fire}`, source: 'wire.example' }),
      JSON.stringify({ id: 'c', title: 'Central bank raises rates', text: 'The central bank of Norway raised its main rate by a quarter point.', publishedAt: null }),
    ]);
    assert.equal(out.length, 3);
    assert.deepEqual(out.map((line) => line.id), ['a', 'b', 'c']);
    assert.equal(out[1]!.story, out[0]!.story);
    assert.equal(out[1]!.nearDuplicateOf, 'a');
    assert.notEqual(out[2]!.story, out[0]!.story);
    assert.deepEqual(result, { articles: 3, stories: 2 });
  });

  test('a bad line stops the run with its line number', async () => {
    const good = JSON.stringify({ id: 'a', title: 't', text: fire });
    await assert.rejects(run([good, '{"id":"b","title":"t"}']), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.match(error.message, /^articles\.jsonl:2: "text" must be a string/);
      return true;
    });
    await assert.rejects(run([good, good, 'not json']), /articles\.jsonl:3: not JSON/);
    await assert.rejects(run([JSON.stringify({ id: 'a', title: 't', text: 'x', publishedAt: 'soon' })]), /:1: "publishedAt" is not a date/);
    await assert.rejects(run(['[1,2]']), /:1: expected an object/);
  });
});
