/**
 * The article's text after the masthead and photo: paragraphs, grouped under the section titles a reader
 * would see (run-in "Title — text" heads or titles on their own line). Paragraphs before the first title are
 * the lead: summary, lede and any untitled opening text, which pageText.ts tells apart.
 */
import { type BodySection, paragraphSection } from '../domain/index.ts';
import { isStandaloneTitle, splitTitledParagraph } from './sectionTitles.ts';

export interface ReadBody {
  /** Untitled paragraphs before the first titled section, in order. */
  lead: string[];
  /** Titled sections, in order. */
  sections: BodySection[];
}

/** One line is one paragraph: flattened pages put each paragraph on its own line. */
export function readBody(lines: readonly string[]): ReadBody {
  const lead: string[] = [];
  const sections: BodySection[] = [];
  let current: BodySection | null = null;

  const startSection = (title: string): BodySection => {
    const section = paragraphSection(title, []);
    sections.push(section);
    return section;
  };
  const addParagraph = (section: BodySection, text: string) => section.blocks.push({ type: 'paragraph', text });

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const titled = splitTitledParagraph(line);
    if (titled) {
      current = startSection(titled.title);
      addParagraph(current, titled.text);
    } else if (isStandaloneTitle(line, lines[index + 1])) {
      current = startSection(line);
    } else if (current) {
      addParagraph(current, line);
    } else {
      lead.push(line);
    }
  }
  return { lead, sections };
}
