import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { ValidationError, type BodyBlock, type BodySection } from '../../domain/index.ts';
import { parsePageText } from '../../extract/index.ts';
import { draftFromWikinews, type WikinewsRecord } from '../../ingest/wikinews.ts';
import { bodyToMarkdown, markdownToBody } from './index.ts';
import { normalizeText } from './conventions.ts';

const roundTrip = (body: BodySection[]): BodySection[] => markdownToBody(bodyToMarkdown(body)).body;
const paragraph = (text: string): BodyBlock => ({ type: 'paragraph', text });

test('prints sections, blocks and figures in the editor format', () => {
  const body: BodySection[] = [
    { title: null, blocks: [paragraph('Opening words.')] },
    {
      title: 'Last Units Leave',
      blocks: [
        paragraph('First.'),
        { type: 'subheading', text: 'In Erbil' },
        { type: 'list', ordered: false, items: ['one', 'two'] },
        { type: 'list', ordered: true, items: ['first', 'second'] },
        { type: 'quote', text: 'We are ready.\nAll of us.', cite: 'The minister' },
        { type: 'figure', image: { url: '/media/images/0123456789abcdef0123/640x480.jpg', alt: 'Al-Asad', caption: 'The base in 2020.', credit: 'Nasser Nasser/AP/File' } },
      ],
    },
  ];
  assert.equal(
    bodyToMarkdown(body),
    [
      'Opening words.',
      '## Last Units Leave',
      'First.',
      '### In Erbil',
      '- one\n- two',
      '1. first\n2. second',
      '> We are ready.\n>\n> All of us.\n> — The minister',
      '![Al-Asad](/media/images/0123456789abcdef0123/640x480.jpg "The base in 2020.")\n— Nasser Nasser/AP/File',
    ].join('\n\n') + '\n',
  );
  assert.deepEqual(roundTrip(body), body);
  assert.equal(bodyToMarkdown([]), '');
});

test('escapes what Markdown would read as syntax, and nothing a reader would trip on', () => {
  const cases: Array<[string, string]> = [
    ['*bold* and _em_ and `code`', '\\*bold\\* and \\_em\\_ and \\`code\\`'],
    ['snake_case stays', 'snake_case stays'],
    ['# not a heading', '\\# not a heading'],
    ['> not a quote', '\\> not a quote'],
    ['- not a list', '\\- not a list'],
    ['+ not a list', '\\+ not a list'],
    ['1. not a list', '1\\. not a list'],
    ['2024) not a list', '2024\\) not a list'],
    ['1.5 million', '1.5 million'],
    ['[link](x) ![img](y)', '\\[link\\](x) !\\[img\\](y)'],
    ['a <b> tag', 'a \\<b> tag'],
    ['AT&T &amp; &#35;', 'AT&T \\&amp; \\&#35;'],
    ['back\\slash', 'back\\\\slash'],
    ['~5 km, ~~struck~~', '~5 km, \\~\\~struck\\~\\~'],
    ['C# and F#', 'C# and F#'],
  ];
  for (const [text, markdown] of cases) {
    assert.equal(bodyToMarkdown([{ title: null, blocks: [paragraph(text)] }]), `${markdown}\n`, text);
    assert.deepEqual(roundTrip([{ title: null, blocks: [paragraph(text)] }]), [{ title: null, blocks: [paragraph(text)] }]);
  }
  // A heading's trailing "#" run would be its closing sequence.
  assert.equal(bodyToMarkdown([{ title: 'Learn C #', blocks: [paragraph('x')] }]), '## Learn C \\#\n\nx\n');
});

test('consecutive lists of one kind alternate their markers so they stay apart', () => {
  const body: BodySection[] = [{
    title: null,
    blocks: [
      { type: 'list', ordered: false, items: ['a'] },
      { type: 'list', ordered: false, items: ['b'] },
      { type: 'list', ordered: false, items: ['c'] },
      { type: 'list', ordered: true, items: ['d'] },
      { type: 'list', ordered: true, items: ['e'] },
    ],
  }];
  assert.equal(bodyToMarkdown(body), '- a\n\n* b\n\n- c\n\n1. d\n\n1) e\n');
  assert.deepEqual(roundTrip(body), body);
});

test('a quote line or credit that starts with a dash is not read as a cite', () => {
  const body: BodySection[] = [{
    title: null,
    blocks: [
      { type: 'quote', text: 'Said so.\n— not a cite', cite: null },
      { type: 'quote', text: '– nor this', cite: null },
      { type: 'quote', text: '-- nor this', cite: '— a cite with a dash' },
      { type: 'figure', image: { url: null, alt: '', caption: null, credit: '— AP' } },
    ],
  }];
  assert.equal(
    bodyToMarkdown(body),
    '> Said so.\n>\n> &mdash; not a cite\n\n> &ndash; nor this\n\n> \\-- nor this\n> — — a cite with a dash\n\n![]()\n— — AP\n',
  );
  assert.deepEqual(roundTrip(body), body);
});

test('figures: no file yet, captions with quotes and entities, addresses that need <…>', () => {
  const figure = (url: string | null, caption: string | null, credit: string | null, alt = 'A photo'): BodyBlock => ({
    type: 'figure',
    image: { url, alt, caption, credit },
  });
  const body: BodySection[] = [{
    title: null,
    blocks: [
      figure(null, null, null, ''),
      figure(null, 'Caption only "quoted" &amp; \\ done', null),
      figure('https://example.com/a b(1).jpg', 'Caption | with a bar', 'Credit | AP'),
      figure('https://example.com/x.jpg?a=1&amp;b=2', null, 'Reuters'),
      figure('/media/images/0123456789abcdef0123/640x480.jpg', null, null, 'Alt with [brackets] and *stars*'),
    ],
  }];
  const markdown = bodyToMarkdown(body);
  assert.match(markdown, /^!\[\]\(\)$/m);
  assert.match(markdown, /^!\[A photo\]\(<> "Caption only \\"quoted\\" \\&amp; \\\\ done"\)$/m);
  assert.match(markdown, /^!\[A photo\]\(<https:\/\/example\.com\/a b\(1\)\.jpg> "Caption \| with a bar"\)\n— Credit \| AP$/m);
  assert.deepEqual(roundTrip(body), body);
});

test('text that is not yet normalised is printed normalised, never as broken structure', () => {
  const body: BodySection[] = [{ title: ' Title\nsplit ', blocks: [paragraph('one\n# two\n\n- three'), { type: 'list', ordered: false, items: ['', ' x '] }] }];
  assert.deepEqual(markdownToBody(bodyToMarkdown(body)).body, [
    { title: 'Title split', blocks: [paragraph('one # two - three'), { type: 'list', ordered: false, items: ['x'] }] },
  ]);
});

// ---- Property: every body the store can hold prints and reads back as itself. ----
// (fc.record makes objects without a prototype; they are spread into plain ones, as the store returns.)

/** Pieces rich in what Markdown reads as syntax, HTML, entities, dashes and unicode. */
const PIECES = [
  '*', '**', '_', '__', '`', '```', '~', '~~', '~~~', '#', '##', '# ', '>', '> ', '-', '- ', '--', '---', '+', '+ ',
  '=', '===', '1.', '1. ', '2)', '10.', '[', ']', '[a]', '[a](b)', '![a](b)', '](', '(', ')', '!', '\\', '\\*',
  '<', '>', '<b>', '</p>', '<!--', '-->', '<http://a.b>', '<a@b.c>', '&', '&amp;', '&#35;', '&#x41;', '&copy',
  '&mdash;', '|', '| a |', ':', '"', "'", '—', '–', '— ', '– ', '-- ', ' ', '  ', '\t', '\n', '\u00A0', '\u2028',
  'a', 'Z', '9', 'é', 'e\u0301', 'ß', 'Ω', '日本', 'عربي', '😀', '👩‍👩‍👧', '\u200B', '\uFEFF', '\u0007', 'http://x.y/z_w',
  'snake_case', '2+2', '$', '%', '^', '{', '}', '@', '?', ';',
];
const unicodeChar = fc.integer({ min: 1, max: 0xffff }).map((code) => String.fromCharCode(code));
const storeText = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: unicodeChar }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), { minLength: 1, maxLength: 12 })
  .map((pieces) => normalizeText(pieces.join('')))
  .filter((text) => text !== '');

const imageUrl = fc.oneof(
  fc.constant(null),
  fc.constant('/media/images/0123456789abcdef0123/640x480.jpg'),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.array(fc.constantFrom('a', 'b', '(', ')', '<', '>', '&amp;', '&', '"', "'", '*', '_', ' ', '%20', 'é', '#', '?', '='), { maxLength: 10 })
    .map((parts) => `https://example.com/${parts.join('')}`),
);

const blockArbitrary: fc.Arbitrary<BodyBlock> = fc.oneof(
  storeText.map((text): BodyBlock => ({ type: 'paragraph', text })),
  storeText.map((text): BodyBlock => ({ type: 'subheading', text })),
  fc.record({ ordered: fc.boolean(), items: fc.array(storeText, { minLength: 1, maxLength: 4 }) }).map((list): BodyBlock => ({ type: 'list', ...list })),
  fc.record({ lines: fc.array(storeText, { minLength: 1, maxLength: 3 }), cite: fc.option(storeText) })
    .map(({ lines, cite }): BodyBlock => ({ type: 'quote', text: lines.join('\n'), cite })),
  fc.record({ url: imageUrl, alt: fc.oneof(fc.constant(''), storeText), caption: fc.option(storeText), credit: fc.option(storeText) })
    .map((image): BodyBlock => ({ type: 'figure', image: { ...image } })),
);
const blocksArbitrary = fc.array(blockArbitrary, { minLength: 1, maxLength: 6 });
const bodyArbitrary: fc.Arbitrary<BodySection[]> = fc
  .tuple(fc.option(blocksArbitrary), fc.array(fc.record({ title: storeText, blocks: blocksArbitrary }), { maxLength: 4 }))
  .map(([opening, sections]) => [...(opening ? [{ title: null, blocks: opening }] : []), ...sections.map((section) => ({ ...section }))]);

/** MD_RUNS=40000 runs the properties longer, when changing the escaping. */
const RUNS = Number(process.env.MD_RUNS ?? 1500);

test('property: markdownToBody(bodyToMarkdown(body)).body deep-equals body', () => {
  fc.assert(
    fc.property(bodyArbitrary, (body) => {
      const markdown = bodyToMarkdown(body);
      const read = markdownToBody(markdown);
      assert.deepEqual(read.body, body, markdown);
      assert.deepEqual(read.notes, [], markdown);
    }),
    { numRuns: RUNS },
  );
});

// ---- Idempotence: what an editor writes settles after one round. ----

const MARKDOWN_LINES = [
  '## Section', '### Sub', '#### Deeper', 'Setext', '---', '===', '- item', '* item', '+ item', '1. one', '2) two',
  '  - nested', '    - deeper', '> quote', '> — Cite', '>', '> - in quote', '> > inner', '— credit', '-- credit',
  '![alt](/media/images/0123456789abcdef0123/640x480.jpg "Caption")', '![](https://example.com/a.jpg)', '![alt]()',
  'Plain *em* **strong** `code` [link](http://x) ~~gone~~', 'text  ', 'text\\', '&mdash; dash', '\\- dash', '',
  '', '', 'Paragraph words', '[ref]: http://example.com', 'a_b *c', '\\<b> shown', '***', '1\\. escaped',
];
const markdownArbitrary = fc
  .array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...MARKDOWN_LINES) }, { weight: 2, arbitrary: storeText }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }), { maxLength: 25 })
  .map((lines) => lines.join('\n'));

test('property: bodyToMarkdown(markdownToBody(md).body) is a fixed point after one round', () => {
  let read = 0;
  fc.assert(
    fc.property(markdownArbitrary, (markdown) => {
      let first;
      try {
        first = markdownToBody(markdown);
      } catch (error) {
        assert.ok(error instanceof ValidationError, `only ValidationError may escape, got ${String(error)}`);
        assert.match(error.message, /^Line \d+: /);
        return;
      }
      read++;
      const printed = bodyToMarkdown(first.body);
      const second = markdownToBody(printed);
      assert.deepEqual(second.body, first.body, printed);
      assert.equal(bodyToMarkdown(second.body), printed);
    }),
    { numRuns: RUNS },
  );
  assert.ok(read > RUNS / 5, `enough generated documents are readable (${read} of ${RUNS})`);
});

// ---- Real bodies: the demo articles and the page-text extractor's seed and fixtures. ----

function wikinewsBodies(file: URL): Array<[string, BodySection[]]> {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as WikinewsRecord)
    .map((record) => [record.id, draftFromWikinews(record).body]);
}

test('real bodies round-trip: the demo articles (demo/ and ../shared/demo/)', () => {
  const shipped = wikinewsBodies(new URL('../../../demo/wikinews.jsonl', import.meta.url));
  const shared = wikinewsBodies(new URL('../../../../shared/demo/wikinews/articles.jsonl', import.meta.url));
  assert.ok(shipped.length >= 300 && shared.length >= 1000);
  for (const [id, body] of [...shipped, ...shared]) {
    const markdown = bodyToMarkdown(body);
    assert.deepEqual(markdownToBody(markdown).body, body, id);
    assert.equal(bodyToMarkdown(markdownToBody(markdown).body), markdown, id);
  }
});

test('real bodies round-trip: the seed page and the page-text fixtures, as the extractor reads them', () => {
  const seed = parsePageText(readFileSync(new URL('../../../../shared/fixtures/crbc-security-article.txt', import.meta.url), 'utf8')).body;
  assert.ok(seed.length >= 5 && seed.every((section) => section.title !== null));
  assert.deepEqual(roundTrip(seed), seed);
  assert.match(bodyToMarkdown(seed), /^## Last Units Leave Al-Asad\n\nThe Iraqi Ministry of Defense said/);

  const testdata = new URL('../../extract/testdata/', import.meta.url);
  for (const file of readdirSync(testdata).filter((name) => name.endsWith('.txt'))) {
    const body = parsePageText(readFileSync(new URL(file, testdata), 'utf8')).body;
    assert.deepEqual(roundTrip(body), body, file);
  }
});
