/**
 * The build's phases and page count for `npm run build`'s progress line (./events.ts): the content
 * validated, the data prepared, how many pages Astro generates (its static paths, counted as it asks
 * for them), and the pages done (./log-destination.ts, from Astro's own line per page). The search
 * shards report themselves (../pagefind.ts). Without a parent to report to, it does nothing.
 */
import type { AstroIntegration } from 'astro';
import { validContent } from '../site-data/site.ts';
import { reportProgress, reportsProgress } from './events.ts';

export default function buildProgress(): AstroIntegration {
  return {
    name: 'yiqihui-build-progress',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) => {
        if (!reportsProgress()) return;
        reportProgress({ kind: 'phase', phase: 'validating' });
        // Before the site-data integration's hook, which waits for the content and reports its problems.
        validContent().then(
          () => reportProgress({ kind: 'phase', phase: 'preparing' }),
          () => undefined,
        );
        setPrerenderer((astro) => ({
          ...astro,
          getStaticPaths: async () => {
            const paths = await astro.getStaticPaths();
            reportProgress({ kind: 'pages', total: paths.length });
            return paths;
          },
        }));
      },
    },
  };
}
