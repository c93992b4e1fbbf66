import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Suites that launch Chromium, build Storybook or the package, install it into the consumer apps, or fuzz
 * (thousands of cases): minutes, run by `npm test` only. Everything else is the `quick` project
 * (`npm run test:quick`).
 */
const SLOW_DIRS = 'test/{browser,storybook,readme,package}/**';
const FUZZ = 'test/**/fuzz-*.test.{ts,tsx}';
const TESTS = ['test/**/*.test.{ts,tsx}'];
const EXCLUDE = [...configDefaults.exclude, 'test/apps/**'];

// Projects extend this config and vitest joins arrays, so include and exclude are set per project only.
export default defineConfig({
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['./test/setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest keeps one core for itself by default: a single worker on a two-core machine.
    maxWorkers: availableParallelism(),
    projects: [
      {
        extends: true,
        test: {
          name: 'quick',
          include: TESTS,
          exclude: [...EXCLUDE, SLOW_DIRS, FUZZ],
          // Every test builds its own emulator, client, QueryClient and MSW server (CONVENTIONS.md 8), so the
          // files can share a worker's module cache: a third of the CPU time, with the same results.
          isolate: false,
        },
      },
      { extends: true, test: { name: 'slow', include: [`${SLOW_DIRS}/*.test.{ts,tsx}`, FUZZ], exclude: EXCLUDE } },
      {
        // The `*.test-d.ts` type tests. `npm test` leaves this project to `npm run typecheck`, whose tsc
        // checks the same files with the same tsconfig; run it for a per-assertion report.
        extends: true,
        test: {
          name: 'types',
          include: [],
          typecheck: { enabled: true, only: true, include: ['test/**/*.test-d.{ts,tsx}'], tsconfig: './tsconfig.json' },
        },
      },
    ],
  },
});
