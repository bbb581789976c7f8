/**
 * The reader the search page is measured for: a phone (Chrome DevTools' Moto G Power size) on
 * DevTools' classic "Fast 3G" link. The link is Chromium's own network emulation: checked on
 * Chromium 156, it covers the requests of the page's dedicated web workers too (Pagefind's worker
 * fetches its wasm and index chunks: one index chunk took 19 ms without it and 408 ms with it),
 * and all requests share its one bandwidth budget.
 */
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

export const FAST_3G = {
  /** Round trip added to every request. */
  latencyMs: 150,
  /** 1.6 Mbit/s down and 750 kbit/s up, in bytes per second. */
  downloadBytesPerSecond: 200_000,
  uploadBytesPerSecond: 93_750,
};

export const PHONE: BrowserContextOptions = {
  viewport: { width: 412, height: 915 },
  deviceScaleFactor: 2.625,
  isMobile: true,
  hasTouch: true,
};

export async function emulateFast3g(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: FAST_3G.latencyMs,
    downloadThroughput: FAST_3G.downloadBytesPerSecond,
    uploadThroughput: FAST_3G.uploadBytesPerSecond,
  });
}
