// No import circles in main/ and shared/: every module can be read (and loaded) after the ones it imports.
// Type-only imports count too: a circle of types is still two modules that cannot be understood apart.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { circles, importGraph } from './importGraph';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('import graph', () => {
  it('has no circles in main/ and shared/', () => {
    const graph = importGraph(ROOT, ['main', 'shared']);
    expect(graph.size).toBeGreaterThan(300);
    expect(circles(graph)).toEqual([]);
  });

  it('finds a circle when there is one', () => {
    const g = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(circles(g)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });
});
