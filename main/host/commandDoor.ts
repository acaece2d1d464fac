// The desktop app's door for this machine's own commands: an API-only loopback host answering the runtime file's
// token with a 'local' dispatcher (no browser token, no pages), published beside the database while the app runs.
import type { Engine } from '../engine/engine';
import { createDispatcher } from './dispatcher';
import { startHttpHost } from './httpHost';
import { newRuntimeToken, publishRuntime } from './runtimeFile';

export async function publishForCommands(engine: Engine): Promise<{ close(): Promise<void> } | null> {
  if (engine.db.path === ':memory:') return null;
  const token = newRuntimeToken();
  const dispatcher = createDispatcher(engine, { transport: 'local' });
  // Only the local door opens anything: the host's own token is random and never handed out.
  const host = await startHttpHost({ engine, dispatcher, staticDir: null, local: { token, dispatcher } });
  const unpublish = publishRuntime({ mode: 'app', port: host.port, token, dbPath: engine.db.path });
  return {
    async close() {
      unpublish();
      await host.close();
    },
  };
}
