import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { articlePath, ValidationError } from '../domain/index.ts';
import { attachHeroImage, MAX_UPLOAD_BYTES } from '../newsroom/index.ts';
import { commandContext, withStore } from './context.ts';
import { findArticle } from './findArticle.ts';

interface AttachOptions {
  alt: string;
  caption?: string;
  credit?: string;
}

const HELP = `
The photo is stored as WebP and JPEG copies from 320 pixels wide up to its own width (at most 1,600), its
metadata (camera, GPS) removed; pages offer the copies with srcset, so each screen loads what it needs.
JPEG, PNG, WebP, AVIF, HEIF, TIFF or GIF (first frame), up to ${MAX_UPLOAD_BYTES / (1024 * 1024)} MB and 50 megapixels.

Examples:
  newsdesk image attach 42 photo.jpg --alt "Troops board a transport plane at dawn" \\
    --caption "The last units leave Al-Asad." --credit "Jane Doe/CRBC"
  newsdesk image attach /security/last-units-leave photo.png --alt ""   (decorative: no alt text)`;

export function configureImage(image: Command): void {
  image.description('our own photos: resized for every screen, credited');
  image
    .command('attach')
    .argument('<article>', 'the article: its id, or its path /section/slug (a full URL on the site works too)')
    .argument('<file>', 'the photo')
    .requiredOption('--alt <text>', 'what the photo shows, for readers who cannot see it ("" if decorative)')
    .option('--caption <text>', 'the caption under the photo')
    .option('--credit <text>', 'who took it, as they ask to be credited')
    .description("make a photo the article's hero image (a new revision of the article)")
    .addHelpText('after', HELP)
    .action(async (which: string, file: string, options: AttachOptions) => {
      const { config, log } = commandContext();
      const upload = await readFile(file).catch((error: NodeJS.ErrnoException) => {
        throw new ValidationError(`cannot read ${file}: ${error.code ?? error.message}`);
      });
      await withStore(config, async (store) => {
        const article = await findArticle(store, which);
        const words = { alt: options.alt, caption: options.caption ?? null, credit: options.credit ?? null };
        const updated = await attachHeroImage(store, article, upload, words, new Date());
        log.info({ id: updated.id, image: updated.hero?.url }, 'hero image attached');
        console.log(`hero image attached to article ${updated.id}: ${config.siteUrl}${articlePath(updated)} (${updated.hero?.url})`);
      });
    });
}
