import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isReaderPrompt, removeReaderPrompts } from './readerPrompts.ts';
import { contentOf, linesOf, prose } from './fixture.ts';

describe('reader prompts', () => {
  test('lines that address the reader are prompts', () => {
    for (const line of [
      'Read more: Alibaba poised to launch record-breaking listing',
      'SEE MORE: Hong Kong protests: 800 students under siege',
      '[Related: Salesforce Dreamforce Keynote]',
      "DON'T MISS",
      'You may also like...',
      'Like this story? Share it with a friend!',
      'Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.',
      'Click here to subscribe to The Paradigm Newsletter',
      'Sign up for our morning briefing',
      'Filed under: Khawarij |',
      'Copyright ⓒ Entermedia.co.kr. All rights reserved',
      '(Reporting by Rodrigo Campos; Editing by Tom Brown)',
      'Keith Bradsher contributed reporting from Hong Kong.',
      "There's plenty more where that came from. Sign up today to get the free daily newsletter in your inbox.",
      'Advertisement',
      'Comments (12)',
    ]) {
      assert.equal(isReaderPrompt(line), true, line);
    }
  });

  test('reporting that merely uses those words is not', () => {
    for (const line of [
      'More than 300 people were evacuated overnight.',
      'Subscribers to the service will pay $6.99 a month from January.',
      'Shares of the company rose 4% after the announcement.',
      'Comments from the minister drew criticism from both parties.',
      'Copyright lawyers say the ruling will be appealed.',
      'Related charges were dropped last year.',
      'Following the vote, the council adjourned.',
      'The newsletter, which has 40,000 readers, was sold last week.',
    ]) {
      assert.equal(isReaderPrompt(line), false, line);
    }
  });

  test('prompts are removed from the article; a long paragraph opening the same way is kept', () => {
    const long = `Read more: ${prose(400)}`;
    const content = contentOf(`<p>${prose(100)}</p><p><em>Read more: Tencent profit falls</em></p><p>${long}</p><div>Advertisement</div>`);
    removeReaderPrompts(content);
    assert.deepEqual(linesOf(content), [prose(100), long]);
  });
});
