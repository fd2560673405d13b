import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import opentype, { type Font, type Path } from 'opentype.js';

/**
 * The typeface of share cards: Source Serif 4 Bold (SIL Open Font License), shipped in an npm package so every
 * machine draws the same card. Text is turned into outlines here and drawn as SVG paths, so the renderer never
 * looks for a font on the machine (librsvg's <text> would ask fontconfig, which finds whatever is installed, or
 * nothing), and what is drawn is exactly what was measured for wrapping.
 */
const FONT_FILE = '@expo-google-fonts/source-serif-4/700Bold/SourceSerif4_700Bold.ttf';

/** What a card needs of a font: whether it can draw a text at all, how wide it is, and its outline. */
export interface CardFont {
  /** Whether every character (spaces aside) has a glyph: anything else would be drawn as empty boxes. */
  covers(text: string): boolean;
  /** Advance width in pixels at `size`, kerned, with `letterSpacing` ems after each glyph. */
  width(text: string, size: number, letterSpacing?: number): number;
  /** SVG path data for the text with its baseline starting at (x, y). */
  outline(text: string, x: number, y: number, size: number, letterSpacing?: number): string;
}

let loaded: CardFont | undefined;

/** The card font, parsed on first use (about 0.3 MB) and then kept for the life of the process. */
export function cardFont(): CardFont {
  loaded ??= fontFrom(readFileSync(createRequire(import.meta.url).resolve(FONT_FILE)));
  return loaded;
}

function fontFrom(file: Buffer): CardFont {
  const font: Font = opentype.parse(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
  return {
    covers: (text) => [...text].every((char) => /\s/.test(char) || font.hasChar(char)),
    width: (text, size, letterSpacing = 0) => font.getAdvanceWidth(text, size, { kerning: true, letterSpacing }),
    outline: (text, x, y, size, letterSpacing = 0) => pathData(font.getPath(text, x, y, size, { kerning: true, letterSpacing })),
  };
}

/** A tenth of a pixel is finer than any screen shows, and keeps a card's SVG a third of full precision's size. */
const round = (value: number | undefined) => String(Math.round((value ?? 0) * 10) / 10);

/** SVG path data written here rather than by the library, with plain numbers librsvg always parses. */
function pathData(path: Path): string {
  return path.commands
    .map((command) => {
      switch (command.type) {
        case 'M':
        case 'L':
          return `${command.type}${round(command.x)} ${round(command.y)}`;
        case 'Q':
          return `Q${round(command.x1)} ${round(command.y1)} ${round(command.x)} ${round(command.y)}`;
        case 'C':
          return `C${round(command.x1)} ${round(command.y1)} ${round(command.x2)} ${round(command.y2)} ${round(command.x)} ${round(command.y)}`;
        case 'Z':
          return 'Z';
      }
    })
    .join('');
}
