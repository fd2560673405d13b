import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { readCaptionElement, splitPhotoCaption } from './photoCredit.ts';

describe('splitPhotoCaption', () => {
  const cases: Array<[string, string | null, string | null]> = [
    ['Soldiers at the base. (AP Photo/Jane Doe)', 'Soldiers at the base.', 'AP Photo/Jane Doe'],
    ['Protesters gather in Athens. Photo: Reuters', 'Protesters gather in Athens.', 'Reuters'],
    ['The harbour at dawn. Credit: Ann Poe for The Times', 'The harbour at dawn.', 'Ann Poe for The Times'],
    ['The skyline at dusk / Getty Images', 'The skyline at dusk', 'Getty Images'],
    ['Firefighters at the scene on Sunday. - Nasser Nasser/AP/File', 'Firefighters at the scene on Sunday.', 'Nasser Nasser/AP/File'],
    ['A rescue worker searches the rubble (Photo: AFP)', 'A rescue worker searches the rubble', 'AFP'],
    ['Photo: Reuters', null, 'Reuters'],
    ['Above: A coworking space in San Francisco. (Courtesy WeWork)', 'A coworking space in San Francisco.', 'Courtesy WeWork'],
    ['The minister arrives (left) for talks.', 'The minister arrives (left) for talks.', null],
    ['A march in the city (file picture from last year)', 'A march in the city (file picture from last year)', null],
    ['Leaders meet in Brussels', 'Leaders meet in Brussels', null],
  ];
  for (const [line, caption, credit] of cases) {
    test(JSON.stringify(line), () => {
      assert.deepEqual(splitPhotoCaption(line), { caption, credit });
    });
  }
});

describe('readCaptionElement', () => {
  const caption = (html: string) => {
    const { document } = parseHTML(`<!DOCTYPE html><html><body><figure><figcaption>${html}</figcaption></figure></body></html>`);
    return readCaptionElement(document.querySelector('figcaption')!);
  };

  test('a credit element is taken as the credit, its label dropped', () => {
    assert.deepEqual(caption('Crowds in the square. <span class="credit">Photograph: Jane Doe/AP</span>'), {
      caption: 'Crowds in the square.',
      credit: 'Jane Doe/AP',
    });
  });

  test('a copyright element counts as a credit; nested caption wrappers are read through', () => {
    assert.deepEqual(caption('<div class="caption-text"><p>The new bridge.</p></div><small class="copyright">© City Council</small>'), {
      caption: 'The new bridge.',
      credit: 'City Council',
    });
  });

  test('a source element with its label ("Image Credit: …") gives the bare credit', () => {
    assert.deepEqual(caption('<p class="wp-caption-text">A coworking space.</p><div class="image_source">Image Credit: WeWork</div>'), {
      caption: 'A coworking space.',
      credit: 'WeWork',
    });
  });

  test('without credit markup the text is split', () => {
    assert.deepEqual(caption('Flood water in the <em>old town</em>. (Reuters)'), { caption: 'Flood water in the old town.', credit: 'Reuters' });
  });
});
