// SIGKILL during import, migration and export at random points (a few seeds here; npm run bench runs hundreds).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crashOnce, prepareCrashWorkspace, type CrashOp, type CrashWorkspace } from './crashHarness';
import { random } from '../sync/testing/crash';

let ws: CrashWorkspace;
beforeAll(async () => {
  ws = await prepareCrashWorkspace(mkdtempSync(join(tmpdir(), 'painel-crashkill-')), 150);
}, 180_000);
afterAll(() => rmSync(ws.dir, { recursive: true, force: true }));

describe('crash safety', () => {
  for (const op of ['import', 'migration', 'export'] as CrashOp[]) {
    it(`SIGKILL during ${op}: the database opens, keeps its invariants and finishes to the clean result`, async () => {
      const rnd = random(op.length * 7919);
      const outcomes = [];
      for (let i = 0; i < 3; i++) {
        const o = await crashOnce(ws, op, Math.round(300 + rnd() * 2500), i);
        expect(o.problems, `${op} killed after ${o.killAfterMs} ms`).toEqual([]);
        outcomes.push(o);
      }
      expect(outcomes.length).toBe(3);
    }, 240_000);
  }
});
