// No module-level engine state: caches and registries keyed by an engine or a database live in the owner's typed
// state (store/state.ts), so two engines in one process never share or leak them.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');

function sources(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'testing') sources(p, out);
    } else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

describe('engine state', () => {
  it('is never held in a module-level map keyed by an engine or a database', () => {
    const offenders = sources(join(ROOT, 'main'))
      .filter((f) => /^(export )?(const|let) \w+ = new WeakMap</m.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });
});
