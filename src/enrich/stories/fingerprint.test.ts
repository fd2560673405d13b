import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fingerprint, hammingDistance, isNearDuplicate, minhashSignature, simhash } from './fingerprint.ts';

const WIKINEWS = new URL('../../../../shared/demo/wikinews/articles.jsonl', import.meta.url);
const articles: { title: string; text: string; section: string | null }[] = readFileSync(WIKINEWS, 'utf8')
  .split('\n')
  .filter(Boolean)
  .slice(0, 400)
  .map((line) => JSON.parse(line));

/** A wire story as a second outlet runs it: its own first line, a byline, the rest word for word. */
function syndicatedCopy(text: string): string {
  const [, ...rest] = text.split(/(?<=\.)\s+/);
  return ['By Staff Reporter, Wire Service', 'Officials confirmed the news on Tuesday, according to local media.', ...rest].join(' ');
}

describe('fingerprints', () => {
  test('the same text gives the same fingerprint; a 64-bit SimHash and a signature of the asked length', () => {
    const text = articles[0]!.text;
    assert.equal(simhash(text), simhash(text));
    assert.ok(simhash(text) < 1n << 64n);
    assert.deepEqual(minhashSignature(text, 16), minhashSignature(text, 16));
    assert.equal(minhashSignature(text, 16).length, 16);
    assert.throws(() => minhashSignature(text, 0), RangeError);
  });

  test('a syndicated copy with a changed first line and a byline is a near-duplicate', () => {
    let checked = 0;
    for (const article of articles.filter((a) => a.text.split(/\s+/).length > 150).slice(0, 50)) {
      const original = fingerprint(article.text);
      const copy = fingerprint(syndicatedCopy(article.text));
      assert.ok(isNearDuplicate(original, copy), `copy of "${article.title}" not recognised`);
      checked++;
    }
    assert.equal(checked, 50);
  });

  test('a different story on the same topic is not a near-duplicate', () => {
    const business = articles.filter((a) => a.section === 'Business').slice(0, 40);
    assert.ok(business.length >= 20);
    const prints = business.map((a) => fingerprint(a.text));
    for (let i = 0; i < prints.length; i++) {
      for (let j = i + 1; j < prints.length; j++) {
        if (business[i]!.text === business[j]!.text) continue;
        assert.ok(!isNearDuplicate(prints[i]!, prints[j]!), `"${business[i]!.title}" vs "${business[j]!.title}"`);
      }
    }
  });

  test('a one-word change moves the SimHash far less than an unrelated text does', () => {
    for (let i = 0; i < 20; i++) {
      const text = articles[i]!.text;
      const edited = hammingDistance(simhash(text), simhash(text.replace(/\bthe\b/, 'a')));
      const unrelated = hammingDistance(simhash(text), simhash(articles[i + 1]!.text));
      assert.ok(edited * 2 < unrelated, `article ${i}: edited ${edited} bits, unrelated ${unrelated}`);
    }
  });

  test('two hand-written rewrites of one event are not duplicates', () => {
    const wire = 'Firefighters battled a blaze at a warehouse in the port district on Monday night. No one was hurt, the fire service said. The cause is under investigation.';
    const rewrite = 'A warehouse in the port district caught fire late on Monday. The fire service reported no injuries and said it was investigating what started it.';
    assert.equal(isNearDuplicate(fingerprint(wire), fingerprint(rewrite)), false);
  });
});
