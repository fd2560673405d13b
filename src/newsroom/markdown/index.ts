/**
 * The newsroom editor's body format: Markdown in, typed body blocks out, and back. The conventions (section
 * titles, quotes and their cite, figures and their credit) are written down in ./conventions.ts.
 */
export { markdownToBody, type MarkdownBody } from './markdownToBody.ts';
export { bodyToMarkdown } from './bodyToMarkdown.ts';
export { MAX_BODY_MARKDOWN_CHARS } from './conventions.ts';
