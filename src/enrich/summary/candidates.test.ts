import assert from 'node:assert/strict';
import { test } from 'node:test';
import { notSummaryMaterial } from './candidates.ts';

// Real lines from the BBC benchmark articles (sport, entertainment and business reports).
test('line-ups, lists, table rows and captions are not summary material', () => {
  const cases: [string, string][] = [
    ['Everton: Martyn, Hibbert, Yobo, Stubbs, Naysmith, Osman, Carsley, Arteta, Kilbane, McFadden, Bent.', 'line-up'],
    ['Subs Not Used: Butt, Harper, Milner, Hughes.', 'line-up'],
    [
      'G Thomas (Toulouse (capt); H Luscombe (Dragons), T Shanklin (Blues), G Henson (Ospreys), S Williams (Ospreys); S Jones (Clermont Auvergne), ' +
        'D Peel (Scarlets); G Jenkins (Blues), M Davies (Gloucester), A Jones (Ospreys), B Cockbain (Ospreys), R Sidoli (Blues), D Jones (Scarlets), ' +
        'M Williams (Blues), M Owen (Dragons).',
      'line-up',
    ],
    [': C Paterson; S Danielli, A Craig, H Southwell, S Lamont; D Parks, C Cusiter; T Smith, G Bulloch (capt), G Kerr; S Grimes, S Murray; J White.', 'line-up'],
    [
      'Margaret Atwood (Canada) Saul Bellow (Canada) Gabriel Garcia Marquez (Colombia) Gunter Grass (Germany) Ismail Kadare (Albania) ' +
        'Milan Kundera (Czech Republic/France) Stanislaw Lem (Poland) Doris Lessing (UK)',
      'line-up',
    ],
    ['- Increased spending on primary education to 71.56bn rupees ($1.6bn)', 'list item'],
    ['In his budget Mr Chidambaram has:', 'list heading'],
    ['Archibald 19, Grady 29, Crawford 41, Grady 47.', 'table row'],
    ['Result: Nadal 6-7 (6/8) 6-2 7-6 (8/6) 6-2 Roddick', 'table row'],
    ['Pictured: the harbour bridge at dawn', 'caption'],
    ['Crowds gathered outside the court on Monday (Photo: Reuters)', 'caption'],
  ];
  for (const [line, kind] of cases) assert.equal(notSummaryMaterial(line), kind, line);
});

test('prose that names many people or places, or is full of figures, stays a candidate', () => {
  const prose = [
    'ASEAN members include Myanmar, Laos, Thailand, Cambodia, Vietnam, Philippines, Malaysia, Brunei Darussalam, Singapore and Indonesia.',
    'Russia, Turkey, Bulgaria, Romania,, and Ukraine all border on the Black Sea.',
    'Nevertheless, the Prohibition Party has attained ballot access in Colorado, Arkansas, Mississippi, and Vermont.',
    'Sun Interbrew, which employs 8,000 staff, owns breweries in eight Russian cities - Klin, Ivanovo, Saransk, Kursk, Volzhsky, Omsk, Perm and Novocheboksarsk.',
    "By 1700 GMT, Petrel's shares fell from 97p ($1.87) to 44p ($0.85).",
    'Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) for the three months to December, from $639m year-earlier.',
    'Matt Lucas &amp; David Walliams won best comedy performance at the awards in London on Tuesday.',
  ];
  for (const line of prose) assert.equal(notSummaryMaterial(line), null, line);
});
