import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Suites that launch Chromium, build Storybook, the package or bundles (size), install the package into the
 * consumer apps, or fuzz (thousands of cases): minutes, run by `npm test` only. Everything else is the `quick` project
 * (`npm run test:quick`).
 */
const SLOW_DIRS = 'test/{browser,storybook,readme,package,bench}/**';
const FUZZ = 'test/**/fuzz-*.test.{ts,tsx}';
const TESTS = ['test/**/*.test.{ts,tsx}'];
const EXCLUDE = [...configDefaults.exclude, 'test/apps/**'];

/**
 * The Storybook suites share one Storybook build per run: the first to start builds it (a minute or more)
 * while the others wait idle in their workers. Start one, then everything else, then the rest of them, so
 * no worker waits.
 */
class StorybookBuildFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isStorybook = (file: TestSpecification): boolean => /[\\/]test[\\/]storybook[\\/]/.test(file.moduleId);
    const [builder, ...waiting] = sorted.filter(isStorybook);
    if (!builder) return sorted;
    return [builder, ...sorted.filter((file) => !isStorybook(file)), ...waiting];
  }
}

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
    sequence: { sequencer: StorybookBuildFirst },
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
