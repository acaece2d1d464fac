// Files an export wrote, registered for download under a random id (kept in the engine's state): the loopback
// host's download route (host/downloads.ts) serves only what is registered here.
import { randomBytes } from 'node:crypto';
import type { Engine } from '../engine/engine';
import { StateKey } from '../store/state';

/** The path the host serves downloads under (GET with ?id=). */
export const DOWNLOAD_ROUTE = '/api/export/download';

export interface DownloadEntry {
  path: string;
  fileName: string;
}

const REGISTRY = new StateKey<Map<string, DownloadEntry>, Engine>('export.downloads', () => new Map());
const KEEP = 200;

/** Registers a finished file and returns the path to GET it from the loopback host. */
export function rememberDownload(engine: Engine, path: string, fileName: string): string {
  const m = engine.state(REGISTRY);
  const id = randomBytes(16).toString('base64url');
  m.set(id, { path, fileName });
  if (m.size > KEEP) m.delete(m.keys().next().value as string);
  return `${DOWNLOAD_ROUTE}?id=${id}`;
}

/** The registered file of a download id, if any. */
export function downloadOf(engine: Engine, id: string): DownloadEntry | undefined {
  return engine.state(REGISTRY).get(id);
}
