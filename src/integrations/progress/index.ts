/**
 * The build's phases for `npm run build`'s progress line (./events.ts): the content validated, the
 * data prepared. The pages are counted by the page store (../page-store/, which wraps Astro's
 * prerenderer) and as Astro writes them (./log-destination.ts, from its own line per page); the
 * search shards report themselves (../pagefind.ts). Without a parent to report to, it does nothing.
 */
import type { AstroIntegration } from 'astro';
import { validContent } from '../site-data/site.ts';
import { reportProgress, reportsProgress } from './events.ts';

export default function buildProgress(): AstroIntegration {
  return {
    name: 'yiqihui-build-progress',
    hooks: {
      'astro:build:start': () => {
        if (!reportsProgress()) return;
        reportProgress({ kind: 'phase', phase: 'validating' });
        // Before the site-data integration's hook, which waits for the content and reports its problems.
        validContent().then(
          () => reportProgress({ kind: 'phase', phase: 'preparing' }),
          () => undefined,
        );
      },
    },
  };
}
