import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/** Browser test files that say, in a `// @chromium-only:` comment, why they cannot run in Firefox. */
const chromiumOnly = readdirSync('tests/browser')
  .filter((name) => name.endsWith('.test.ts') && readFileSync(`tests/browser/${name}`, 'utf8').includes('// @chromium-only:'))
  .map((name) => `tests/browser/${name}`);

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/recognize/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // The corrections inbox on real SQLite and PostgreSQL (DATABASE_URL, or a throwaway cluster).
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
      {
        // The same browser test files in Firefox ESR (the harness reads FACTMARK_BROWSER).
        test: {
          name: 'browser-firefox',
          include: ['tests/browser/**/*.test.ts'],
          exclude: chromiumOnly,
          environment: 'node',
          env: { FACTMARK_BROWSER: 'firefox' },
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
