import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isDateline, removeDatelines } from './datelines.ts';
import { contentOf, linesOf, prose } from './fixture.ts';

describe('datelines', () => {
  test('dates, times and bylines with their date are datelines', () => {
    for (const line of [
      'PUBLISHED: 10:48, Tue, Nov 19, 2019',
      '| UPDATED: 11:05, Tue, Nov 19, 2019',
      'Updated at 1:23 p.m.',
      'Nov. 20, 2019, 9:28 AM UTC',
      '18 NOV 2019',
      'By Justine Coleman - 11/18/19 11:04 PM EST',
      'Posted on Maret 30, 2015 by Admin',
      'sexta-feira, 22 de outubro de 2010 às 20:13',
      '15:23 2019',
      '2020-08-01 17:59:00+00',
    ]) {
      assert.equal(isDateline(line), true, line);
    }
  });

  test('a time alone, or a sentence with a date in it, is the story\'s text', () => {
    for (const line of [
      '10 p.m.',
      '4:14 p.m.',
      'The vote is set for November 19, 2019.',
      'May 2019 was the wettest month on record.',
      '— Robert Maguire (@RobertMaguire_) November 18, 2019',
      'By 2030 the city wants every bus to be electric.',
      '1.234.567',
      '2020-08-01',
    ]) {
      assert.equal(isDateline(line), false, line);
    }
  });

  test('datelines are removed from the article and the prose around them kept', () => {
    const content = contentOf(`<p><time>Published 10:02 AM EST Nov 19, 2019</time></p><p>${prose(200)}</p><p>10 p.m.</p>`);
    removeDatelines(content);
    assert.deepEqual(linesOf(content), [prose(200), '10 p.m.']);
  });

  test('dates in a table, a code sample or a list are data and stay', () => {
    const content = contentOf(`<table><tr><td>Nov 19, 2019 10:00 AM</td><td>200</td></tr></table>
      <pre><span>Published: Nov 19, 2019</span></pre><ul><li><span>March 3, 2019</span></li></ul>`);
    const before = content.textContent;
    removeDatelines(content);
    assert.equal(content.textContent, before);
  });
});
