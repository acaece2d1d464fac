// painel serve: browser mode — the loopback HTTP host serving the built renderer and the API (paths limited to
// uploads and the exports folder), plus the runtime file through which local commands reach this engine.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandRun } from '../command';
import { parse } from '../command';
import { createDispatcher } from '../../host/dispatcher';
import { startHttpHost } from '../../host/httpHost';
import { startBackgroundServices } from '../../host/services';
import { registerDownloadRoutes } from '../../host/downloads';
import { registerUploadRoute } from '../../host/uploadRoute';
import { newRuntimeToken, publishRuntime } from '../../host/runtimeFile';
import { AppError } from '../../store/errors';

/** The built renderer: out/renderer beside the package root. */
export function defaultStaticDir(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'out', 'renderer');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    dir = resolve(dir, '..');
  }
  return null;
}

function openBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // no browser launcher: the printed URL is enough
  }
}

export const run: CommandRun = async (argv, ctx) => {
  const { values } = parse(argv, { port: { type: 'string' }, 'no-open': { type: 'boolean' }, static: { type: 'string' } }, ctx.usage);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AppError('BAD_INPUT', `--port must be 0..65535, got ${values.port}`);
  const engine = await ctx.engine();
  startBackgroundServices(engine);
  const staticDir = values.static ?? defaultStaticDir();
  if (!staticDir) ctx.io.err('The renderer is not built yet (npm run build); serving the API only.\n');
  const local = { token: newRuntimeToken(), dispatcher: createDispatcher(engine, { transport: 'local' }) };
  const host = await startHttpHost({ engine, dispatcher: createDispatcher(engine, { transport: 'browser' }), local, port, staticDir, token: process.env.PAINEL_TOKEN || undefined });
  registerDownloadRoutes(host, engine);
  registerUploadRoute(host, engine);
  const unpublish = engine.db.path === ':memory:' ? () => undefined : publishRuntime({ mode: 'browser', port: host.port, token: local.token, dbPath: engine.db.path });
  ctx.io.out(`Painel is running in browser mode: ${host.url}\n`);
  if (!values['no-open']) openBrowser(host.url);
  await new Promise<void>((done) => {
    const stop = () => {
      unpublish();
      void host
        .close()
        .then(() => engine.close())
        .finally(done);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
};
