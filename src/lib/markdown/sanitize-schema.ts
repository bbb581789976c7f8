/**
 * The allow-list for article bodies. Bodies are untrusted (imported pages carried raw HTML) and the
 * CDN serves what we output under a CSP that forbids inline styles and scripts, so this starts from
 * hast-util-sanitize's GitHub-style default and only takes things away. `style` is not in it.
 */
import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

/** Allowed everywhere by the default, unwanted here: form plumbing, focus tricks, microdata. */
const DROPPED_GLOBAL_ATTRIBUTES = new Set([
  'accept',
  'acceptCharset',
  'accessKey',
  'action',
  'encType',
  'method',
  'prompt',
  'tabIndex',
  'itemProp',
]);

/**
 * `source` carries `srcSet`, whose URLs the sanitizer does not check; `img` is enough for images.
 * `input` is allowed by the default for GFM task lists only, but the sanitizer cannot tell those from
 * an imported page's search box, which it would turn into a stray checkbox.
 */
const DROPPED_TAGS = new Set(['picture', 'source', 'input']);

const nameOf = (attribute: string | [string, ...unknown[]]): string => (typeof attribute === 'string' ? attribute : attribute[0]);

export const bodySanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => !DROPPED_TAGS.has(tag)),
  // Elements whose content is code or fallback rather than text go with their content. Anything
  // else not allowed (form, font, center…) is unwrapped, so an imported page keeps its words.
  strip: [
    'script',
    'style',
    'noscript',
    'template',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'applet',
    'svg',
    'math',
    'button',
    'select',
    'datalist',
    'textarea',
  ],
  attributes: {
    ...defaultSchema.attributes,
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((a) => !DROPPED_GLOBAL_ATTRIBUTES.has(nameOf(a))),
    // The default's microdata on div and longDesc on img: unused, and one more URL to vet.
    div: [],
    img: ['src'],
  },
  protocols: {
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
  },
};
