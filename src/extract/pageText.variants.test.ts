import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { paragraphSection } from '../domain/index.ts';
import { parsePageText } from './index.ts';

/** Layouts other than the seed's, kept as real-looking pages in testdata/ (or inline when a few lines). */
const fixture = (name: string): string => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');

test('no caption line: no hero, the summary still comes before the lede under a repeated headline', () => {
  const draft = parsePageText(fixture('no-caption.txt'));
  assert.equal(draft.headline, 'Port Strike Ends After Three Weeks; Ships Queue Outside Harbour');
  assert.equal(draft.sectionName, 'Security');
  assert.equal(draft.hero, null);
  assert.ok(draft.summary?.startsWith('Dock workers voted'));
  assert.ok(draft.lede?.startsWith('The port authority said on Friday'));
  assert.deepEqual(draft.body, [
    paragraphSection('Deal Terms', ['The agreement raises base pay by eight percent over two years and limits night shifts.']),
    paragraphSection('Backlog', ['Shipping agents expect the queue to clear within ten days.']),
  ]);
  assert.ok(!JSON.stringify(draft).includes('Strike Talks Collapse Again'), 'related headlines are chrome');
});

test('no summary: a single paragraph before the sections is the lede', () => {
  const draft = parsePageText(fixture('no-summary.txt'));
  assert.equal(draft.sectionName, 'Technology');
  assert.deepEqual(draft.hero, {
    url: null,
    alt: 'Wafers at a fabrication plant in an undated handout photo.',
    caption: 'Wafers at a fabrication plant in an undated handout photo.',
    credit: 'Reuters',
  });
  assert.equal(draft.summary, null);
  assert.equal(draft.lede, 'The trade regulator fined a chipmaker on Tuesday for filing incomplete export declarations over three years.');
  assert.deepEqual(draft.body.map((section) => section.title), ['What Was Found', 'Company Response']);
  assert.ok(!JSON.stringify(draft).includes('Most Read'));
});

test('no titled sections: brand found by shape, lede, then one untitled section', () => {
  const draft = parsePageText(fixture('plain-paragraphs.txt'));
  assert.equal(draft.headline, 'Probe Finds Water Ice In Shadowed Lunar Craters');
  assert.equal(draft.sectionName, 'Science');
  assert.equal(draft.hero, null);
  assert.equal(draft.summary, null);
  assert.ok(draft.lede?.startsWith('A lunar probe has found water ice'));
  assert.deepEqual(draft.body, [
    paragraphSection(null, [
        'The ice was detected by a neutron spectrometer during low passes over the craters.',
        'Scientists said the finding could make future crewed missions easier to supply.',
      ]),
  ]);
  assert.ok(!JSON.stringify(draft).includes('Daily Planet'), 'the brand is not article text');
  assert.ok(!JSON.stringify(draft).includes('Share this'));
});

test('sections separated by en dash, em dash, spaced hyphen and unspaced em dash; "Photo:" credit', () => {
  const draft = parsePageText(fixture('mixed-dashes.txt'));
  assert.equal(draft.headline, 'Shipyard Wins Ferry Contract');
  assert.equal(draft.sectionName, 'Business');
  assert.deepEqual(draft.hero, {
    url: null,
    alt: 'Workers at the shipyard on Monday.',
    caption: 'Workers at the shipyard on Monday.',
    credit: 'Jane Doe/Harbour Gazette',
  });
  assert.equal(draft.summary, null);
  assert.equal(draft.lede, 'The regional government awarded the shipyard a contract for four electric ferries.');
  assert.deepEqual(draft.body, [
    paragraphSection('The Contract', ['The deal is worth 310 million and runs until 2029.']),
    paragraphSection('Jobs Outlook', ['The yard expects to hire about 400 workers.']),
    paragraphSection('Local Reaction', ['Union leaders welcomed the news but asked for apprenticeships.']),
    paragraphSection('Next Steps', ['Construction of the first hull begins in the spring.']),
  ]);
  const json = JSON.stringify(draft);
  for (const chrome of ['Advertisement', 'Subscribe', 'Trending']) assert.ok(!json.includes(chrome));
});

test('titles on their own line; dashes inside sentences and datelines do not open sections', () => {
  const draft = parsePageText(fixture('standalone-titles.txt'));
  assert.equal(draft.headline, 'City Council Approves New Cycle Lanes');
  assert.equal(draft.sectionName, null);
  assert.equal(draft.hero, null);
  assert.equal(draft.summary, null);
  assert.ok(draft.lede?.startsWith('The city council on Thursday'));
  assert.deepEqual(draft.body, [
    paragraphSection('What changes', [
        'Parking will be removed from four streets to make room for the lanes.',
        'Work starts in March and should finish before the summer.',
      ]),
    paragraphSection('Who objected?', [
        'Shop owners on Market Street said the loss of parking would hurt trade.',
        'Officials — who spoke on condition of anonymity — said objections would be heard in February.',
        'WASHINGTON — A similar scheme in the capital was paused last year.',
      ]),
  ]);
  assert.ok(!JSON.stringify(draft).includes('Help us improve'));
});

test('headline printed once: caption found by its "(Credit: …)" suffix, byline, lede and untitled text', () => {
  const draft = parsePageText(fixture('headline-once.txt'));
  assert.equal(draft.headline, 'Wildfire Forces Evacuation Of Hillside Villages');
  assert.equal(draft.sectionName, null);
  assert.deepEqual(draft.hero, {
    url: null,
    alt: 'Firefighters battle a blaze above the village of Kato on Sunday.',
    caption: 'Firefighters battle a blaze above the village of Kato on Sunday.',
    credit: 'Getty Images',
  });
  assert.equal(draft.byline, 'Maria Papadopoulou');
  // A captioned photo is the summary layout, so with three untitled paragraphs the first is the summary.
  assert.ok(draft.summary?.startsWith('Hundreds of residents were evacuated'));
  assert.ok(draft.lede?.startsWith('Strong winds — gusting up to 70 km/h'));
  assert.deepEqual(draft.body, [paragraphSection(null, ['Authorities said no injuries had been reported.'])]);
  assert.ok(!JSON.stringify(draft).includes('Heatwave'));
});

test('headline only once, no brand: lede and sections', () => {
  const page = [
    'Bridge Reopens After Repairs',
    '',
    'The river bridge reopened to traffic on Monday after six months of repairs.',
    '',
    'Costs — The work cost 12 million, slightly under budget.',
  ].join('\n');
  const draft = parsePageText(page);
  assert.equal(draft.headline, 'Bridge Reopens After Repairs');
  assert.equal(draft.summary, null);
  assert.equal(draft.lede, 'The river bridge reopened to traffic on Monday after six months of repairs.');
  assert.deepEqual(draft.body, [paragraphSection('Costs', ['The work cost 12 million, slightly under budget.'])]);
});

test('without the repeat, a known brand or a one-word label above the headline is recognised', () => {
  const brand = parsePageText('CRBC News\nSecurity\nBorder Talks Resume In Geneva\n\nTalks resumed on Monday.');
  assert.equal(brand.headline, 'Border Talks Resume In Geneva');
  assert.equal(brand.sectionName, 'Security');
  const section = parsePageText('Culture\nMuseum Returns Looted Bronzes\n\nThe museum returned 31 bronzes.');
  assert.equal(section.headline, 'Museum Returns Looted Bronzes');
  assert.equal(section.sectionName, 'Culture');
  const brand2 = parsePageText('Daily Planet\nProbe Finds Water Ice In Shadowed Lunar Craters\n\nThe probe found ice.');
  assert.equal(brand2.headline, 'Probe Finds Water Ice In Shadowed Lunar Craters');
  assert.equal(brand2.sectionName, 'Daily Planet', 'one unknown label above a headline reads as its section');
  const known = parsePageText('Daily Planet\nProbe Finds Water Ice In Shadowed Lunar Craters\n\nThe probe found ice.', {
    knownBrands: ['Daily Planet'],
  });
  assert.equal(known.sectionName, null);
  const knownSection = parsePageText('Middle East\nCeasefire holds\n\nThe ceasefire held overnight.', {
    knownSections: ['Middle East'],
  });
  assert.equal(knownSection.sectionName, 'Middle East');
  assert.equal(knownSection.headline, 'Ceasefire holds');
  // Two words over a sentence-case line: more likely a short headline over its dek, so it stays the headline.
  const short = parsePageText('Iraq Votes\nPolls open across the country amid tight security\n\nVoting began at 7am.');
  assert.equal(short.headline, 'Iraq Votes');
  assert.equal(short.sectionName, null);
});

test('one-line chrome between paragraphs is dropped; the article ends at the first end-of-article label', () => {
  const page = [
    'Skip to content',
    'Rail Fares To Rise In January',
    '',
    'Rail fares will rise by 4 percent in January, the operator said.',
    'Advertisement',
    'The increase is below inflation.',
    'Share this article',
    'Most Read',
    'Some Other Headline',
    'Another paragraph from a teaser.',
  ].join('\n');
  const draft = parsePageText(page);
  assert.equal(draft.headline, 'Rail Fares To Rise In January');
  assert.equal(draft.lede, 'Rail fares will rise by 4 percent in January, the operator said.');
  assert.deepEqual(draft.body, [paragraphSection(null, ['The increase is below inflation.'])]);
});

test('a headline with nothing after it is still an article', () => {
  const draft = parsePageText('Breaking: Earthquake Strikes Off Coast');
  assert.equal(draft.headline, 'Breaking: Earthquake Strikes Off Coast');
  assert.equal(draft.lede, null);
  assert.deepEqual(draft.body, []);
});
