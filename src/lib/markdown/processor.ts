/**
 * The Markdown → sanitised hast pipeline, built once per process: a build renders 10,000+ bodies
 * and building a unified processor each time would dominate the cost.
 */
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkCjkFriendlyGfmStrikethrough from 'remark-cjk-friendly-gfm-strikethrough';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import remarkCjkAutolinks from './autolinks.ts';
import rehypeShiftHeadings from './headings.ts';
import rehypeArticleImages from './images.ts';
import rehypeArticleLinks from './links.ts';
import { bodySanitizeSchema } from './sanitize-schema.ts';

/** One tilde is an everyday range in Chinese prices and dates ("3~5天", "6~8折"), not a deletion. */
const STRIKETHROUGH = { singleTilde: false };

export const markdownProcessor = unified()
  .use(remarkParse)
  .use(remarkGfm, STRIKETHROUGH)
  // `**注意：**卖家` is bold, as a Chinese writer means it: CommonMark leaves the asterisks on the page
  // wherever punctuation inside a `**` (or `~~`) meets a Han character outside it.
  .use(remarkCjkFriendly)
  .use(remarkCjkFriendlyGfmStrikethrough, STRIKETHROUGH)
  .use(remarkCjkAutolinks)
  .use(remarkRehype, {
    allowDangerousHtml: true,
    // The sanitizer prefixes every id; the links plugin prefixes the matching `#` hrefs.
    clobberPrefix: '',
    footnoteLabel: '注释',
    footnoteBackLabel: (referenceIndex) => `返回注释${referenceIndex + 1}的引用处`,
  })
  .use(rehypeRaw)
  .use(rehypeSanitize, bodySanitizeSchema)
  .use(rehypeShiftHeadings)
  .use(rehypeArticleLinks, { idPrefix: bodySanitizeSchema.clobberPrefix ?? '' })
  .use(rehypeArticleImages)
  .use(rehypeStringify)
  .freeze();
