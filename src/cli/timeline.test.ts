import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import { ValidationError } from '../domain/index.ts';
import { timelineJsonLines } from './timeline.ts';
import { slowCollector } from './testing.ts';

/** The opening of a MEANTIME Wikinews article (2004-11-24), one sentence a line. */
const TEXT = [
  'Internal emails expose Boeing-Air Force contract discussions',
  'Senator John McCain entered them into the Congressional Record during a speech last week against the deal.',
  'Congressional lawmakers rejected the proposal in October, although industry experts say the deal had been killed by the Pentagon.',
].join('\n');

interface Row {
  id: string | number;
  timexes: { start: number; end: number; text: string; type: string; value: string }[];
  timeline: { date: string; label: string; sentence: string }[];
}

async function run(lines: string[]): Promise<Row[]> {
  const out = slowCollector();
  await timelineJsonLines(Readable.from(lines.join('\n') + '\n'), out.stream);
  return out.text().trimEnd().split('\n').map((line) => JSON.parse(line) as Row);
}

describe('newsdesk timeline (stream)', () => {
  test('timexes with offsets into the text, and dated facts with their sentences', async () => {
    const [row] = await run([JSON.stringify({ id: '1173', publishedAt: '2004-11-24', text: TEXT })]);
    assert.equal(row!.id, '1173');
    assert.deepEqual(row!.timexes.map((t) => [t.text, t.value]), [['last week', '2004-W47'], ['October', '2004-10']]);
    for (const t of row!.timexes) assert.equal(TEXT.slice(t.start, t.end), t.text);
    const october = row!.timeline.find((e) => e.date === '2004-10');
    assert.ok(october);
    assert.match(october.sentence, /^Congressional lawmakers rejected the proposal in October/);
  });

  test('without a publication date no relative date is resolved or put on the timeline', async () => {
    const [row] = await run(['', JSON.stringify({ id: 7, publishedAt: null, text: TEXT })]);
    assert.deepEqual(row!.timexes.map((t) => t.value), ['XXXX-XX-XX']);
    assert.deepEqual(row!.timeline, []);
  });

  for (const [name, line, message] of [
    ['not JSON', '{"id": "x", "text": ', /line 2: not JSON/],
    ['no id', '{"text": "Text."}', /line 2: "id"/],
    ['text not a string', '{"id": "x", "text": 3}', /line 2: "text"/],
    ['bad publishedAt', '{"id": "x", "publishedAt": "soon", "text": "Text."}', /line 2: "publishedAt"/],
  ] as const) {
    test(`a bad line (${name}) is a ValidationError with its line number`, async () => {
      const input = Readable.from(`${JSON.stringify({ id: 'ok', publishedAt: null, text: TEXT })}\n${line}\n`);
      await assert.rejects(timelineJsonLines(input, slowCollector().stream), (error: unknown) => {
        assert.ok(error instanceof ValidationError);
        assert.match(error.message, message);
        return true;
      });
    });
  }
});
