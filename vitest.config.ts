import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // A test file per core: Vitest's default keeps one core for itself, which on CI's two cores ran
    // the files one at a time, while most of a file's time is spent in the builds and browsers it
    // starts, not in Vitest (three build test files: 45 s one at a time, 34 s two at a time).
    maxWorkers: availableParallelism(),
    testTimeout: 120_000,
    hookTimeout: 600_000,
    setupFiles: ['tests/helpers/clean-temp-dirs.ts'],
    env: {
      // Every build a test runs computes each page's key, and fails where one kept from the last build differs.
      BUILD_CHECK_PAGE_KEYS: '1',
      // In a GitHub Actions run, npm run check also prints annotations (src/lib/content/problems.ts):
      // a test asks for them where it means to, so its commands print the same there as here.
      GITHUB_ACTIONS: '',
    },
    projects: [
      { extends: true, test: { name: 'node', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**'] } },
      // Browser tests share one fixture build (global setup) and one Chromium per file.
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], globalSetup: ['tests/e2e/global-setup.ts'] } },
    ],
  },
});
