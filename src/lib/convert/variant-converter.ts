/**
 * The converter the site calls for every reader-visible string: OpenCC cn↔tw, the site glossary
 * (plus an article's own rules) and the protection markers. One per process; pure and reusable.
 */
import { Trie } from 'opencc-js';
import type { Lang } from '../../consts.ts';
import { convertAligned, type TermsFor } from './aligned-convert.ts';
import { convertHtml } from './convert-html.ts';
import { termIn, type GlossaryEntry } from './glossary.ts';
import { hasWrongScript } from './wrong-han-script.ts';

export interface VariantConverter {
  /** Plain text (titles, summaries, channel names, UI words): markers resolved, no HTML out. */
  text(text: string, from: Lang, to: Lang, extra?: readonly GlossaryEntry[]): string;
  /** An HTML fragment (or a whole page), converted block by block. */
  html(html: string, from: Lang, to: Lang, extra?: readonly GlossaryEntry[]): string;
}

type TermTries = Record<Lang, Trie>;

/** `glossary`: the site glossary. `extra` rules (an article's) are added to it and win over it. */
export function createVariantConverter(glossary: readonly GlossaryEntry[]): VariantConverter {
  const site = termTries(glossary);
  const withExtra = new WeakMap<readonly GlossaryEntry[], TermTries>();
  const termsFor = (extra: readonly GlossaryEntry[] | undefined): TermsFor => {
    let tries = site;
    if (extra && extra.length > 0) {
      tries = withExtra.get(extra) ?? termTries([...glossary, ...extra]);
      withExtra.set(extra, tries);
    }
    // Keyed by target: from !== to whenever terms are asked for.
    return (_from, to) => tries[to];
  };
  const unchanged = (text: string, from: Lang, to: Lang) => from === to && !text.includes('-{') && !hasWrongScript(text, to);
  const text: VariantConverter['text'] = (s, from, to, extra) =>
    unchanged(s, from, to)
      ? s
      : convertAligned(s, from, to, termsFor(extra))
          .map((c) => c.out)
          .join('');
  return {
    text,
    html(html, from, to, extra) {
      if (unchanged(html, from, to)) return html;
      const terms = termsFor(extra);
      return convertHtml(html, {
        to,
        block: (s) => convertAligned(s, from, to, terms),
        text: (s) => text(s, from, to, extra),
      });
    },
  };
}

/** The terms to replace, by target script; later entries win over earlier ones. */
function termTries(entries: readonly GlossaryEntry[]): TermTries {
  const into = (from: Lang, to: Lang) => {
    const trie = new Trie();
    for (const entry of entries) trie.addWord(termIn(entry, from), termIn(entry, to));
    return trie;
  };
  return { 'zh-Hant': into('zh-Hans', 'zh-Hant'), 'zh-Hans': into('zh-Hant', 'zh-Hans') };
}
