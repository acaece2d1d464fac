// A process killed in the middle of a file's transaction leaves that file absent: files already committed stay,
// nothing of the interrupted one is visible after the database is reopened.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Engine } from '../engine/engine';

describe('crash mid-file', () => {
  it('a killed import leaves the interrupted file absent and the committed one loaded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'painel-crash-'));
    try {
      const db = join(dir, 'crash.duckdb');
      writeFileSync(join(dir, 'locations.csv'), 'location_id,name\nl1,Centro\nl2,Praia\n');
      const rows = Array.from({ length: 400_000 }, (_, i) => `s${i},completed,2024-03-05T14:30:00-03:00,${(i % 997) + 0.5},c${i % 5000},Observação longa número ${i}`);
      writeFileSync(join(dir, 'sales.csv'), `sale_id,status,occurred_at,total_amount,customer_id,note\n${rows.join('\n')}\n`);
      const child = spawn(process.execPath, ['bin/run-ts.js', 'main/import/importChild.ts', db, join(dir, 'locations.csv'), join(dir, 'sales.csv')], {
        cwd: process.cwd(),
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const exited = new Promise<{ code: number | null; signal: string | null }>((res) => child.on('exit', (code, signal) => res({ code, signal })));
      let finishedOnItsOwn = false;
      for await (const line of createInterface({ input: child.stdout })) {
        const ev = JSON.parse(line) as { phase?: string; message?: string; done?: unknown };
        if (ev.done === true) finishedOnItsOwn = true;
        // Sent from inside the transaction that writes the rows of sales.csv, right after it began.
        if (ev.phase === 'sales.csv' && ev.message?.startsWith('writing')) {
          child.kill('SIGKILL');
          break;
        }
      }
      const end = await exited;
      expect(finishedOnItsOwn).toBe(false);
      expect(end.signal).toBe('SIGKILL');
      const engine = await Engine.open({ dbPath: db, log: () => undefined });
      try {
        expect(await engine.db.all(`SELECT location_id FROM locations ORDER BY 1`)).toEqual([{ location_id: 'l1' }, { location_id: 'l2' }]);
        expect(await engine.db.all(`SELECT count(*)::INT n FROM sales`)).toEqual([{ n: 0 }]);
        expect(await engine.db.all(`SELECT count(*)::INT n FROM import_log WHERE file LIKE '%sales.csv'`)).toEqual([{ n: 0 }]);
        expect(await engine.db.all(`SELECT count(*)::INT n FROM import_log WHERE file LIKE '%locations.csv'`)).toEqual([{ n: 1 }]);
      } finally {
        engine.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
