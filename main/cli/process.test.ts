// The built `painel` command as a scheduler runs it: a separate process (bin/painel.js -> out/cli), help on every
// command, quiet on a closed pipe, exiting as soon as its work is done, and running its calls in the engine of
// browser mode when that holds the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Db } from '../store/db';
import { runtimeFilePath } from '../host/runtimeFile';
import { COMMANDS } from './commands/index';
import { engineLog, runCli } from './painel';

const ROOT = resolve(__dirname, '..', '..');
let dir: string;

interface Run {
  code: number | null;
  out: string;
  err: string;
  /** When the process ended, and when stdout last received text (ms since start). */
  endedAt: number;
  lastOutAt: number;
}

function painel(args: string[], opts: { onOut?: (text: string, child: ChildProcess) => void } = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'painel.js'), ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const r: Run = { code: null, out: '', err: '', endedAt: 0, lastOutAt: 0 };
    child.stdout.on('data', (c: Buffer) => {
      r.out += c.toString();
      r.lastOutAt = performance.now() - t0;
      opts.onOut?.(c.toString(), child);
    });
    child.stderr.on('data', (c: Buffer) => (r.err += c.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      r.code = code;
      r.endedAt = performance.now() - t0;
      done(r);
    });
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'painel-process-'));
  // Builds out/cli once if it is stale, so the runs below measure the command, not the build.
  const r = await painel(['--version']);
  expect(r.code, r.err).toBe(0);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('painel as a process', () => {
  it('prints the usage of every command for --help and -h and exits 0', async () => {
    for (const c of COMMANDS) {
      for (const flag of ['--help', '-h']) {
        let out = '';
        const code = await runCli([c.name, flag], { out: (t) => (out += t), err: () => undefined, isTTY: false });
        expect(code, `${c.name} ${flag}`).toBe(0);
        expect(out).toContain(c.usage);
      }
    }
    const r = await painel(['report', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('painel report ID|list');
  });

  it('ends quietly when the reader closes the pipe early (painel info | head -1)', async () => {
    const r = await painel(['--db', join(dir, 'pipe.duckdb'), 'info'], { onOut: (_t, child) => child.stdout?.destroy() });
    expect(r.code).toBe(0);
    expect(r.err).not.toMatch(/EPIPE|Error|at /);
  });

  it('writes engine logs to logs/painel.log beside the database, and to stderr only with --verbose', () => {
    const db = join(dir, 'logged', 'painel.duckdb');
    let err = '';
    const io = { out: () => undefined, err: (t: string) => (err += t), isTTY: false };
    engineLog(db, io, false)('slow query 900 ms: SELECT 1');
    expect(err).toBe('');
    engineLog(db, io, true)('slow query 901 ms: SELECT 2');
    expect(err).toContain('slow query 901 ms');
    const log = join(dir, 'logged', 'logs', 'painel.log');
    expect(readFileSync(log, 'utf8')).toMatch(/slow query 900 ms[\s\S]*slow query 901 ms/);
    if (process.platform !== 'win32') expect(statSync(log).mode & 0o777).toBe(0o600);
  });

  it('exits within seconds of its summary after importing the medium demo exported to CSV', async () => {
    const source = join(dir, 'medium.duckdb');
    const demo = await painel(['--db', source, 'demo', '--preset', 'medium']);
    expect(demo.code, demo.err).toBe(0);
    const csv = join(dir, 'csv');
    mkdirSync(csv);
    const db = await Db.open({ path: source });
    for (const t of ['locations', 'employees', 'customers', 'items', 'sales', 'sale_lines', 'payments']) await db.run(`COPY ${t} TO '${join(csv, `${t}.csv`)}' (HEADER)`);
    await db.close();
    const r = await painel(['--db', join(dir, 'imported.duckdb'), 'import', csv]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/sales\s+new\s+[\d.]+/);
    // The summary is the last output; the process ends right after it (it used to hang in DuckDB's destructors).
    expect(r.endedAt - r.lastOutAt).toBeLessThan(5000);
  }, 300_000);
});

describe('painel beside browser mode', () => {
  let serve: ChildProcess;
  const db = () => join(dir, 'served', 'painel.duckdb');
  beforeAll(async () => {
    const seeded = await painel(['--db', db(), 'demo', '--customers', '300', '--months', '2', '--end', '2026-10-31']);
    expect(seeded.code, seeded.err).toBe(0);
    serve = spawn(process.execPath, [join(ROOT, 'bin', 'painel.js'), '--db', db(), 'serve', '--port', '0', '--no-open'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((ok, bad) => {
      const timer = setTimeout(() => bad(new Error('painel serve did not start')), 60_000);
      serve.stdout?.on('data', (c: Buffer) => {
        if (c.toString().includes('browser mode')) {
          clearTimeout(timer);
          ok();
        }
      });
    });
  }, 180_000);
  afterAll(async () => {
    if (serve.exitCode === null) {
      serve.kill('SIGTERM');
      await new Promise((r) => serve.once('close', r));
    }
  });

  it('publishes a private runtime file and removes it on exit', () => {
    const file = runtimeFilePath(db());
    expect(existsSync(file)).toBe(true);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const info = JSON.parse(readFileSync(file, 'utf8')) as { mode: string; pid: number; port: number };
    expect(info.mode).toBe('browser');
    expect(info.pid).toBe(serve.pid);
  });

  it('runs painel close and painel import in the running engine, with progress lines and exit codes', async () => {
    const pdf = join(dir, 'fechamento.pdf');
    const close = await painel(['--db', db(), 'close', '--month', '2026-10', '--out', pdf]);
    expect(close.code, close.err).toBe(0);
    expect(close.out).toContain('fechamento.pdf');
    // Progress lines are English, like the CLI's errors (the job title carries both languages).
    expect(close.err).toMatch(/Monthly closing/);
    expect(readFileSync(pdf).subarray(0, 4).toString()).toBe('%PDF');

    const csv = join(dir, 'served-import');
    mkdirSync(csv);
    writeFileSync(join(csv, 'customers.csv'), 'customer_id,name,city\nwalkin:1,Ana Souza,Recife\nwalkin:2,Bia Lima,Olinda\nwalkin:3,Caio Reis,Recife\n');
    const imported = await painel(['--db', db(), 'import', csv]);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toMatch(/customers\.csv: 3 rows/);
    expect(imported.out).toMatch(/customers\s+new\s+3\s/);
    expect(imported.err).toMatch(/Import 1 file/);
    // Bad input keeps its exit code through the running engine.
    expect((await painel(['--db', db(), 'import', join(dir, 'no-such-file.csv')])).code).toBe(1);
    // The running engine has the rows: another command sees them without opening the file.
    const info = await painel(['--db', db(), 'info', '--json']);
    expect(JSON.parse(info.out).tables.find((t: { name: string }) => t.name === 'customers').rows).toBe(303);
  }, 120_000);

  it('refuses to open the file a second time, and the runtime file goes with browser mode', async () => {
    const second = await painel(['--db', db(), 'serve', '--port', '0', '--no-open']);
    expect(second.code).toBe(1);
    expect(second.err).toMatch(/already running/);
    serve.kill('SIGTERM');
    await new Promise((r) => serve.once('close', r));
    expect(existsSync(runtimeFilePath(db()))).toBe(false);
    // With browser mode gone, the command opens the file itself.
    expect((await painel(['--db', db(), 'info'])).code).toBe(0);
  }, 60_000);
});
