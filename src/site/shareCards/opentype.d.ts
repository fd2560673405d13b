// The part of opentype.js (which ships no types) that share cards use: parse a font, measure and outline text.
declare module 'opentype.js' {
  export interface PathCommand {
    type: 'M' | 'L' | 'C' | 'Q' | 'Z';
    x?: number;
    y?: number;
    x1?: number;
    y1?: number;
    x2?: number;
    y2?: number;
  }
  export interface Path {
    commands: PathCommand[];
  }
  export interface RenderOptions {
    kerning?: boolean;
    /** Extra space after every glyph, in ems. */
    letterSpacing?: number;
  }
  export interface Font {
    unitsPerEm: number;
    ascender: number;
    descender: number;
    hasChar(char: string): boolean;
    getAdvanceWidth(text: string, fontSize: number, options?: RenderOptions): number;
    getPath(text: string, x: number, y: number, fontSize: number, options?: RenderOptions): Path;
  }
  export function parse(buffer: ArrayBuffer): Font;
  const opentype: { parse: typeof parse };
  export default opentype;
}
