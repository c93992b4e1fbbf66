// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractCodeBlocks, README_PATH, typecheckBlocks } from './typecheck-blocks';

const blocks = extractCodeBlocks(readFileSync(README_PATH, 'utf8'));
const results = typecheckBlocks(blocks);

describe('README code examples', () => {
  it('should hold at least one TypeScript example (the quick start)', () => {
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.some((b) => b.code.includes("from 'react-recording-service'"))).toBe(true);
  });

  it.each(results.map((r) => [`line ${r.block.line}`, r] as const))(
    'should typecheck the ```ts block at %s',
    (_where, result) => {
      expect(result.errors).toEqual([]);
    },
  );

  it('should report a block that does not typecheck', () => {
    const [broken, unknownName] = typecheckBlocks([
      {
        lang: 'tsx',
        line: 1,
        code: "import { useRecordings } from 'react-recording-service';\nuseRecordings({ count: 'ten' });",
      },
      { lang: 'ts', line: 1, code: "import { useNoSuchHook } from 'react-recording-service';\nuseNoSuchHook();" },
    ]);
    expect(broken?.errors.join('\n')).toMatch(/TS2322|TS2769|TS2345/);
    expect(unknownName?.errors.join('\n')).toMatch(/TS2305|TS2724/);
  });
});
