import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** A whole HTML document from a page component: Preact renders elements, the doctype is ours to add. */
export function renderDocument(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}
