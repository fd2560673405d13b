import type { BodyBlock } from '../../domain/index.ts';
import { Figure } from './Figure.tsx';

interface BodyBlockProps {
  block: BodyBlock;
  /** The article's section, for the placeholder drawn when a figure has no image file. */
  section: string;
  /** Anchor of a paragraph, for links from the summary to the sentence's place. */
  paragraphId?: string | undefined;
}

/** One block of an article body. Text is plain and escaped by the renderer; nothing here is raw HTML. */
export function BodyBlockView({ block, section, paragraphId }: BodyBlockProps) {
  switch (block.type) {
    case 'paragraph':
      return <p id={paragraphId}>{block.text}</p>;
    case 'subheading':
      return <h3>{block.text}</h3>;
    case 'list': {
      const items = block.items.map((item, index) => <li key={index}>{item}</li>);
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'quote':
      return (
        <blockquote>
          <p>{block.text}</p>
          {block.cite ? <footer>{block.cite}</footer> : null}
        </blockquote>
      );
    case 'figure':
      return <Figure image={block.image} section={section} />;
  }
}
