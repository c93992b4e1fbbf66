// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { enforcedLimit, measure, QUICK_START_FORBIDDEN, SIZE_BUDGETS } from './size';

// Bundles with esbuild (about a second each): the size check of `npm test` (issue 8).
describe('bundle size of the main entry', () => {
  const [quickStart] = SIZE_BUDGETS;

  it('should ship no sign-in code and no component label in the quick start', async () => {
    const row = await measure('quick start', quickStart!.entry);
    for (const text of QUICK_START_FORBIDDEN) expect(row.code, text).not.toContain(text);
  });

  it.each(SIZE_BUDGETS.filter((budget) => budget.target !== undefined))(
    "should keep $name within issue 8's budget (or, while it is missed, the best size reached)",
    async (budget) => {
      const row = await measure(budget.name, budget.entry);
      const limit = enforcedLimit(budget)!;
      const state =
        row.gzip <= budget.target!
          ? 'budget met'
          : `BUDGET MISSED by ${row.gzip - budget.target!} B; enforcing the best reached, ${limit} B`;
      console.info(`${budget.name}: ${row.gzip} B gzip, issue 8 budget ${budget.target} B (${state})`);
      expect(row.gzip).toBeLessThanOrEqual(limit);
    },
  );

  it('should report createRecordingClient alone', async () => {
    const budget = SIZE_BUDGETS.find((entry) => entry.name.startsWith('createRecordingClient'))!;
    const row = await measure(budget.name, budget.entry);
    console.info(`${budget.name}: ${row.gzip} B gzip`);
    expect(row.code).toContain('UPToken');
  });
});
