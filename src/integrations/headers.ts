/**
 * The site's response headers (src/lib/headers.ts) in a build: `_headers` written into the site,
 * for the hosts that read it, and the page policy handed to the layout through
 * `virtual:yiqihui/page-csp`. That module says `null` in `astro dev`, where Vite injects inline
 * styles and scripts that the policy forbids. (`import.meta.env.PROD` cannot tell: it follows
 * the environment, and builds that tests run inherit Vitest's MODE=test.)
 */
import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { CSP_META, HEADERS_FILE } from '../lib/headers.ts';

const PAGE_CSP = 'virtual:yiqihui/page-csp';
const RESOLVED = `\0${PAGE_CSP}`;

export default function responseHeaders(): AstroIntegration {
  return {
    name: 'yiqihui-response-headers',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        const policy = command === 'build' ? CSP_META : null;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'yiqihui-page-csp',
                resolveId: (id: string) => (id === PAGE_CSP ? RESOLVED : undefined),
                load: (id: string) => (id === RESOLVED ? `export default ${JSON.stringify(policy)};` : undefined),
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir }) => {
        await writeFile(new URL('_headers', dir), HEADERS_FILE);
      },
    },
  };
}
