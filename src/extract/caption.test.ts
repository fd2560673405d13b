import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCreditSuffix, isCreditShaped, splitCaptionCredit } from './caption.ts';

test('credit after a spaced dash, en dash, em dash or bar', () => {
  assert.deepEqual(splitCaptionCredit('Al-Asad air base on December 29, 2019. - Nasser Nasser/AP/File'), {
    caption: 'Al-Asad air base on December 29, 2019.',
    credit: 'Nasser Nasser/AP/File',
  });
  assert.deepEqual(findCreditSuffix('A crowd in the square – Getty Images'), { caption: 'A crowd in the square', credit: 'Getty Images' });
  assert.deepEqual(findCreditSuffix('A crowd in the square — Jane Doe for Reuters'), {
    caption: 'A crowd in the square',
    credit: 'Jane Doe for Reuters',
  });
  assert.deepEqual(findCreditSuffix('Rescue teams at work | AFP via Getty Images'), {
    caption: 'Rescue teams at work',
    credit: 'AFP via Getty Images',
  });
});

test('labelled credits: "Photo: X", "Image: X", "(Credit: X)", "Photo by X"', () => {
  assert.deepEqual(findCreditSuffix('Firefighters in Athens. Photo: Reuters'), { caption: 'Firefighters in Athens.', credit: 'Reuters' });
  assert.deepEqual(findCreditSuffix('The new ferry. Image: Harbour Gazette'), { caption: 'The new ferry.', credit: 'Harbour Gazette' });
  assert.deepEqual(findCreditSuffix('Smoke over the ridge (Credit: Getty Images)'), { caption: 'Smoke over the ridge', credit: 'Getty Images' });
  assert.deepEqual(findCreditSuffix('Smoke over the ridge (photo: AP)'), { caption: 'Smoke over the ridge', credit: 'AP' });
  assert.deepEqual(findCreditSuffix('Voters queue at dawn. Photo by Jane Doe'), { caption: 'Voters queue at dawn.', credit: 'Jane Doe' });
  assert.deepEqual(findCreditSuffix('Photo: Reuters'), { caption: null, credit: 'Reuters' });
});

test('a dash inside a sentence is not a credit', () => {
  assert.equal(findCreditSuffix('The base - once home to thousands of troops - is now empty.'), null);
  assert.equal(findCreditSuffix('Crowds gathered at noon - and the crowd cheered'), null);
  assert.equal(findCreditSuffix('A photo by the river shows the damage.'), null);
  assert.deepEqual(splitCaptionCredit('A plain caption with no credit.'), { caption: 'A plain caption with no credit.', credit: null });
});

test('credit shape: short, capitalised names and agencies', () => {
  for (const credit of ['Reuters', 'Getty Images', 'Nasser Nasser/AP/File', 'AP Photo/J. Smith', '© AFP']) {
    assert.ok(isCreditShaped(credit), credit);
  }
  for (const credit of ['and the crowd cheered', 'It rained. then it stopped', 'x'.repeat(61), 'Reuters.', 'A']) {
    assert.ok(!isCreditShaped(credit), credit);
  }
});
