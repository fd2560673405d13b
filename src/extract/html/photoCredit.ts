/**
 * Caption and credit of a photo on an HTML page. Careful pages mark the credit up on its own ("<span
 * class=credit>"); the rest print it inside the caption the ways wire photos are credited: "Soldiers at the base.
 * (AP Photo/Jane Doe)", "… in Athens. Photo: Reuters", "Credit: …", "… at dawn / Getty Images". The text forms
 * share the page-text extractor's rules (../caption.ts) and add the parenthesised and slash forms HTML pages use.
 */
import { findCreditSuffix, isCreditShaped, type CaptionParts } from '../caption.ts';

/** Class names, ids and itemprops that mark the credit inside a caption. */
const CREDIT_MARKER = /credit|copyright|photographer|byline|courtesy|attribution|source|author/i;
/** Labels a credit starts with, dropped: the site prints its own. */
const CREDIT_LABEL = /^(?:(?:photo(?:graph)?s?|image|picture|foto) credit|photo(?:graph)?s?|image|picture|foto|credit|source|©|\(c\))\s*[:.]?\s*/i;
/** What marks a parenthesised tail as a credit rather than an aside: an agency, a photo word, a slash, ©. */
const CREDIT_WORDS =
  /\b(?:AP|AFP|Reuters|Getty|EPA|Shutterstock|Alamy|PA|Bloomberg|Xinhua|dpa|ANP|Pool|File|Photo|Photos|Foto|Image|Images|Courtesy|Credit|NASA|Wikimedia|Handout)\b|\/|©/;

/** "Above: …", "Pictured: …": where the photo sits, said before the caption; the reader can see that. */
const PLACE_LABEL = /^(?:above|top|pictured|main image|main picture|featured image|header image)\s*:\s*/i;

/** Caption and credit from a caption element, using credit markup when the page has it. */
export function readCaptionElement(element: Element): CaptionParts {
  const credits: string[] = [];
  const captionParts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      captionParts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const child = node as Element;
    const marker = `${child.getAttribute('class') ?? ''} ${child.getAttribute('id') ?? ''} ${child.getAttribute('itemprop') ?? ''}`;
    if (CREDIT_MARKER.test(marker)) {
      const credit = cleanCredit(child.textContent ?? '');
      if (credit) credits.push(credit);
      return;
    }
    if (/^(?:BR|P|DIV)$/.test(child.tagName)) captionParts.push(' ');
    for (let next = child.firstChild; next; next = next.nextSibling) walk(next);
  };
  for (let next = element.firstChild; next; next = next.nextSibling) walk(next);
  const caption = collapse(captionParts.join('')).replace(PLACE_LABEL, '');
  if (credits.length > 0) return { caption: caption || null, credit: credits.join(', ') };
  return splitPhotoCaption(caption);
}

/** Caption and credit of one line of caption text; the credit is null when the line carries none. */
export function splitPhotoCaption(line: string): CaptionParts {
  const text = collapse(line).replace(PLACE_LABEL, '');
  if (text === '') return { caption: null, credit: null };
  const labelled = CREDIT_LABEL.exec(text);
  if (labelled && labelled[0].trim() !== '' && isCreditShaped(text.slice(labelled[0].length))) {
    // The whole caption is a credit: "Photo: Reuters".
    return { caption: null, credit: text.slice(labelled[0].length) };
  }
  return parenthesisedCredit(text) ?? slashCredit(text) ?? findCreditSuffix(text) ?? { caption: text, credit: null };
}

/** "Soldiers at the base. (AP Photo/Jane Doe)" → caption "Soldiers at the base.", credit "AP Photo/Jane Doe". */
function parenthesisedCredit(text: string): CaptionParts | null {
  const match = /^(.*?)\s*[([]([^()[\]]+)[)\]]\s*\.?$/.exec(text);
  if (!match) return null;
  const inner = match[2]!.trim().replace(CREDIT_LABEL, '');
  if (!CREDIT_WORDS.test(match[2]!) || !isCreditShaped(inner)) return null;
  return { caption: match[1]!.trim() || null, credit: inner };
}

/** "The skyline at dawn / Getty Images" → credit "Getty Images". */
function slashCredit(text: string): CaptionParts | null {
  const at = text.lastIndexOf(' / ');
  if (at <= 0) return null;
  const credit = text.slice(at + 3).trim().replace(CREDIT_LABEL, '');
  if (!isCreditShaped(credit)) return null;
  return { caption: text.slice(0, at).trim() || null, credit };
}

/** A credit without the label and punctuation around it ("Credit: WeWork", "Credit..Jane Doe/The Times"). */
export function cleanCredit(text: string): string | null {
  const credit = collapse(text).replace(/^[\s.:,;|/–—-]+/u, '').replace(CREDIT_LABEL, '').replace(/^[\s.:,;|/–—-]+|[\s,;|/–—-]+$/gu, '').trim();
  return credit === '' ? null : credit;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
