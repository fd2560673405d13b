import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { sectionTitle, titleCase } from './index.ts';

const MILITIAS =
  'Several Iran-backed militias — including Kataib Hezbollah and Harakat al-Nujaba — have cited the American ' +
  'military presence as justification for retaining arms. Kataib Hezbollah said it would only disarm once Iraq ' +
  'achieves full sovereignty.';

describe('sectionTitle', () => {
  test('a Title Case heading from the section’s own salient name', () => {
    const title = sectionTitle([MILITIAS]);
    assert.equal(title, 'Kataib Hezbollah');
  });

  test('words the headline used weigh less, and the headline itself is never the heading', () => {
    const title = sectionTitle([MILITIAS], { avoid: ['Kataib Hezbollah'] });
    assert.notEqual(title.toLowerCase(), 'kataib hezbollah');
    for (const word of title.split(' ')) assert.ok(MILITIAS.toLowerCase().includes(word.toLowerCase()), word);
  });

  test('a section with no words has no heading; one without a phrase still gets two of its words', () => {
    assert.equal(sectionTitle(['', '  ']), '');
    const title = sectionTitle(['Quickly, slowly: went.']);
    assert.equal(title.split(' ').length, 2);
    for (const word of title.split(' ')) assert.ok('quickly, slowly: went.'.includes(word.toLowerCase()), word);
  });

  test('Title Case changes only the case of first letters', () => {
    assert.equal(titleCase('iran-backed armed groups'), 'Iran-Backed Armed Groups');
    assert.equal(titleCase('remaining U.S. presence'), 'Remaining U.S. Presence');
    assert.equal(titleCase('harakat al-Nujaba'), 'Harakat Al-Nujaba');
  });
});
