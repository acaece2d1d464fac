// Test helpers: a real engine on a temp DuckDB file (or memory), and its dispatcher.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from './engine';
import { createDispatcher, type Dispatcher } from '../host/dispatcher';

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
