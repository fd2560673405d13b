import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ExtractError, sectionParagraphs, type ArticleDraft } from '../domain/index.ts';
import { MAX_PAGE_TEXT_BYTES, parsePageText } from './index.ts';

const SEED = readFileSync(new URL('../../../shared/fixtures/crbc-security-article.txt', import.meta.url), 'utf8');

const SEED_HEADLINE = 'Iraq Says US Forces Have Withdrawn From Federal Territory; Troops Remain In Kurdistan';
const SEED_CAPTION =
  'This aerial photo taken from a helicopter shows the Al-Asad air base in the western Anbar desert, Iraq on December 29, 2019.';
const SEED_SUMMARY =
  'Iraq announced that US forces have completed a full withdrawal from military sites within its federal territory, ' +
  'while US personnel remain in the Kurdistan Region. The last US advisers left Al-Asad Air Base in Anbar and ' +
  'coalition staff exited the Joint Operations Command, returning control to Iraqi forces. Baghdad says its armed ' +
  'forces can secure the country and that future cooperation with the US will focus on training, equipment and ' +
  'joint exercises. Coalition operations against ISIS will continue in Syria, with logistics expected to transit via Erbil.';
const SEED_LEDE =
  'Iraq’s government announced on Sunday that US forces have completed a full withdrawal from military facilities ' +
  'located within the country’s federal territory, while US personnel continue to operate in the semi-autonomous ' +
  'Kurdistan Region.';
const SEED_SECTIONS: ReadonlyArray<[title: string, opening: string]> = [
  ['Last Units Leave Al-Asad', 'The Iraqi Ministry of Defense said the final contingent'],
  ['Remaining U.S. Presence', 'US troops remain at Harir Air Base'],
  ['Official Confirmations', 'US Central Command told CNN'],
  ['Background', 'The US military presence in Iraq has fluctuated'],
  ['Security Context', 'Al-Asad has been a frequent target'],
  ['Political And Strategic Implications', 'Iraqi officials said the country’s armed forces'],
  ['Impact On Militias', 'The withdrawal could strengthen Baghdad’s negotiating position'],
  ['Outlook', 'The transfer marks a significant moment'],
];
const CHROME = ['Help us improve', 'Related Articles', 'Trending'];

function assertSeedDraft(draft: ArticleDraft): void {
  assert.equal(draft.headline, SEED_HEADLINE);
  assert.equal(draft.sectionName, 'Security');
  assert.deepEqual(draft.hero, {
    url: null,
    alt: SEED_CAPTION,
    caption: SEED_CAPTION,
    credit: 'Nasser Nasser/AP/File',
  });
  assert.equal(draft.summary, SEED_SUMMARY);
  assert.equal(draft.lede, SEED_LEDE);
  assert.deepEqual(
    draft.body.map((section) => section.title),
    SEED_SECTIONS.map(([title]) => title),
  );
  draft.body.forEach((section, index) => {
    assert.equal(sectionParagraphs(section).length, 1, `section ${section.title}`);
    assert.ok(sectionParagraphs(section)[0]!.startsWith(SEED_SECTIONS[index]![1]), `section ${section.title}`);
    assert.ok(!sectionParagraphs(section)[0]!.startsWith(section.title!), 'title stripped from the text');
  });
  assert.equal(draft.dek, null);
  assert.equal(draft.byline, null);
  assert.equal(draft.source, null);
  assert.equal(draft.publishedAt, null);
  const json = JSON.stringify(draft);
  for (const chrome of CHROME) assert.ok(!json.includes(chrome), `no "${chrome}" in the draft`);
}

test('seed page: the exact draft', () => {
  assertSeedDraft(parsePageText(SEED));
});

test('seed page: the dash inside "Impact On Militias" does not open a section', () => {
  const militias = parsePageText(SEED).body.find((section) => section.title === 'Impact On Militias');
  assert.ok(militias && sectionParagraphs(militias)[0]!.includes('Several Iran-backed militias — including Kataib Hezbollah'));
  assert.equal(militias && sectionParagraphs(militias).length, 1);
});

test('seed page: CRLF line endings read the same', () => {
  assertSeedDraft(parsePageText(SEED.replace(/\n/g, '\r\n')));
});

test('seed page: extra blank lines, trailing whitespace, tabs, NBSP and zero-width characters read the same', () => {
  const noisy = SEED.split('\n')
    .map((line, index) => (index % 2 === 0 ? `\t${line} \u00a0 ` : `${line}\u200b  `))
    .join('\n\n\n')
    .replace('Iraq Says US', 'Iraq\u00a0Says  US');
  const draft = parsePageText(noisy);
  // Blank lines now separate the caption from the repeated headline; its credit still marks it as the caption.
  assertSeedDraft(draft);
});

test('seed page: NUL and control characters are stripped, NFD becomes NFC', () => {
  const draft = parsePageText(SEED.replace('Security', 'Secu\u0000rity\u0007').replace('Background —', 'Backgrou\u0000nd —'));
  assertSeedDraft(draft);
  const accented = parsePageText('Cafe\u0301 Owners Protest Rent Rises\n\nOwners marched on Monday.');
  assert.equal(accented.headline, 'Café Owners Protest Rent Rises');
});

test('brand other than CRBC News with the repeated headline layout', () => {
  const page = SEED.replace('CRBC News', 'Daily Planet');
  const draft = parsePageText(page);
  assertSeedDraft(draft);
  assert.ok(!JSON.stringify(draft).includes('Daily Planet'));
});

test('one line above a repeated headline: a known brand is the brand, otherwise the section label', () => {
  const page = SEED.replace('CRBC News\nSecurity\n', 'Daily Planet\n');
  assert.equal(parsePageText(page).sectionName, 'Daily Planet');
  assert.equal(parsePageText(page, { knownBrands: ['Daily Planet'] }).sectionName, null);
  assert.equal(parsePageText(SEED.replace('CRBC News\n', '')).sectionName, 'Security');
  assert.equal(parsePageText(SEED.replace('Security\n', '')).sectionName, null);
});

test('no brand or section: the first line is the headline', () => {
  const draft = parsePageText(SEED.replace('CRBC News\nSecurity\n', ''));
  assert.equal(draft.headline, SEED_HEADLINE);
  assert.equal(draft.sectionName, null);
  assert.equal(draft.hero?.credit, 'Nasser Nasser/AP/File');
  assert.equal(draft.body.length, 8);
});

function assertExtractError(text: string, message: RegExp): void {
  assert.throws(
    () => parsePageText(text),
    (error: unknown) => error instanceof ExtractError && error.kind === 'extract' && message.test(error.message),
  );
}

test('errors: empty and whitespace-only text', () => {
  assertExtractError('', /page text is empty/);
  assertExtractError(' \n\t\r\n\u00a0\u200b\n', /page text is empty/);
  assertExtractError('\u0000\u0001', /page text is empty/);
});

test('errors: no plausible headline', () => {
  assertExtractError(`${'word '.repeat(80)}\n\nA paragraph.`, /no headline found: the first non-empty line must be the headline/);
  assertExtractError('!!! ---\n...', /no headline found/);
  assertExtractError('CRBC News', /no headline found/);
  assertExtractError('Related Articles\nTrending', /no headline found/);
});

test('errors: text over the size limit is refused before any work', () => {
  assertExtractError(`Headline\n${'a'.repeat(MAX_PAGE_TEXT_BYTES)}`, /page text is too large/);
  assert.doesNotThrow(() => parsePageText(`Headline\n\n${'a'.repeat(MAX_PAGE_TEXT_BYTES / 2)}`));
});
