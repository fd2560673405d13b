import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ValidationError, type BodyBlock, type BodySection } from '../../domain/index.ts';
import { MAX_BODY_MARKDOWN_CHARS, markdownToBody } from './index.ts';

const paragraph = (text: string): BodyBlock => ({ type: 'paragraph', text });
const blocksOf = (markdown: string): BodyBlock[] => markdownToBody(markdown).body.flatMap((section) => section.blocks);

/** Refused with a ValidationError whose message is exactly this. */
function assertRefused(markdown: string, message: string): void {
  assert.throws(
    () => markdownToBody(markdown),
    (error: unknown) => {
      assert.ok(error instanceof ValidationError, `a ValidationError, got ${String(error)}`);
      assert.equal(error.message, message);
      return true;
    },
  );
}

test('## starts a titled section; text before the first ## is the untitled opening', () => {
  const { body, notes } = markdownToBody('Opening words.\n\n## Last Units Leave\n\nThe ministry said.\n\n## Outlook\n\nComplex.\n');
  assert.deepEqual(body, [
    { title: null, blocks: [paragraph('Opening words.')] },
    { title: 'Last Units Leave', blocks: [paragraph('The ministry said.')] },
    { title: 'Outlook', blocks: [paragraph('Complex.')] },
  ] satisfies BodySection[]);
  assert.deepEqual(notes, []);
});

test('an empty opening is left out, and an empty document is an empty body', () => {
  assert.deepEqual(markdownToBody('\n\n## Title\n\nText.').body, [{ title: 'Title', blocks: [paragraph('Text.')] }]);
  assert.deepEqual(markdownToBody(''), { body: [], notes: [] });
  assert.deepEqual(markdownToBody('  \n\n\t\n'), { body: [], notes: [] });
});

test('a setext heading underlined with --- is a section title too', () => {
  assert.deepEqual(markdownToBody('Background\n---\n\nText.').body, [{ title: 'Background', blocks: [paragraph('Text.')] }]);
});

test('### and deeper are subheadings', () => {
  assert.deepEqual(blocksOf('## Section\n\n### In Erbil\n\nText.\n\n#### Deeper still\n\n###### Deepest'), [
    { type: 'subheading', text: 'In Erbil' },
    paragraph('Text.'),
    { type: 'subheading', text: 'Deeper still' },
    { type: 'subheading', text: 'Deepest' },
  ]);
});

test('paragraphs: soft line breaks become spaces and whitespace is normalised', () => {
  assert.deepEqual(blocksOf('One  line\nand\t the   next.\n\nSecond\u00A0paragraph.'), [
    paragraph('One line and the next.'),
    paragraph('Second paragraph.'),
  ]);
});

test('a hard line break is a space, with a note', () => {
  const { body, notes } = markdownToBody('Line one  \nline two\\\nline three');
  assert.deepEqual(body[0]?.blocks, [paragraph('Line one line two line three')]);
  assert.deepEqual(notes, ['Line breaks inside a paragraph are not kept: a blank line starts a new paragraph.']);
});

test('bullet and numbered lists', () => {
  assert.deepEqual(blocksOf('- one\n- two\n\n* three\n\n1. first\n2. second\n\n3) third'), [
    { type: 'list', ordered: false, items: ['one', 'two'] },
    { type: 'list', ordered: false, items: ['three'] },
    { type: 'list', ordered: true, items: ['first', 'second'] },
    { type: 'list', ordered: true, items: ['third'] },
  ]);
  // A loose item's paragraphs are one item; an empty item is left out.
  assert.deepEqual(blocksOf('- one\n\n  more of one\n-\n- two'), [{ type: 'list', ordered: false, items: ['one more of one', 'two'] }]);
});

test('nested lists are flattened in order, with a note', () => {
  const { body, notes } = markdownToBody('- a\n  - a1\n    1. a1i\n  - a2\n- b');
  assert.deepEqual(body[0]?.blocks, [{ type: 'list', ordered: false, items: ['a', 'a1', 'a1i', 'a2', 'b'] }]);
  assert.deepEqual(notes, ['Nested lists are flattened: their items follow the item they were under, in one list.']);
});

test('quotes: each paragraph a line; a last line starting with —, – or -- is the cite', () => {
  assert.deepEqual(blocksOf('> We are ready.\n> — The minister'), [{ type: 'quote', text: 'We are ready.', cite: 'The minister' }]);
  assert.deepEqual(blocksOf('> We are ready.\n>\n> –The minister'), [{ type: 'quote', text: 'We are ready.', cite: 'The minister' }]);
  assert.deepEqual(blocksOf('> One\n> paragraph.\n>\n> Another.\n> -- Jane Doe, *Reuters*'), [
    { type: 'quote', text: 'One paragraph.\nAnother.', cite: 'Jane Doe, Reuters' },
  ]);
  assert.deepEqual(blocksOf('> No cite here.'), [{ type: 'quote', text: 'No cite here.', cite: null }]);
  // A dash line alone is the quote's text, not a cite of nothing; so is a dash with nothing after it.
  assert.deepEqual(blocksOf('> — Only this'), [{ type: 'quote', text: '— Only this', cite: null }]);
  assert.deepEqual(blocksOf('> Words\n> —'), [{ type: 'quote', text: 'Words —', cite: null }]);
  // Only the last line: a dash line in the middle is text.
  assert.deepEqual(blocksOf('> — first\n>\n> last'), [{ type: 'quote', text: '— first\nlast', cite: null }]);
  // A dash written escaped is text.
  assert.deepEqual(blocksOf('> Words\n>\n> &mdash; not a cite'), [{ type: 'quote', text: 'Words\n— not a cite', cite: null }]);
  assert.deepEqual(blocksOf('> Words\n>\n> \\-- not a cite'), [{ type: 'quote', text: 'Words\n-- not a cite', cite: null }]);
});

test('lists and quotes inside a quote become lines of it, with a note', () => {
  const { body, notes } = markdownToBody('> Said:\n>\n> - this\n> - that\n>\n> > and inner words\n>\n> — Someone');
  assert.deepEqual(body[0]?.blocks, [{ type: 'quote', text: 'Said:\nthis\nthat\nand inner words', cite: 'Someone' }]);
  assert.deepEqual(notes, ['Lists inside a quote are kept as lines of the quote.', 'A quote inside a quote is kept as lines of the outer quote.']);
});

test('an image on its own line is a figure: alt, address, caption from the title, credit from the dash line under it', () => {
  assert.deepEqual(blocksOf('![Soldiers at Al-Asad](/media/images/0123456789abcdef0123/640x480.jpg "The base in 2020.")\n— Nasser Nasser/AP/File'), [
    {
      type: 'figure',
      image: { url: '/media/images/0123456789abcdef0123/640x480.jpg', alt: 'Soldiers at Al-Asad', caption: 'The base in 2020.', credit: 'Nasser Nasser/AP/File' },
    },
  ]);
  assert.deepEqual(blocksOf('![A photo](https://example.com/a.jpg)'), [
    { type: 'figure', image: { url: 'https://example.com/a.jpg', alt: 'A photo', caption: null, credit: null } },
  ]);
  assert.deepEqual(blocksOf('![](http://example.com/a.jpg "Caption | with a bar")\n-- Credit | AP'), [
    { type: 'figure', image: { url: 'http://example.com/a.jpg', alt: '', caption: 'Caption | with a bar', credit: 'Credit | AP' } },
  ]);
});

test('a figure with no file yet has an empty address', () => {
  assert.deepEqual(blocksOf('![Placeholder]()\n\n![Also](<> "Captioned")\n– Credit'), [
    { type: 'figure', image: { url: null, alt: 'Placeholder', caption: null, credit: null } },
    { type: 'figure', image: { url: null, alt: 'Also', caption: 'Captioned', credit: 'Credit' } },
  ]);
});

test('an address is kept exactly as written (no percent-encoding, no punycode)', () => {
  assert.deepEqual(blocksOf('![x](<https://bücher.example/a b.jpg>)')[0], {
    type: 'figure',
    image: { url: 'https://bücher.example/a b.jpg', alt: 'x', caption: null, credit: null },
  });
});

test('figure addresses: only /media/… paths and http(s) are accepted', () => {
  for (const url of ['javascript:alert(1)', 'data:image/png;base64,AAAA', 'file:///etc/passwd', '//evil.example/a.jpg', '/admin/a.jpg', '/media/../secrets', 'media/a.jpg', 'ftp://example.com/a.jpg']) {
    assertRefused(
      `Text.\n\n![Photo](${url})`,
      `Line 3: the picture's address "${url}" cannot be used: use a /media/… address from the newsroom's images, or one starting with https://.`,
    );
  }
});

test('inline formatting is dropped, its words kept, each kind noted once', () => {
  const { body, notes } = markdownToBody(
    'Some *em*, **strong** and _more_ text, `code`, ~~struck~~, [a link](https://example.com) and <https://example.com/auto>.\n\n' +
      'Again *em* and [another](/x) link [ref].\n\n[ref]: https://example.com/ref',
  );
  assert.deepEqual(body[0]?.blocks, [
    paragraph('Some em, strong and more text, code, struck, a link and https://example.com/auto.'),
    paragraph('Again em and another link ref.'),
  ]);
  assert.deepEqual(notes, [
    'Emphasis (*italic*, **bold**) is not kept: its text is.',
    'Code formatting (`…`) is not kept: its text is.',
    'Strikethrough (~~…~~) is not kept: its text is.',
    'Links are not kept: their text is.',
    'Link definitions ([name]: address) are not kept.',
  ]);
  assert.deepEqual(markdownToBody('## A *styled* title\n\n### And `sub`\n\nx').body[0]?.title, 'A styled title');
});

test('escaped characters and entities are text', () => {
  assert.deepEqual(blocksOf('\\# not a heading, \\*not em\\*, \\<b> not HTML, AT&amp;T, &copy; &#35;1'), [
    paragraph('# not a heading, *not em*, <b> not HTML, AT&T, © #1'),
  ]);
});

test('horizontal rules are dropped with a note', () => {
  const { body, notes } = markdownToBody('One.\n\n---\n\nTwo.\n\n***');
  assert.deepEqual(body[0]?.blocks, [paragraph('One.'), paragraph('Two.')]);
  assert.deepEqual(notes, ['Horizontal rules (---) are not kept.']);
});

// ---- Refusals: each names the line, in an editor's words. ----

test('refuses raw HTML, block or inline, naming its line', () => {
  const message = (line: number) => `Line ${line}: HTML is not allowed in the body: write it in Markdown (to show a "<" as it is, write "\\<").`;
  assertRefused('<div>Text</div>', message(1));
  assertRefused('Text.\n\n<!-- a comment -->', message(3));
  assertRefused('Text with\na <b>bold</b> word.', message(2));
  assertRefused('## Title\n\n- item\n- item with <span>html</span>', message(4));
  assertRefused('> Quoted\n> <em>words</em>', message(2));
  assertRefused('![a <b>tag</b> in alt](/media/a.jpg)', message(1));
});

test('a tag inside a code span is text, not HTML; Windows line endings keep the line numbers right', () => {
  assert.deepEqual(blocksOf('Write `<b>` for bold.'), [paragraph('Write <b> for bold.')]);
  assertRefused('Text.\r\n\r\nMore\r\n<i>x</i>', 'Line 4: HTML is not allowed in the body: write it in Markdown (to show a "<" as it is, write "\\<").');
});

test('refuses a # heading: the headline is its own field', () => {
  const message = (line: number) =>
    `Line ${line}: a "#" heading is not allowed in the body: the headline is its own field; use ## for a section title.`;
  assertRefused('# Iraq Says US Forces Have Left', message(1));
  assertRefused('Text.\n\nHeadline\n===', message(3));
});

test('refuses tables', () => {
  assertRefused('Text.\n\n| a | b |\n|---|---|\n| 1 | 2 |', 'Line 3: tables cannot be kept in the body: write the rows as a list or as paragraphs.');
});

test('refuses code blocks, fenced or indented', () => {
  const message = (line: number) =>
    `Line ${line}: code blocks cannot be kept in the body (a block fenced with \`\`\` or ~~~, or indented by four spaces, is one): write it as a paragraph or a quote.`;
  assertRefused('```\ncode\n```', message(1));
  assertRefused('Text.\n\n~~~js\ncode\n~~~', message(3));
  assertRefused('Text.\n\n    indented code', message(3));
  assertRefused('- item\n\n  ```\n  code\n  ```', message(3));
});

test('refuses an empty titled section, before another or at the end', () => {
  assertRefused('## Background\n\n## Outlook\n\nText.', 'Line 1: the section "Background" has nothing under it: write its text, or remove the title.');
  assertRefused('## Background\n\nText.\n\n## Outlook\n', 'Line 5: the section "Outlook" has nothing under it: write its text, or remove the title.');
  assertRefused('## Only a rule\n\n---', 'Line 1: the section "Only a rule" has nothing under it: write its text, or remove the title.');
});

test('refuses a heading with no words', () => {
  assertRefused('Text.\n\n##', 'Line 3: this heading has no words: write its title, or remove the line.');
  assertRefused('Text.\n\n### [](https://example.com)', 'Line 3: this heading has no words: write its title, or remove the line.');
});

test('refuses over-long input', () => {
  const long = 'word '.repeat(MAX_BODY_MARKDOWN_CHARS / 5) + 'x';
  assertRefused(long, 'The body is too long: 200,001 characters, and the limit is 200,000. Split the story, or cut it.');
  assert.equal(markdownToBody('word '.repeat(MAX_BODY_MARKDOWN_CHARS / 5)).body.length, 1);
  // Characters, not UTF-16 units: 100,000 emoji are 200,000 units and within the limit.
  assert.equal(markdownToBody('😀'.repeat(100_000)).body.length, 1);
});

test('refuses a picture inside text, a list or a quote, and a line under a picture that is not its credit', () => {
  const inText = (line: number) =>
    `Line ${line}: a picture must stand on a line of its own, outside lists and quotes: ![description](address "caption"), with its credit on the next line after "— ".`;
  assertRefused('Text ![a](/media/a.jpg) more.', inText(1));
  assertRefused('Text.\n\nMore text\n![a](/media/a.jpg)', inText(4));
  assertRefused('![a](/media/a.jpg) and text', inText(1));
  assertRefused('[![a](/media/a.jpg)](https://example.com)', inText(1));
  assertRefused('- ![a](/media/a.jpg)', inText(1));
  assertRefused('> ![a](/media/a.jpg)', inText(1));
  assertRefused(
    '![a](/media/a.jpg)\nA paragraph without a blank line.',
    'Line 2: the line under a picture is its credit and must start with "— ": leave a blank line before a paragraph.',
  );
  assertRefused(
    '![a](/media/a.jpg)\n— Credit\nand more',
    'Line 2: the line under a picture is its credit and must start with "— ": leave a blank line before a paragraph.',
  );
});

test('refuses headings inside lists or quotes, and quotes inside list items', () => {
  assertRefused('- ## Title', 'Line 1: a heading cannot sit inside a list or a quote.');
  assertRefused('Text.\n\n> ### Sub', 'Line 3: a heading cannot sit inside a list or a quote.');
  assertRefused('- item\n\n  > quoted', 'Line 3: a quote cannot sit inside a list item.');
});
