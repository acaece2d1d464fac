// The status-mapping panel on the Sync page, in Chromium against browser mode synced with the Bling simulator: the
// account's situações are listed by name with the default each was made from, and a choice made there is saved.
import { expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from './app/appServer';
import { startServer, type PainelServer } from './support/server';
import { simEnv, startSimulators, type SimSet } from '../main/sync/testing/harness';
import type { SyncStatus, SyncStatusMapping } from '../shared/api/sync';

let set: SimSet;
let server: PainelServer;

test.beforeAll(async () => {
  set = await startSimulators({ kinds: ['bling'], size: { customers: 20, sales: 60 } });
  server = await startServer({ env: { ...simEnv(set), XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'painel-e2e-cfg-')) } });
  await server.call('sync.configure', { sourceId: 'bling', baseUrl: set.sims.get('bling')!.server.baseUrl, config: { ratePerSec: 0 } });
  await server.call('sync.start', { source: 'bling' });
  await expect
    .poll(async () => {
      const st = await server.call<SyncStatus>('sync.status', {});
      return st.sources.find((s) => s.sourceId === 'bling')?.state;
    }, { timeout: 60_000 })
    .toBe('ok');
});

test.afterAll(async () => {
  await server?.stop();
  await set?.close();
});

test('Bling situações are listed by name with what they inherit, and a changed meaning is saved', async ({ page }) => {
  await openApp(page, server, { route: '/sync' });
  const card = page.getByTestId('source-bling');
  await card.getByRole('button', { name: 'Editar conexão' }).click();
  const panel = page.getByTestId('status-mapping-bling');
  await expect(panel).toBeVisible();
  const row = panel.getByRole('row', { name: /Enviado/ });
  await expect(row).toContainText('criada a partir de Atendido');
  const select = panel.getByRole('combobox', { name: 'Enviado' });
  await expect(select).toHaveValue('completed');
  await select.selectOption('confirmed');
  await panel.getByRole('button', { name: 'Salvar situações' }).click();
  await expect(panel.getByText(/Salvo\./)).toBeVisible();
  const m = await server.call<SyncStatusMapping>('sync.statuses', { sourceId: 'bling' });
  expect(m.statuses.find((s) => s.code === '52002')).toMatchObject({ status: 'confirmed', defaultStatus: 'completed', custom: true });
  // No code or enum word is shown to the person: names only.
  await expect(panel).not.toContainText('52002');
  await expect(panel).not.toContainText('completed');
});
