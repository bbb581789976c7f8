/** The article body renderer's public API. */
export { renderMarkdown, type RenderedBody } from './render.ts';
export { summarize } from './summarize.ts';
