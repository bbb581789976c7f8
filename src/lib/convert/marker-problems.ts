/** What a writer should fix in protection markers; the converter itself never fails on them. */
import { LABEL, parseMarkers } from './markers.ts';
import { findWrongScript } from './wrong-han-script.ts';

export interface MarkerProblem {
  /** UTF-16 offset in the text. */
  index: number;
  message: string;
}

/** Markers a writer should fix: unclosed, unknown variant labels, choices missing a variant. */
export function findMarkerProblems(text: string): MarkerProblem[] {
  const problems: MarkerProblem[] = [];
  for (const piece of parseMarkers(text)) {
    if (piece.kind === 'plain') continue;
    const [start, end] = piece.outer;
    const shown = JSON.stringify(text.slice(start, Math.min(end, start + 30)));
    if (!piece.closed) {
      problems.push({ index: start, message: `the marker ${shown} is not closed: end it with }-` });
    }
    if (piece.kind === 'keep') {
      const label = LABEL.exec(text.slice(piece.inner[0], piece.inner[1]));
      if (label) {
        problems.push({
          index: start,
          message: `unknown variant "${label[1]}" in ${shown}: write zh-hans (or zh-cn) and zh-hant (or zh-tw, zh-hk)`,
        });
      }
      continue;
    }
    for (const lang of ['zh-Hans', 'zh-Hant'] as const) {
      const value = piece.values[lang];
      const label = lang.toLowerCase();
      if (!value) {
        problems.push({
          index: start,
          message: `${shown} gives no ${label} text, so that page shows the other text converted: add ;${label}:…`,
        });
        continue;
      }
      const wrong = findWrongScript(text.slice(value[0], value[1]), lang).map((w) => w.char);
      if (wrong.length > 0) {
        const script = lang === 'zh-Hans' ? 'traditional' : 'simplified';
        problems.push({
          index: value[0],
          message: `the ${label} text in ${shown} has ${script}-only ${[...new Set(wrong)].join('')}: write it in ${lang === 'zh-Hans' ? 'simplified' : 'traditional'} script`,
        });
      }
    }
  }
  return problems;
}
