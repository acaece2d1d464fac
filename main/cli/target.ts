// Where the CLI's calls go: the engine already running on the database (desktop app or browser mode, found through
// its runtime file) over loopback HTTP, else an engine opened here on the file. Both answer the same contract.
import type { Result } from '../../shared/errors';
import type { PainelEvent } from '../../shared/events';
import type { Engine } from '../engine/engine';
import { findRunningEngine } from '../host/runtimeFile';
import { remoteEngine } from './remote';

export interface EngineTarget {
  /** 'local': an engine opened by this command; else the mode of the running engine. */
  kind: 'local' | 'app' | 'browser';
  /** The engine opened here, when kind is 'local' (for finer progress than job events carry). */
  local?: Engine;
  call(method: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (e: PainelEvent) => void): Promise<() => void>;
}

export async function connectTarget(dbPath: string, openLocal: () => Promise<Engine>): Promise<EngineTarget> {
  const running = await findRunningEngine(dbPath);
  if (running) {
    const remote = remoteEngine(running);
    return { kind: running.mode, call: remote.call, onEvent: remote.onEvent };
  }
  const engine = await openLocal();
  const { createDispatcher } = await import('../host/dispatcher');
  const dispatcher = createDispatcher(engine, { transport: 'local' });
  return {
    kind: 'local',
    local: engine,
    call: (method, input) => dispatcher.call(method, input),
    onEvent: async (listener) => engine.onEvent(listener),
  };
}
