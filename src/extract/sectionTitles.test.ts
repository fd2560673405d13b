import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasTitleShape, isStandaloneTitle, isTitleCase, splitTitledParagraph } from './sectionTitles.ts';

test('run-in titles split at the first dash', () => {
  assert.deepEqual(splitTitledParagraph('Remaining U.S. Presence — US troops remain at Harir Air Base.'), {
    title: 'Remaining U.S. Presence',
    text: 'US troops remain at Harir Air Base.',
  });
  assert.deepEqual(splitTitledParagraph('Political And Strategic Implications — Iraqi officials said — again — no.'), {
    title: 'Political And Strategic Implications',
    text: 'Iraqi officials said — again — no.',
  });
  assert.deepEqual(splitTitledParagraph('Next Steps—Work begins.'), { title: 'Next Steps', text: 'Work begins.' });
  assert.deepEqual(splitTitledParagraph('The View From Kyiv -- “We will not yield,” he said.'), {
    title: 'The View From Kyiv',
    text: '“We will not yield,” he said.',
  });
  assert.deepEqual(splitTitledParagraph('2024 In Review - 12 attacks were recorded.'), { title: '2024 In Review', text: '12 attacks were recorded.' });
});

test('sentences with a dash are not titled paragraphs', () => {
  const sentences = [
    'Several Iran-backed militias — including Kataib Hezbollah — have cited the presence.',
    'Officials — who spoke on condition of anonymity — said so.',
    'Last units leave Al-Asad — The ministry said so.', // sentence case: not a run-in head
    'WASHINGTON — The Pentagon said on Monday.', // dateline
    'BAGHDAD (Reuters) — The ministry said.',
    'He said, simply — No.',
    'The ministry said the contingent left. Later — The base was empty.',
    'A Very Long Title With Far Too Many Words In It — The text.',
    'Outlook — the text starts in lower case.',
    'Background —',
  ];
  for (const sentence of sentences) assert.equal(splitTitledParagraph(sentence), null, sentence);
});

test('title shape and title case', () => {
  assert.ok(hasTitleShape('Remaining U.S. Presence'));
  assert.ok(hasTitleShape('St. Louis Reacts'));
  assert.ok(hasTitleShape('What Happens Next?', { allowQuestion: true }));
  assert.ok(!hasTitleShape('What Happens Next?'));
  assert.ok(!hasTitleShape('It ended. Then'));
  assert.ok(!hasTitleShape('Talks, Delays'));
  assert.ok(!hasTitleShape('lowercase start'));
  assert.ok(isTitleCase('Impact On Militias'));
  assert.ok(isTitleCase('Talks With the Rebels'));
  assert.ok(!isTitleCase('Several Iran-backed militias'));
});

test('a stand-alone title needs prose after it', () => {
  assert.ok(isStandaloneTitle('What changes', 'Parking will be removed from four streets.'));
  assert.ok(!isStandaloneTitle('What changes', 'Who Objected'));
  assert.ok(!isStandaloneTitle('What changes', undefined));
  assert.ok(!isStandaloneTitle('Parking will be removed.', 'More text follows here.'));
});
