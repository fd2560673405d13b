import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { placeholderPath, placeholderSvg } from './placeholder.ts';

describe('placeholder', () => {
  it('is an accessible SVG naming the section', () => {
    const svg = placeholderSvg('middle-east');
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* role="img" aria-labelledby="t">/);
    assert.match(svg, /<title id="t">Middle East: no photo available<\/title>/);
    assert.match(svg, />Middle East<\/text>/);
  });

  it('is the same for the same section and differs between sections', () => {
    assert.equal(placeholderSvg('security'), placeholderSvg('security'));
    assert.notEqual(placeholderSvg('security'), placeholderSvg('sport'));
  });

  it('escapes whatever it is given', () => {
    assert.doesNotMatch(placeholderSvg('<b>'), /<b>/);
    assert.equal(placeholderPath('security'), '/media/placeholder/security.svg');
  });
});
