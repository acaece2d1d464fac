// Crash safety runs shared by tests and the benchmark: a `painel` child doing an import, a migration or an export
// is killed with SIGKILL at a random point; the database must then open, pass its invariants, lose nothing
// committed, and finish to exactly the state of one clean run; an export never leaves a partial final file.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Db } from '../store/db';
import { migrate, currentVersion } from '../store/migrate';
import { MIGRATIONS } from '../store/migrations/index';
import { CANONICAL_TABLES } from '../../shared/types';
import { generateDemo } from '../demo/generateDemo';
import { exportCanonical } from '../import/exportCanonical';
import { importFiles } from '../import/importFiles';
import { sqlString } from '../sql/quote';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export type CrashOp = 'import' | 'migration' | 'export';

export interface CrashWorkspace {
  dir: string;
  /** Canonical CSV folder made from a small demo. */
  csvDir: string;
  /** Migrated, empty: imports start here. */
  emptyDb: string;
  /** Demo data at the latest schema: exports read it. */
  dataDb: string;
  /** Demo data at schema version 3: migrations start here. */
  oldDb: string;
  reference: { imported: string; migrated: string; exportCsv: string };
}

/** Row count, distinct rows and a content hash per canonical table: equal fingerprints mean equal data. */
export async function canonicalFingerprint(db: Db): Promise<string> {
  const parts: string[] = [];
  for (const t of CANONICAL_TABLES) {
    const [r] = await db.all<{ n: bigint; d: bigint; h: bigint }>(`SELECT count(*) AS n, count(DISTINCT t::VARCHAR) AS d, sum(hash(t::VARCHAR)) AS h FROM "${t}" t`);
    parts.push(`${t}:${r.n}/${r.d}/${r.h ?? 0}`);
  }
  return parts.join('|');
}

/** The data-model invariants a crash must never break. */
export async function checkInvariants(db: Db): Promise<string[]> {
  const problems: string[] = [];
  const dupes: [string, string][] = [
    ['sales', 'sale_id'],
    ['customers', 'customer_id'],
    ['payments', 'payment_id'],
    ['items', 'item_id'],
    ['sale_lines', "sale_id || '#' || line_no"],
  ];
  for (const [t, key] of dupes) {
    const [r] = await db.all<{ n: bigint }>(`SELECT count(*) - count(DISTINCT ${key}) AS n FROM "${t}"`);
    if (Number(r.n) !== 0) problems.push(`${t}: ${r.n} duplicate ids`);
  }
  const [bad] = await db.all<{ n: bigint }>(
    `SELECT count(*) AS n FROM sales WHERE abs(total_amount - (coalesce(gross_amount,0) - coalesce(discount_amount,0) + coalesce(tax_amount,0) + coalesce(shipping_amount,0))) > 0.01 AND gross_amount IS NOT NULL`,
  );
  if (Number(bad.n) !== 0) problems.push(`sales: ${bad.n} totals that do not add up`);
  return problems;
}

async function withDb<T>(path: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await Db.open({ path, log: () => undefined });
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

export async function prepareCrashWorkspace(dir: string, customers = 300): Promise<CrashWorkspace> {
  mkdirSync(dir, { recursive: true });
  const ws: CrashWorkspace = { dir, csvDir: join(dir, 'csv'), emptyDb: join(dir, 'empty.duckdb'), dataDb: join(dir, 'data.duckdb'), oldDb: join(dir, 'old.duckdb'), reference: { imported: '', migrated: '', exportCsv: '' } };
  await withDb(ws.dataDb, async (db) => {
    await migrate(db);
    await generateDemo(db, { customers, months: 6, seed: 7, endDate: '2026-10-31' });
    await exportCanonical(db, ws.csvDir, 'csv');
    await db.checkpoint();
  });
  await withDb(ws.emptyDb, async (db) => {
    await migrate(db);
    await db.checkpoint();
  });
  await withDb(ws.oldDb, async (db) => {
    await migrate(db, MIGRATIONS.filter((m) => m.version <= 3));
    await db.run(`ATTACH ${sqlString(ws.dataDb)} AS src (READ_ONLY)`);
    for (const t of CANONICAL_TABLES) await db.run(`INSERT INTO "${t}" SELECT * FROM src.main."${t}"`);
    await db.run('DETACH src');
    await db.checkpoint();
  });
  const importRef = join(dir, 'import-ref.duckdb');
  copyFileSync(ws.emptyDb, importRef);
  ws.reference.imported = await withDb(importRef, async (db) => {
    await importFiles(db, [ws.csvDir]);
    return canonicalFingerprint(db);
  });
  const migratedRef = join(dir, 'migrated-ref.duckdb');
  copyFileSync(ws.oldDb, migratedRef);
  ws.reference.migrated = await withDb(migratedRef, async (db) => {
    await migrate(db);
    return canonicalFingerprint(db);
  });
  const exportDb = join(dir, 'export-ref.duckdb');
  copyFileSync(ws.dataDb, exportDb);
  const out = join(dir, 'export-ref');
  mkdirSync(out, { recursive: true });
  const r = await runChild(exportArgs(exportDb, out), null);
  if (r.code !== 0) throw new Error(`reference export failed: ${r.stderr}`);
  ws.reference.exportCsv = readFileSync(join(out, 'report.csv'), 'utf8');
  return ws;
}

function exportArgs(db: string, folder: string): string[] {
  const input = { report: 'customer-profiles', format: 'csv', csvDialect: 'standard', folder, fileName: 'report.csv', locale: 'pt-BR' };
  return ['--db', db, 'call', 'export.run', '--json', JSON.stringify(input), '--wait'];
}

/** Runs `painel ARGS` in a child; kills it with SIGKILL after killAfterMs (null: let it finish). */
function runChild(args: string[], killAfterMs: number | null): Promise<{ code: number | null; killed: boolean; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'painel.js'), ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (d) => (stderr += String(d)));
    const timer = killAfterMs === null ? null : setTimeout(() => {
      killed = child.exitCode === null;
      child.kill('SIGKILL');
    }, killAfterMs);
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      done({ code, killed, stderr });
    });
  });
}

export interface CrashOutcome {
  op: CrashOp;
  killAfterMs: number;
  /** The kill landed while the child was still running. */
  killed: boolean;
  problems: string[];
}

/** One iteration: copy the starting file, run the operation in a child, kill it, reopen and check. */
export async function crashOnce(ws: CrashWorkspace, op: CrashOp, killAfterMs: number, n: number): Promise<CrashOutcome> {
  const work = join(ws.dir, `work-${op}-${n}.duckdb`);
  const problems: string[] = [];
  let killed = false;
  if (op === 'import') {
    copyFileSync(ws.emptyDb, work);
    killed = (await runChild(['--db', work, 'import', ws.csvDir], killAfterMs)).killed;
    await withDb(work, async (db) => {
      problems.push(...(await checkInvariants(db)));
      // One transaction per file: every table holds all of its file or none of it.
      const full = await withDb(join(ws.dir, 'import-ref.duckdb'), async (ref) => Object.fromEntries(await Promise.all(CANONICAL_TABLES.map(async (t) => [t, Number((await ref.all<{ n: bigint }>(`SELECT count(*) AS n FROM "${t}"`))[0].n)]))));
      for (const t of CANONICAL_TABLES) {
        const got = Number((await db.all<{ n: bigint }>(`SELECT count(*) AS n FROM "${t}"`))[0].n);
        if (got !== 0 && got !== full[t]) problems.push(`${t}: half-loaded (${got} of ${full[t]} rows)`);
      }
      await importFiles(db, [ws.csvDir]);
      if ((await canonicalFingerprint(db)) !== ws.reference.imported) problems.push('import: resuming did not give the clean result');
    });
  } else if (op === 'migration') {
    copyFileSync(ws.oldDb, work);
    killed = (await runChild(['--db', work, 'info'], killAfterMs)).killed;
    await withDb(work, async (db) => {
      const v = await currentVersion(db);
      if (v < 3) problems.push(`migration: schema went back to ${v}`);
      await migrate(db);
      problems.push(...(await checkInvariants(db)));
      if ((await canonicalFingerprint(db)) !== ws.reference.migrated) problems.push('migration: data changed or lost');
    });
  } else {
    copyFileSync(ws.dataDb, work);
    const folder = join(ws.dir, `out-${n}`);
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    killed = (await runChild(exportArgs(work, folder), killAfterMs)).killed;
    const final = join(folder, 'report.csv');
    if (existsSync(final) && readFileSync(final, 'utf8') !== ws.reference.exportCsv) problems.push('export: a partial file was left under the final name');
    await withDb(work, async (db) => problems.push(...(await checkInvariants(db))));
    for (const f of existsSync(folder) ? readdirSync(folder) : []) if (f !== 'report.csv' && !f.startsWith('.') && !f.includes('partial') && !f.startsWith('_painel')) problems.push(`export: unexpected file ${f}`);
    rmSync(folder, { recursive: true, force: true });
  }
  rmSync(work, { force: true });
  rmSync(`${work}.wal`, { force: true });
  return { op, killAfterMs, killed, problems };
}
