// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// React Server Components apps need 'use client' on the modules that use React state and effects, and
// none on the core they prefetch with on the server. The published modules are what counts.
const root = join(import.meta.dirname, '../..');
const dist = (path: string) => join(root, 'dist', path);
const firstLine = (path: string) => readFileSync(dist(path), 'utf8').split('\n', 1)[0];

beforeAll(() => {
  if (!existsSync(dist('index.js'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'pipe' });
}, 120_000);

describe('published modules', () => {
  it.each(['src/react/provider.js', 'hooks/useRecordings.js', 'components/RecordingList/RecordingList.js'])(
    "should keep 'use client' at the top of %s",
    (path) => {
      expect(firstLine(path)).toBe('"use client";');
    },
  );

  it.each(['src/core/client.js', 'src/react/queries.js', 'src/react/keys.js'])(
    'should leave the core module %s server-safe',
    (path) => {
      expect(firstLine(path)).not.toContain('use client');
    },
  );
});
