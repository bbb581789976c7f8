/**
 * On a host that ignores `_headers` (GitHub Pages, where the workflow deploys), the policy each
 * page carries in `<meta>` still applies: injected inline code does not run, and the site's own
 * scripts, styles and search (Pagefind's WebAssembly) work under it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, watchForErrors } from '../helpers/browser.ts';
import { serveDist } from '../helpers/static-server.ts';

let browser: Browser;
let server: Awaited<ReturnType<typeof serveDist>>;

beforeAll(async () => {
  server = await serveDist(inject('e2eDist'), { headers: false });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the page policy without response headers', () => {
  it('blocks an injected inline script and style, and lets the site search', async () => {
    const page = await browser.newPage();
    const errors = watchForErrors(page);
    const response = await page.goto(`${server.url}/search/?q=${encodeURIComponent('发货')}`);
    expect(response?.headers()['content-security-policy']).toBeUndefined();
    await page.waitForFunction(() => document.getElementById('search-app')?.dataset.state === 'done');
    expect(await page.locator('#search-results li').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);

    const violations = await page.evaluate(async () => {
      const seen: string[] = [];
      // Violations are reported in tasks of their own: wait for both, however long they take.
      const both = new Promise<void>((resolve) =>
        document.addEventListener('securitypolicyviolation', (e) => seen.push(e.effectiveDirective) === 2 && resolve()),
      );
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.injected = "ran";';
      document.head.append(script);
      const style = document.createElement('style');
      style.textContent = 'body { display: none; }';
      document.head.append(style);
      await both;
      return { seen: seen.sort(), ran: document.body.dataset.injected ?? null, hidden: getComputedStyle(document.body).display === 'none' };
    });
    expect(violations).toEqual({ seen: ['script-src-elem', 'style-src-elem'], ran: null, hidden: false });
    await page.close();
  });
});
