import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { leadYears, leadYearsConflict, leadYearTalliesConflict, leadYearTally, tallyLeadYears } from './eventCues.ts';
import { centroidCosine, cosine, heaviest, joinStory, newStory } from './storyCentroid.ts';

function storyDated(...leads: string[][]) {
  const story = newStory('s', 0);
  for (const years of leads) tallyLeadYears(story, years);
  return story;
}

describe('leadYears', () => {
  test('reads the headline and the first two lines only, each year once', () => {
    const doc = { title: 'Klitschko retains belts', text: 'Updated: July 7, 2012, 10:04 PM ET\nThe champion, born in 1976, won again in 2012.\nHe first won the title in 2006.' };
    assert.deepEqual(leadYears(doc), ['2012', '1976']);
    assert.deepEqual(leadYears({ title: 'Chargers receiver arrested', text: 'Vincent Jackson was arrested on Tuesday.' }), []);
  });

  test('numbers that are not plausible report years are not years', () => {
    assert.deepEqual(leadYears({ title: 'Police seize 1500 rifles and 2100 rounds', text: 'Score 20-13.' }), []);
  });
});

describe('leadYearsConflict', () => {
  test('a year none of the story\'s leads names rules an article out of a dated story', () => {
    const tally = leadYearTally(storyDated(['2013'], ['2013'], []));
    assert.equal(leadYearsConflict(['2011'], tally, 3), true);
    assert.equal(leadYearsConflict(['2013'], tally, 3), false);
    assert.equal(leadYearsConflict([], tally, 3), false, 'an undated article is never ruled out');
  });

  test('an undated story rules out a dated article only from the set number of members', () => {
    assert.equal(leadYearsConflict(['2013'], leadYearTally(storyDated([], [])), 3), false);
    assert.equal(leadYearsConflict(['2013'], leadYearTally(storyDated([], [], [])), 3), true);
    assert.equal(leadYearsConflict(['2013'], leadYearTally(storyDated([], [], [])), 0), false, '0 turns the test off');
  });
});

describe('leadYearTalliesConflict', () => {
  test('two dated stories conflict when they share no year; dated and undated only past the set size', () => {
    const in2011 = leadYearTally(storyDated(['2011'], ['2011']));
    const in2013 = leadYearTally(storyDated(['2013'], ['2013', '2011'], ['2013']));
    const in2013Only = leadYearTally(storyDated(['2013'], ['2013']));
    assert.equal(leadYearTalliesConflict(in2011, in2013Only, 3), true);
    assert.equal(leadYearTalliesConflict(in2011, in2013, 3), false, 'a shared year: may be one story');
    const undated = leadYearTally(storyDated([], [], [], [], ['2008']));
    assert.equal(leadYearTalliesConflict(in2013Only, undated, 3), true);
    assert.equal(leadYearTalliesConflict(undated, in2013Only, 3), true);
    assert.equal(leadYearTalliesConflict(in2013Only, undated, 0), false);
    assert.equal(leadYearTalliesConflict(in2013Only, leadYearTally(storyDated([], [])), 3), false, 'too few undated members');
  });
});

describe('tallies in the centroid', () => {
  test('take no part in norms, cosines or the heaviest terms', () => {
    const doc = { id: 'a', title: 't', text: 'x' };
    const plain = newStory('p', 0);
    const tallied = newStory('t', 1);
    const vector = new Map([['quake', 0.8], ['aceh', 0.6]]);
    joinStory(plain, doc, vector, null);
    joinStory(tallied, doc, vector, null);
    for (let i = 0; i < 50; i++) tallyLeadYears(tallied, ['2013']);
    joinStory(tallied, { ...doc, id: 'b' }, new Map([['quake', 1]]), null);
    joinStory(plain, { ...doc, id: 'b' }, new Map([['quake', 1]]), null);
    assert.equal(tallied.centroidNorm, plain.centroidNorm);
    assert.equal(cosine(vector, tallied), cosine(vector, plain));
    assert.equal(centroidCosine(tallied, plain), centroidCosine(plain, plain));
    assert.deepEqual(heaviest(tallied.centroid, 5), ['quake', 'aceh']);
  });
});
