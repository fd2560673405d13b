import type { MarkedText as Parts } from '../../store/index.ts';

/**
 * Text with the words that matched a search marked. The only markup is <mark>; every piece of text goes through
 * Preact as text, so whatever an article or a query contains is escaped.
 */
export function MarkedText({ parts }: { parts: Parts }) {
  return <>{parts.map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : part.text))}</>;
}
