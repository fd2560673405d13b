import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parsePageText } from '../../extract/index.ts';
import { sectionParagraphs } from '../../domain/index.ts';
import { articleSentences } from '../sentences.ts';
import { leadSummary } from './leadBaseline.ts';
import { notSummaryMaterial } from './candidates.ts';
import { bestRougeScores, sentenceScores } from './rouge.ts';
import { isFittingArticle, loadSummarySet, paragraphsOf } from './summaryCorpus.ts';
import { SHORT_SUMMARY_LIMIT, summarize, type Summary } from './summarize.ts';

interface Story {
  id: string;
  headline: string;
  paragraphs: string[];
}

const normal = (s: string): string => s.replace(/\s+/g, ' ').trim();

function assertGrounded(story: Story, summary: Summary): void {
  for (const s of summary.sentences) {
    const paragraph = story.paragraphs[s.paragraph];
    assert.ok(paragraph !== undefined, `${story.id}: paragraph ${s.paragraph} exists`);
    assert.equal(s.trimmed, false, `${story.id}: nothing is cut out of a sentence`);
    assert.equal(s.text, paragraph.slice(s.start, s.end), `${story.id}: sentence is its span`);
    assert.ok(normal(story.paragraphs.join('\n\n')).includes(normal(s.text)), `${story.id}: sentence is in the body`);
    assert.equal(notSummaryMaterial(s.text), null, `${story.id}: "${s.text}" is prose`);
  }
}

const candidateCount = (story: Story): number => articleSentences(story.paragraphs).filter((s) => notSummaryMaterial(s.text) === null).length;

function demoStories(path: URL): Story[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const row = JSON.parse(line) as { id: string; title: string; text: string };
      return { id: row.id, headline: row.title, paragraphs: paragraphsOf(row.text) };
    });
}

const SETS: [string, () => Story[]][] = [
  ['BBC benchmark', () => loadSummarySet('bbc-news-summary.jsonl')],
  ['GUM benchmark', () => loadSummarySet('gum-news-summaries.jsonl')],
  ['shared Wikinews demo', () => demoStories(new URL('../../../../shared/demo/wikinews/articles.jsonl', import.meta.url))],
  ['project demo', () => demoStories(new URL('../../../demo/wikinews.jsonl', import.meta.url))],
];

describe('grounding: every summary sentence stands in the body', () => {
  for (const [name, load] of SETS) {
    test(`${name}: 100% of sentences, default length and 1 to 5`, () => {
      const stories = load();
      assert.ok(stories.length > 20, `${name} loaded`);
      let checked = 0;
      for (const story of stories) {
        const summary = summarize(story);
        assertGrounded(story, summary);
        assert.ok(summary.short.length <= SHORT_SUMMARY_LIMIT, `${story.id}: short form ≤ ${SHORT_SUMMARY_LIMIT}`);
        checked += summary.sentences.length;
        const wanted = 1 + (checked % 5);
        const sized = summarize(story, { sentences: wanted });
        assertGrounded(story, sized);
        assert.equal(sized.sentences.length, Math.min(wanted, candidateCount(story)), `${story.id}: ${wanted} sentences`);
      }
      assert.ok(checked >= stories.length, `${name}: sentences were checked`);
    });
  }

  test('BBC match reports whose line-ups used to be summarised with a label or a parenthetical cut out', () => {
    const reports = loadSummarySet('bbc-news-summary.jsonl').filter((a) => ['bbc-sport-129', 'bbc-sport-295', 'bbc-sport-333', 'bbc-sport-339'].includes(a.id));
    assert.equal(reports.length, 4);
    for (const report of reports) assertGrounded(report, summarize(report, { sentences: 3 }));
  });

  test('the CRBC seed article', () => {
    const draft = parsePageText(readFileSync(new URL('../../../../shared/fixtures/crbc-security-article.txt', import.meta.url), 'utf8'));
    const story = { id: 'seed', headline: draft.headline, paragraphs: draft.body.flatMap((section) => sectionParagraphs(section)) };
    const summary = summarize(story);
    assert.ok(summary.sentences.length >= 3);
    assertGrounded(story, summary);
  });
});

describe('shape of the summary', () => {
  const story: Story = {
    id: 'made-up',
    headline: 'City council approves new harbour bridge',
    paragraphs: [
      'The city council approved a new harbour bridge on Tuesday after a two-year debate.',
      'The bridge will cost 40 million euros. Work starts in spring. Council members voted 31 to 9.',
      'Opponents said the harbour bridge would bring traffic into the old town. The mayor said the bridge would cut journeys by half.',
      'Is it worth it?',
    ],
  };

  test('3 sentences by default, in source order, with exact offsets', () => {
    const summary = summarize(story);
    assert.equal(summary.sentences.length, 3);
    const positions = summary.sentences.map((s) => [s.paragraph, s.start]);
    assert.deepEqual(positions, [...positions].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
    assert.equal(summary.sentences[0]!.text, story.paragraphs[0]);
    assertGrounded(story, summary);
  });

  test('the short form is whole sentences within 300 characters', () => {
    const { short, sentences } = summarize(story);
    assert.ok(short.length <= SHORT_SUMMARY_LIMIT);
    assert.ok(short.startsWith(sentences[0]!.text));
    assert.ok(short.endsWith('.'));
  });

  test('a lede longer than 300 characters is cut at a word with an ellipsis in the short form only', () => {
    const long = `${'The committee, meeting in the capital for the third time this year, '.repeat(5)}agreed.`;
    const { short, sentences } = summarize({ headline: 'Committee agrees', paragraphs: [long] }, { sentences: 1 });
    assert.ok(short.length <= SHORT_SUMMARY_LIMIT);
    assert.ok(short.endsWith('…'));
    assert.ok(long.startsWith(short.slice(0, -1)));
    assert.equal(sentences[0]!.text, long);
  });

  test('an over-long sentence with parentheticals and an HTML entity is emitted as the source wrote it', () => {
    const long =
      'The regulator (the Office of Communications, known as Ofcom, which oversees broadcasters &amp; telecoms) said on Monday that ' +
      'the merger of the two largest mobile operators would be examined in depth over the coming months, with a decision expected ' +
      'before the end of the year (or early next year, if more evidence is needed).';
    const { sentences } = summarize({ headline: 'Regulator to examine merger', paragraphs: [long] });
    assert.deepEqual(sentences, [{ text: long, paragraph: 0, start: 0, end: long.length, trimmed: false }]);
  });

  test('a real rugby line-up is never chosen, though it repeats every name the report does', () => {
    const lineUp = [
      'G Thomas (Toulouse (capt); H Luscombe (Dragons), T Shanklin (Blues), G Henson (Ospreys), S Williams (Ospreys); S Jones (Clermont',
      'Auvergne), D Peel (Scarlets); G Jenkins (Blues), M Davies (Gloucester), A Jones (Ospreys), B Cockbain (Ospreys), R Sidoli (Blues),',
      'D Jones (Scarlets), M Williams (Blues), M Owen (Dragons).',
    ].join(' ');
    const story = {
      headline: 'Thomas to lead Wales against England',
      paragraphs: [
        'Gareth Thomas will captain Wales against England on Saturday, with Henson and Shanklin in the centre.',
        'Coach Mike Ruddock kept faith with the side that beat Italy, naming Jones and Peel at half-back.',
        'Thomas said the Ospreys and Blues players had earned their places.',
        lineUp,
      ],
    };
    const texts = summarize(story).sentences.map((s) => s.text);
    assert.ok(!texts.some((t) => t.includes('Luscombe')), texts.join(' | '));
  });

  test('a quotation without its speaker is passed over; one with "said" may stay', () => {
    const summary = summarize({
      headline: 'Fuel subsidies in the region',
      paragraphs: [
        'The government will lobby its neighbours to cut fuel subsidies in the region.',
        '"Fuel subsidies in the region keep fuel prices high for everyone in the region."',
        '"Fuel subsidies distort the market," the minister said of fuel prices in the region.',
        'Officials will meet in March.',
      ],
    }, { sentences: 2 });
    const texts = summary.sentences.map((s) => s.text);
    assert.ok(!texts.some((t) => t.startsWith('"Fuel subsidies in the region')), texts.join(' | '));
    assert.ok(texts.some((t) => t.includes('the minister said')), texts.join(' | '));
  });

  test('the short form keeps the lede even when a shorter sentence would fit whole', () => {
    const lede = `${'The government is to lobby its neighbours over fuel subsidies and price caps, '.repeat(4)}officials said.`;
    const { short } = summarize({ headline: 'Fuel subsidies', paragraphs: [lede, 'Fuel subsidies are high. Fuel subsidies fell.'] });
    assert.ok(short.startsWith('The government is to lobby'));
    assert.ok(short.endsWith('…') && short.length <= SHORT_SUMMARY_LIMIT);
  });

  test('long reads get 4 or 5 sentences by default', () => {
    const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => `Report number ${i + 1} covers harbour works in district ${i + 1} this week.`);
    assert.equal(summarize({ headline: 'Harbour works', paragraphs: paragraphs(29) }).sentences.length, 3);
    assert.equal(summarize({ headline: 'Harbour works', paragraphs: paragraphs(30) }).sentences.length, 4);
    assert.equal(summarize({ headline: 'Harbour works', paragraphs: paragraphs(45) }).sentences.length, 5);
  });

  test('an empty article has an empty summary', () => {
    assert.deepEqual(summarize({ headline: 'Nothing', paragraphs: [] }), { sentences: [], short: '' });
  });

  test('near-repeats are passed over for coverage', () => {
    const summary = summarize({
      headline: 'Storm closes schools',
      paragraphs: [
        'A storm closed all schools in the region on Monday.',
        'All schools in the region were closed by a storm on Monday.',
        'Power was cut to 20,000 homes as trees fell on lines.',
        'Trains between the two main cities were cancelled for the day.',
      ],
    });
    const texts = summary.sentences.map((s) => s.text);
    const repeats = ['A storm closed all schools in the region on Monday.', 'All schools in the region were closed by a storm on Monday.'];
    assert.equal(texts.filter((t) => repeats.includes(t)).length, 1, texts.join(' | '));
  });
});

describe('quality on the BBC half we did not fit on', () => {
  /** Reached when this guard was set (held-out half, Porter-stemmed); a change may not lose more than 0.5. */
  const REACHED = { rouge2: 56.85, rougeL: 46.65, sentenceF1: 52.65 };
  const ALLOWED_LOSS = 0.5;

  test('ours (3 sentences) beats LEAD-3 and keeps ROUGE-2 / ROUGE-L / sentence F1 within 0.5 of what was reached', () => {
    const heldOut = loadSummarySet('bbc-news-summary.jsonl').filter((_, i) => !isFittingArticle(i));
    const mean = (summaryOf: (a: (typeof heldOut)[number]) => string) => {
      let rouge2 = 0;
      let rougeL = 0;
      let sentenceF1 = 0;
      for (const a of heldOut) {
        const candidate = summaryOf(a);
        const r = bestRougeScores(candidate, a.references, true);
        rouge2 += r.rouge2;
        rougeL += r.rougeL;
        sentenceF1 += sentenceScores(candidate, a.references[0]!).f1;
      }
      return { rouge2: rouge2 / heldOut.length, rougeL: rougeL / heldOut.length, sentenceF1: sentenceF1 / heldOut.length };
    };
    const ours = mean((a) => summarize(a, { sentences: 3 }).sentences.map((s) => s.text).join('\n'));
    const lead = mean((a) => leadSummary(a.article, 3));
    for (const key of ['rouge2', 'rougeL', 'sentenceF1'] as const) {
      assert.ok(ours[key] > lead[key], `${key}: ours ${ours[key].toFixed(2)} > LEAD-3 ${lead[key].toFixed(2)}`);
      assert.ok(ours[key] >= REACHED[key] - ALLOWED_LOSS, `${key}: ${ours[key].toFixed(2)} ≥ ${REACHED[key]} − ${ALLOWED_LOSS}`);
    }
  });
});
