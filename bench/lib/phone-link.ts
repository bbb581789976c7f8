/**
 * The reader the search page is measured for: a phone (Chrome DevTools' Pixel 7: 412×915 at 2.625) on
 * DevTools' classic "Fast 3G" link. The link is Chromium's own network emulation: checked on
 * Chromium 156 (over HTTP/2), it covers the requests of the page's dedicated web workers too
 * (Pagefind's worker fetches its wasm and index chunks: one index chunk took 14 ms without it and
 * 396 ms with it), and all requests share its one bandwidth budget (two index chunks of 26 and 28 KB
 * fetched together took 400 ms each: 150 ms plus both at 200,000 B/s, not 150 ms plus one).
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
