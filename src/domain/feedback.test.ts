import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationError } from './errors.ts';
import { cleanText, FEEDBACK_TEXT_MAX_CHARS, readFeedbackForm } from './feedback.ts';

const HASH = 'ab'.repeat(32);
const form = (overrides: Record<string, unknown> = {}) => ({ article: '7', revision: HASH, kind: 'typo', text: 'Fix "teh".', email: '', ...overrides });

test('a complete form becomes a submission', () => {
  assert.deepEqual(readFeedbackForm(form({ email: ' reader@example.com ' })), {
    articleId: 7,
    revision: HASH,
    kind: 'typo',
    text: 'Fix "teh".',
    email: 'reader@example.com',
  });
  assert.equal(readFeedbackForm(form()).email, null, 'an empty email box means no email');
});

test('markup is text like any other: kept as written', () => {
  const text = '<img src=x onerror=alert(1)> &amp; </textarea>';
  assert.equal(readFeedbackForm(form({ text })).text, text);
});

test('line endings become LF; control characters go; surrounding space is trimmed', () => {
  assert.equal(cleanText('  one\r\ntwo\rthree\u0000\u001b[31m\u0085four\t!  '), 'one\ntwo\nthree[31mfour\t!');
});

test('the length limit counts characters, so astral letters count once', () => {
  const rockets = '🚀'.repeat(FEEDBACK_TEXT_MAX_CHARS);
  assert.equal(readFeedbackForm(form({ text: rockets })).text, rockets);
  assert.throws(() => readFeedbackForm(form({ text: `${rockets}!` })), /2001 characters long/);
});

test('each bad field is refused with a message that says what to change', () => {
  const cases: Array<[Record<string, unknown>, RegExp]> = [
    [{ article: '' }, /which article/],
    [{ article: '-3' }, /which article/],
    [{ article: '1.5' }, /which article/],
    [{ article: ['7', '8'] }, /which article/],
    [{ kind: 'spam' }, /Choose what is wrong: a factual error, a typo or wording problem, missing context, something else/],
    [{ kind: undefined }, /Choose what is wrong/],
    [{ text: ' \r\n\t ' }, /the text box is empty/],
    [{ text: 'x'.repeat(FEEDBACK_TEXT_MAX_CHARS + 1) }, /keep it to 2000/],
    [{ email: 'reader' }, /email address/],
    [{ email: 'reader@localhost' }, /email address/],
    [{ email: `${'a'.repeat(250)}@example.com` }, /email address/],
  ];
  for (const [fields, message] of cases) {
    assert.throws(() => readFeedbackForm(form(fields)), (error: unknown) => error instanceof ValidationError && message.test(error.message), JSON.stringify(fields).slice(0, 60));
  }
});

test('a revision that is not a content hash is dropped, not trusted', () => {
  assert.equal(readFeedbackForm(form({ revision: 'not-a-hash' })).revision, null);
  assert.equal(readFeedbackForm(form({ revision: HASH.toUpperCase() })).revision, null);
  assert.equal(readFeedbackForm(form({ revision: undefined })).revision, null);
});
