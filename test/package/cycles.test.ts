// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findImportCycles } from './cycles';

const root = join(import.meta.dirname, '../..');

describe('import graph', () => {
  it('should have no import cycle in src, hooks or components (type-only imports included)', () => {
    expect(findImportCycles(root, ['src', 'hooks', 'components'])).toEqual([]);
  });

  it('should find a cycle made of type-only imports', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cycles-'));
    try {
      mkdirSync(join(dir, 'src'));
      writeFileSync(join(dir, 'src/a.ts'), "import type { B } from './b';\nexport type A = B;\n");
      writeFileSync(join(dir, 'src/b.ts'), "import { c } from './c';\nexport type B = typeof c;\n");
      writeFileSync(join(dir, 'src/c.ts'), "export type { A } from './a';\nexport const c = 1;\n");
      expect(findImportCycles(dir, ['src'])).toEqual([['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/a.ts']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
