// A damaged database file is detected at open with its backups named; a backup restores in its place; automatic
// backups rotate.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../engine/engine';
import { listBackupFiles } from '../store/recovery';
import { autoBackup, restoreFromBackupFile } from './backup';
import { runCli } from '../cli/painel';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function tmp() {
  const d = mkdtempSync(join(tmpdir(), 'painel-recovery-'));
  dirs.push(d);
  return d;
}

async function seeded(path: string, customers: number): Promise<void> {
  const e = await Engine.open({ dbPath: path, log: () => undefined });
  await e.db.run(`INSERT INTO customers (customer_id, name) SELECT 'c' || i, 'Cliente ' || i FROM range(${customers}) t(i)`);
  await e.db.checkpoint();
  e.close();
}

function damage(path: string): void {
  const buf = readFileSync(path);
  for (let k = 12_288; k < Math.min(buf.length, 200_000); k++) buf[k] = 0xab;
  writeFileSync(path, buf);
}

describe('database recovery', () => {
  it('detects a damaged file at open and names the newest backup', async () => {
    const dir = tmp();
    const path = join(dir, 'painel.duckdb');
    await seeded(path, 500);
    const e = await Engine.open({ dbPath: path, log: () => undefined });
    expect(await autoBackup(e.db)).not.toBeNull();
    e.close();
    damage(path);
    const err = await Engine.open({ dbPath: path, log: () => undefined }).then(
      () => null,
      (x: unknown) => x as { code: string; message: string; details: { corrupt: boolean; backups: { fileName: string }[] } },
    );
    expect(err?.code).toBe('DB');
    expect(err?.details.corrupt).toBe(true);
    expect(err?.message).toMatch(/damaged/);
    expect(err?.details.backups[0].fileName).toMatch(/^auto-/);

    const r = restoreFromBackupFile(path, err!.details.backups[0].fileName);
    expect(r.keptAside && existsSync(r.keptAside)).toBe(true);
    const back = await Engine.open({ dbPath: path, log: () => undefined });
    expect((await back.db.all<{ n: number }>(`SELECT count(*)::INT AS n FROM customers`))[0].n).toBe(500);
    back.close();
  });

  it('restores the latest backup from the CLI without opening the damaged file', async () => {
    const dir = tmp();
    const path = join(dir, 'painel.duckdb');
    await seeded(path, 42);
    const e = await Engine.open({ dbPath: path, log: () => undefined });
    await autoBackup(e.db);
    e.close();
    writeFileSync(path, Buffer.alloc(65_536, 7));
    let out = '';
    let err = '';
    const io = { out: (t: string) => (out += t), err: (t: string) => (err += t), isTTY: false };
    expect(await runCli(['--db', path, 'info'], io)).toBe(1);
    expect(err).toMatch(/damaged.*painel restore --latest/);
    expect(await runCli(['--db', path, 'restore', '--list'], io)).toBe(0);
    expect(out).toMatch(/auto-.*\(automatic\)/);
    expect(await runCli(['--db', path, 'restore', '--latest'], io)).toBe(0);
    expect(await runCli(['--db', path, 'info'], io)).toBe(0);
    expect(out).toMatch(/customers\s+42/);
  });

  it('takes automatic backups only when due, and keeps the newest seven', async () => {
    const dir = tmp();
    const path = join(dir, 'painel.duckdb');
    await seeded(path, 10);
    const e = await Engine.open({ dbPath: path, log: () => undefined });
    for (let i = 0; i < 9; i++) {
      const made = await autoBackup(e.db, { everyHours: 24 });
      expect(made).not.toBeNull();
      expect(await autoBackup(e.db, { everyHours: 24 })).toBeNull();
      // Age every copy by a day so the next one is due.
      for (const b of listBackupFiles(path)) {
        const t = new Date(Date.parse(b.createdAt) - 86_400_000);
        utimesSync(b.path, t, t);
      }
    }
    expect(listBackupFiles(path).filter((b) => b.automatic)).toHaveLength(7);
    e.close();
  });

  it('does not back up an empty database', async () => {
    const e = await Engine.open({ dbPath: join(tmp(), 'empty.duckdb'), log: () => undefined });
    expect(await autoBackup(e.db)).toBeNull();
    e.close();
  });
});
