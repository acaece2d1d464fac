// Test helpers: a real engine on a temp DuckDB file (or memory), and its dispatcher.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from './engine';
import { createDispatcher, type Dispatcher } from '../host/dispatcher';
import { CANONICAL_TABLES } from '../../shared/types';

export interface TestEngine {
  engine: Engine;
  dispatcher: Dispatcher;
  dir: string;
  dbPath: string;
  /** Calls a method and returns its value, throwing on an error result. */
  call<T = unknown>(method: string, input?: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function openTestEngine(opts: { memory?: boolean; log?: (line: string) => void } = {}): Promise<TestEngine> {
  const dir = mkdtempSync(join(tmpdir(), 'painel-test-'));
  const dbPath = opts.memory ? ':memory:' : join(dir, 'test.duckdb');
  const engine = await Engine.open({ dbPath, log: opts.log ?? (() => undefined) });
  const dispatcher = createDispatcher(engine);
  return {
    engine,
    dispatcher,
    dir,
    dbPath,
    async call<T>(method: string, input: unknown = {}) {
      const r = await dispatcher.call(method, input);
      if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { error: r.error });
      return r.value as T;
    },
    async close() {
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Rows that differ, per canonical table, between `target` and the database file at `sourcePath` (EXCEPT ALL both
 * ways): all zeros when an export imported back to identical rows.
 */
export async function tableDifferences(target: TestEngine, sourcePath: string): Promise<Record<string, number>> {
  await target.engine.db.run(`ATTACH '${sourcePath}' AS src (READ_ONLY)`);
  const out: Record<string, number> = {};
  try {
    for (const t of CANONICAL_TABLES) {
      const r = await target.engine.db.all<{ n: bigint }>(
        `SELECT (SELECT count(*) FROM (SELECT * FROM main."${t}" EXCEPT ALL SELECT * FROM src."${t}")) + (SELECT count(*) FROM (SELECT * FROM src."${t}" EXCEPT ALL SELECT * FROM main."${t}")) AS n`,
      );
      out[t] = Number(r[0].n);
    }
  } finally {
    await target.engine.db.run(`DETACH src`);
  }
  return out;
}

/** Every canonical table with no differing rows (what tableDifferences answers for identical databases). */
export const NO_DIFFERENCES: Record<string, number> = Object.fromEntries(CANONICAL_TABLES.map((t) => [t, 0]));
