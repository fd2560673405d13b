import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sectionParagraphs } from '../../domain/index.ts';
import { parsePageText } from '../../extract/index.ts';
import { classifySection, DEMO_SECTIONS } from './index.ts';
import { loadSeedLexicon, seedDensities } from './lexicon.ts';
import { loadSectionModel } from './model.ts';
import { NUMBER_TOKEN, articleTerms } from './terms.ts';

const SEED_PAGE = fileURLToPath(new URL('../../../../shared/fixtures/crbc-security-article.txt', import.meta.url));

function seedArticle(): { headline: string; text: string } {
  const draft = parsePageText(readFileSync(SEED_PAGE, 'utf8'));
  const paragraphs = [draft.summary, draft.lede, ...draft.body.flatMap(sectionParagraphs)];
  return { headline: draft.headline, text: paragraphs.filter((p): p is string => !!p).join('\n\n') };
}

const sumOf = (scores: { probability: number }[]): number => scores.reduce((sum, s) => sum + s.probability, 0);

describe('classifySection', () => {
  test('the seed article (labelled Security on its page) is classified Security', () => {
    const result = classifySection(seedArticle());
    assert.equal(result.section, 'Security');
    assert.ok(result.confidence > 0.5, `confidence ${result.confidence}`);
  });

  test('every demo desk is scored once, most probable first, probabilities summing to 1', () => {
    const result = classifySection(seedArticle());
    assert.deepEqual(result.scores.map((s) => s.section).sort(), [...DEMO_SECTIONS].sort());
    assert.ok(Math.abs(sumOf(result.scores) - 1) < 1e-9);
    for (let i = 1; i < result.scores.length; i++) {
      assert.ok(result.scores[i - 1]!.probability >= result.scores[i]!.probability);
    }
    assert.equal(result.section, result.scores[0]!.section);
    assert.equal(result.confidence, result.scores[0]!.probability);
  });

  test('learned desks: a central-bank story is Business, an election story Politics', () => {
    const business = classifySection({
      headline: 'Central bank raises interest rates as inflation climbs',
      text: 'The central bank raised its benchmark interest rate by half a point on Tuesday. Shares fell and the ' +
        'currency rose against the dollar as investors weighed the outlook for company profits and consumer spending.',
    });
    assert.equal(business.section, 'Business');
    const politics = classifySection({
      headline: 'Opposition leader wins presidential election',
      text: 'The opposition candidate won the presidential election with 54 per cent of the vote, the electoral ' +
        'commission said. Parliament will meet next week, and the ruling party conceded defeat in the capital.',
    });
    assert.equal(politics.section, 'Politics');
  });

  test('seeded desks: a match report is Sports, a film story Entertainment', () => {
    const sport = classifySection({
      headline: 'United beat City in cup final',
      text: 'United won the cup final 2-1 at the stadium on Saturday. The striker scored two goals and the coach ' +
        'praised the squad; City fans saw their team lose a second final this season.',
    });
    assert.equal(sport.section, 'Sports');
    const film = classifySection({
      headline: 'Director\'s new film tops the box office',
      text: 'The actress stars in the film, which took $40m at the box office in its opening weekend. The movie ' +
        'is the director\'s third, after two Oscar-nominated dramas, and its soundtrack album is out this week.',
    });
    assert.equal(film.section, 'Entertainment');
  });

  test('the editor\'s list restricts the candidates and keeps the editor\'s spelling', () => {
    const result = classifySection(seedArticle(), { sections: ['politics', 'Business'] });
    assert.deepEqual(result.scores.map((s) => s.section).sort(), ['Business', 'politics']);
    assert.equal(result.section, 'politics');
    assert.ok(Math.abs(sumOf(result.scores) - 1) < 1e-9);
  });

  test('"Sport" is the same desk as "Sports"', () => {
    const text = 'The striker scored twice as the team won the league match; the coach praised the squad and fans.';
    const result = classifySection({ headline: 'Late goals win the match', text }, { sections: ['Sport', 'Business'] });
    assert.equal(result.section, 'Sport');
    const twice = classifySection({ headline: 'Late goals win the match', text }, { sections: ['Sport', 'sports', 'Business'] });
    assert.deepEqual(twice.scores.map((s) => s.section).sort(), ['Business', 'Sport']);
    assert.equal(twice.scores[0]!.probability, result.scores[0]!.probability);
  });

  test('a desk with neither data nor seed terms gets no probability; with only such desks, all are equal', () => {
    const mixed = classifySection(seedArticle(), { sections: ['Culture', 'Security'] });
    assert.equal(mixed.section, 'Security');
    assert.equal(mixed.scores.find((s) => s.section === 'Culture')!.probability, 0);
    const unknown = classifySection(seedArticle(), { sections: ['Culture', 'Travel'] });
    assert.equal(unknown.section, 'Culture');
    assert.deepEqual(unknown.scores.map((s) => s.probability), [0.5, 0.5]);
  });

  test('an empty story still gets a valid classification, and the same input always gives the same answer', () => {
    const empty = classifySection({ headline: '', text: '' });
    assert.ok(DEMO_SECTIONS.includes(empty.section));
    assert.ok(Math.abs(sumOf(empty.scores) - 1) < 1e-9);
    assert.deepEqual(classifySection(seedArticle()), classifySection(seedArticle()));
  });
});

describe('seed lexicon', () => {
  test('every demo desk is either learned or seeded, never both, and each seeded desk has terms', () => {
    const lexicon = loadSeedLexicon();
    const learned = loadSectionModel().sections;
    for (const desk of DEMO_SECTIONS) {
      assert.ok(learned.includes(desk) !== lexicon.sections.has(desk), desk);
      if (lexicon.sections.has(desk)) assert.ok(lexicon.sections.get(desk)!.size >= 20, desk);
    }
    for (const desk of lexicon.supporting.keys()) assert.ok(learned.includes(desk), `${desk} supports a learned desk`);
  });

  test('seed terms are stemmed like the model\'s terms and are at most two words', () => {
    const security = loadSeedLexicon().sections.get('Security')!;
    assert.ok(security.has('troop') && security.has('air base') && security.has('militia'));
    const { sections, supporting } = loadSeedLexicon();
    assert.ok(supporting.get('Politics')!.has('parliament'));
    for (const terms of [...sections.values(), ...supporting.values()]) {
      for (const term of terms) assert.ok(term.split(' ').length <= 2 && term !== NUMBER_TOKEN, term);
    }
  });

  test('density counts each term at most a few times and treats a short story as a longer one', () => {
    const lexicon = loadSeedLexicon();
    const repeated = seedDensities(lexicon.sections, articleTerms({ headline: '', text: 'troops '.repeat(200) })).get('Security')!;
    const varied = seedDensities(
      lexicon.sections,
      articleTerms({ headline: '', text: 'troops missile militia army navy '.repeat(40) }),
    ).get('Security')!;
    assert.ok(varied > repeated * 3, `${varied} vs ${repeated}`);
    const brief = seedDensities(lexicon.sections, articleTerms({ headline: '', text: 'Troops.' })).get('Security')!;
    assert.ok(brief < 5, `one word is not a story full of evidence (${brief})`);
  });
});
