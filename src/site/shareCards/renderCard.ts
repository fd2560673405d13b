import sharp from 'sharp';
import { cardFont } from './cardFont.ts';
import { shareCardSvg, type ShareCardContent } from './cardSvg.ts';

/**
 * The card as PNG. A few flat colours and anti-aliased type suit a 256-colour palette: about a quarter of a
 * full-colour PNG's bytes, no JPEG ringing around letters, and sharp's encoder runs off the main thread.
 */
export async function renderShareCard(content: ShareCardContent): Promise<Buffer> {
  const svg = shareCardSvg(content, cardFont());
  return sharp(Buffer.from(svg)).png({ palette: true }).toBuffer();
}
