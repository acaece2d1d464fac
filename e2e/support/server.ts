// Starts `painel serve` on a temp database as a child process and hands the URL/token to specs.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PainelServer {
  url: string;
  origin: string;
  token: string;
  dbPath: string;
  dir: string;
  /** Calls a contract method over HTTP with the token; throws on an error result. */
  call<T = unknown>(method: string, input?: unknown): Promise<T>;
  stop(): Promise<void>;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Starts browser mode. `prepare` may fill the database file before the server opens it. */
export async function startServer(opts: { prepare?: (dbPath: string) => Promise<void>; env?: Record<string, string> } = {}): Promise<PainelServer> {
  const dir = mkdtempSync(join(tmpdir(), 'painel-e2e-'));
  const dbPath = join(dir, 'painel.duckdb');
  if (opts.prepare) await opts.prepare(dbPath);
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin', 'painel.js'), '--db', dbPath, 'serve', '--port', '0', '--no-open'], {
    cwd: ROOT,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += String(d)));
  const url = await new Promise<string>((ok, bad) => {
    let out = '';
    const timer = setTimeout(() => bad(new Error(`painel serve did not start: ${stderr}`)), 30_000);
    child.stdout?.on('data', (d) => {
      out += String(d);
      const m = out.match(/(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    child.on('exit', (code) => bad(new Error(`painel serve exited with ${code}: ${stderr}`)));
  });
  const u = new URL(url);
  const token = u.hash.replace('#token=', '');
  const origin = u.origin;
  return {
    url,
    origin,
    token,
    dbPath,
    dir,
    async call<T>(method: string, input: unknown = {}) {
      const res = await fetch(`${origin}/api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
      const body = (await res.json()) as { ok: boolean; value?: T; error?: { code: string; message: string } };
      if (!body.ok) throw new Error(`${method}: ${body.error?.code}: ${body.error?.message}`);
      return body.value as T;
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => {
          const t = setTimeout(() => {
            child.kill('SIGKILL');
            r(null);
          }, 5000);
          child.on('exit', () => {
            clearTimeout(t);
            r(null);
          });
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
