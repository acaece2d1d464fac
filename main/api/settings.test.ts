// settings.* through the dispatcher: read defaults, save a validated patch (event sent), back up and restore.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobSnapshot, PainelEvent } from '../../shared/events';
import type { Settings } from '../../shared/settings';
import type { BackupFile, BackupResult, RestoreResult } from '../../shared/api/settings';
import { openTestEngine, type TestEngine } from '../engine/testEngine';

let t: TestEngine;
beforeAll(async () => {
  t = await openTestEngine();
});
afterAll(() => t.close());

async function finished(job: JobSnapshot): Promise<JobSnapshot> {
  return t.call<JobSnapshot>('jobs.wait', { id: job.id, timeoutMs: 20_000 });
}

describe('settings', () => {
  it('answers the defaults, saves a patch and tells every window', async () => {
    const before = await t.call<Settings>('settings.get');
    expect(before.timezone).toBe('America/Sao_Paulo');
    const events: PainelEvent[] = [];
    const off = t.engine.onEvent((e) => events.push(e));
    const saved = await t.call<Settings>('settings.set', { businessName: 'Studio Bela', rfm: { ...before.rfm, windowDays: 180 } });
    off();
    expect(saved.businessName).toBe('Studio Bela');
    expect(saved.rfm.windowDays).toBe(180);
    expect((await t.call<Settings>('settings.get')).businessName).toBe('Studio Bela');
    expect(events).toContainEqual({ type: 'settings.changed', keys: ['businessName', 'rfm'] });
  });

  it('refuses an invalid value and keeps the stored settings', async () => {
    const r = await t.dispatcher.call('settings.set', { openingHours: [{ open: '25:00', close: '10:00' }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('BAD_INPUT');
    expect((await t.call<Settings>('settings.get')).businessName).toBe('Studio Bela');
  });

  it('backs up the database and restores it after a change, in one transaction', async () => {
    await t.engine.db.run(`INSERT INTO locations (location_id, name) VALUES ('loc-a', 'Centro'), ('loc-b', 'Jardins')`);
    const job = await finished(await t.call<JobSnapshot>('settings.backup'));
    expect(job.state).toBe('done');
    const backup = job.result as BackupResult;
    expect(backup.fileName).toMatch(/^painel-\d{8}-\d{6}(-\d+)?\.duckdb$/);
    expect(backup.bytes).toBeGreaterThan(0);
    expect((await t.call<BackupFile[]>('settings.backups')).map((b) => b.fileName)).toContain(backup.fileName);

    await t.engine.db.run(`DELETE FROM locations WHERE location_id = 'loc-a'`);
    await t.call('settings.set', { businessName: 'Outro Nome' });
    const restored = await finished(await t.call<JobSnapshot>('settings.restore', { fileName: backup.fileName }));
    expect(restored.state, restored.error?.message).toBe('done');
    const rows = await t.engine.db.all<{ id: string }>(`SELECT location_id AS id FROM locations ORDER BY 1`);
    expect(rows.map((r) => r.id)).toEqual(['loc-a', 'loc-b']);
    expect((restored.result as RestoreResult).tables.find((x) => x.name === 'locations')?.rows).toBe(2);
    expect((await t.call<Settings>('settings.get')).businessName).toBe('Studio Bela');
  });

  it('restores only files of the backups folder', async () => {
    const r = await t.dispatcher.call('settings.restore', { fileName: '../test.duckdb' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('BAD_INPUT');
    const missing = await t.dispatcher.call('settings.restore', { fileName: 'nope.duckdb' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
