import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stem } from './stem.ts';

// Pairs from Porter's paper and its published sample vocabulary.
const PAIRS: [string, string][] = [
  ['caresses', 'caress'], ['ponies', 'poni'], ['cats', 'cat'], ['feed', 'feed'], ['agreed', 'agre'],
  ['plastered', 'plaster'], ['motoring', 'motor'], ['sing', 'sing'], ['conflated', 'conflat'], ['troubled', 'troubl'],
  ['sized', 'size'], ['hopping', 'hop'], ['falling', 'fall'], ['filing', 'file'], ['happy', 'happi'],
  ['relational', 'relat'], ['conditional', 'condit'], ['rational', 'ration'], ['digitizer', 'digit'],
  ['generalization', 'gener'], ['triplicate', 'triplic'], ['hopeful', 'hope'], ['goodness', 'good'],
  ['revival', 'reviv'], ['adoption', 'adopt'], ['controlling', 'control'], ['rolling', 'roll'],
  ['troops', 'troop'], ['withdrawals', 'withdraw'], ['militias', 'militia'], ['elections', 'elect'],
];

test('Porter stems match the published examples', () => {
  for (const [word, expected] of PAIRS) assert.equal(stem(word), expected, word);
});

test('short words, numbers and non-ASCII words are left as they are', () => {
  for (const word of ['us', 'is', '2024', 'zürich', 'al-asad']) assert.equal(stem(word), word);
});
