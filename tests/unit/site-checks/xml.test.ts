import { describe, expect, it } from 'vitest';
import { xmlErrors } from '../../../scripts/lib/site-checks/xml.ts';

describe('xmlErrors', () => {
  // Columns count characters from 1 and point at the bad one: `<title>甲` is 8 characters.
  it.each<[string, string, string[]]>([
    ['a well-formed feed', '<?xml version="1.0"?>\n<rss><title>甲 &amp; &lt;乙&gt;</title></rss>', []],
    ['a control character', '<rss>\n<title>甲\u0001乙</title></rss>', ['line 2, column 9: disallowed character']],
    ['U+FFFF', '<rss>甲\uFFFF</rss>', ['line 1, column 7: disallowed character']],
    ['an entity XML does not define', '<rss>&nbsp;</rss>', ['line 1, column 11: undefined entity']],
    ['an unclosed element', '<rss><item></rss>', ['line 1, column 17: unexpected close tag']],
    ['no root element', '', ['line 1, column 0: document must contain a root element']],
  ])('%s', (_, text, expected) => expect(xmlErrors(text)).toEqual(expected));
});
