import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { removeLinkLists, removeLinkParagraphs } from './linkDensity.ts';
import { siteOf } from './markup.ts';
import { PAGE_URL, contentOf, linesOf, prose } from './fixture.ts';

describe('links standing alone', () => {
  test('a list of headlines linking back into the site goes, with its lead-in', () => {
    const content = contentOf(`
      <p>${prose(200)}</p>
      <h4>More:</h4>
      <ul>
        <li><a href="/2019/11/18/other.html">Afghan woman politician sees talks as only hope</a></li>
        <li><a href="https://www.news.example.com/2019/11/17/more.html">Young people must be heard: UN envoy</a></li>
      </ul>`);
    removeLinkLists(content, PAGE_URL);
    assert.deepEqual(linesOf(content), [prose(200)]);
  });

  test('a list of links out to other sites is the story\'s (sources, products) and stays', () => {
    const content = contentOf(`
      <ul>
        <li><a href="https://www.amazon.com/dp/1">Get it on Amazon for $39.99</a></li>
        <li><a href="https://www.walmart.com/ip/2">Get it at Walmart for $238.99</a></li>
      </ul>`);
    removeLinkLists(content, PAGE_URL);
    assert.equal(linesOf(content).length, 2);
  });

  test('a list whose every item links to a story of the site goes even when half of each item is text', () => {
    const item = (text: string, link: string) => `<li>${text} <a href="/story/${link}">${link.replace(/-/g, ' ')}</a></li>`;
    const content = contentOf(`<ul>${item('YouTubers must unionize,', 'no-matter-what-google-says')}${item('Paid political ads are', 'not-the-problem-at-all')}${item('An astronaut lost in space', 'could-use-gravity-to-get-home')}</ul>`);
    removeLinkLists(content, PAGE_URL);
    assert.deepEqual(linesOf(content), []);
  });

  test('a list the story makes, with a link here and there, stays', () => {
    const content = contentOf(`<ul><li>Eggs, two dozen</li><li>Flour, see <a href="/flour">our guide</a></li><li>Sugar and a pinch of salt</li></ul>`);
    removeLinkLists(content, PAGE_URL);
    assert.equal(linesOf(content).length, 3);
  });

  test('a teaser headline standing alone as a link goes; a sentence with a link and a short source tag stay', () => {
    const content = contentOf(`
      <p><strong><a href="/entertainment/dwts">SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'</a></strong></p>
      <p>The council <a href="/council">voted on Monday</a> to keep the libraries open all week.</p>
      <p><a href="/source/cnet">[CNET]</a></p>`);
    removeLinkParagraphs(content, PAGE_URL);
    assert.deepEqual(linesOf(content), ['The council voted on Monday to keep the libraries open all week.', '[CNET]']);
  });

  test('a heading linking to a place on the same page (a table of contents) is not a teaser', () => {
    const content = contentOf(`<h2><a href="#id1">Sharing with a single developer</a></h2><p>${prose(100)}</p>`);
    removeLinkParagraphs(content, PAGE_URL);
    assert.equal(linesOf(content)[0], 'Sharing with a single developer');
  });

  test('sites are compared on their registrable name', () => {
    assert.equal(siteOf('www.bbc.co.uk'), 'bbc.co.uk');
    assert.equal(siteOf('news.bbc.co.uk'), 'bbc.co.uk');
    assert.equal(siteOf('edition.cnn.com'), 'cnn.com');
    assert.equal(siteOf('www.autoracing.com.br'), 'autoracing.com.br');
  });
});
