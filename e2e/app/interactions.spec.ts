// The report explorer and dashboard against the engine's own answers on the demo data: sort, column filter and
// search round trips, a period change on the dashboard, the locale switch, and a CSV export whose totals equal
// the table's totals row.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { tableFromIPC } from 'apache-arrow';
import { decodeFrame } from '../../shared/wire';
import { openApp, startDemoServer, type PainelServer } from './appServer';
import { createFormatter } from '../../shared/format';

let server: PainelServer;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startDemoServer();
});
test.afterAll(async () => server?.stop());

const PERIOD = { preset: 'last_30_days' } as const;

/** reports.page over HTTP (Arrow frame) decoded to row objects. */
async function enginePage(input: Record<string, unknown>): Promise<{ rows: Record<string, unknown>[]; total: number }> {
  const res = await fetch(`${server.origin}/api/reports.page`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = decodeFrame(new Uint8Array(await res.arrayBuffer())) as { ok: boolean; value: { arrow: Uint8Array; total: number } };
  expect(body.ok).toBe(true);
  return { rows: tableFromIPC(body.value.arrow).toArray().map((r) => r.toJSON() as Record<string, unknown>), total: body.value.total };
}

test('sort, column filter and search round trips match the engine', async ({ page }) => {
  const report = 'customer-profiles';
  await openApp(page, server, { route: `/reports/${report}` });
  const base = await enginePage({ report, period: PERIOD, limit: 1 });
  await expect(page.getByTestId('row-total')).toHaveAttribute('data-total', String(base.total));

  // Sort by total spent, ascending then descending: each time the first row is the engine's first row.
  const th = page.getByRole('columnheader', { name: /Total gasto/ }).first();
  const header = page.getByRole('button', { name: 'Total gasto' });
  for (let i = 0; i < 3 && (await th.getAttribute('aria-sort')) !== 'ascending'; i++) await header.click();
  await expect(th).toHaveAttribute('aria-sort', 'ascending');
  const asc = await enginePage({ report, period: PERIOD, limit: 1, sort: [{ column: 'total_spent', desc: false }] });
  await expect(page.locator('.dt-body [role="row"]').first()).toContainText(String(asc.rows[0].name));
  await header.click();
  await expect(th).toHaveAttribute('aria-sort', 'descending');
  const sorted = await enginePage({ report, period: PERIOD, limit: 1, sort: [{ column: 'total_spent', desc: true }] });
  const firstRow = page.locator('.dt-body [role="row"]').first();
  await expect(firstRow).toContainText(String(sorted.rows[0].name));

  // A column filter: total spent >= 500.
  const filtered = await enginePage({ report, period: PERIOD, limit: 1, sort: [{ column: 'total_spent', desc: true }], filters: [{ column: 'total_spent', op: 'ge', value: 500 }] });
  expect(filtered.total).toBeGreaterThan(0);
  expect(filtered.total).toBeLessThan(base.total);
  await page.getByLabel('Filtrar Total gasto').fill('>= 500');
  await expect(page.getByTestId('row-total')).toHaveAttribute('data-total', String(filtered.total));

  // Search on top of the filter.
  const searched = await enginePage({ report, period: PERIOD, limit: 1, filters: [{ column: 'total_spent', op: 'ge', value: 500 }], search: 'silva' });
  await page.getByLabel('Buscar').fill('silva');
  await expect(page.getByTestId('row-total')).toHaveAttribute('data-total', String(searched.total));

  // The choices survive a reload (persisted per report).
  await page.reload();
  await expect(page.getByTestId('row-total')).toHaveAttribute('data-total', String(searched.total));
  await expect(page.getByLabel('Buscar')).toHaveValue('silva');
  await page.getByRole('button', { name: 'Limpar filtros' }).click();
  await expect(page.getByTestId('row-total')).toHaveAttribute('data-total', String(base.total));
});

test('a period change updates the dashboard, and the locale switch changes formats', async ({ page }) => {
  await openApp(page, server, { route: '/dashboard' });
  type Dash = { period: { from: string; to: string }; kpis: { id: string; value: string | number | null }[] };
  const d30 = await server.call<Dash>('reports.dashboard', { period: { preset: 'last_30_days' } });
  const d90 = await server.call<Dash>('reports.dashboard', { period: { preset: 'last_90_days' } });
  const raw = (d: Dash) => String(d.kpis.find((k) => k.id === 'gross_revenue')!.value);
  const gross = (d: Dash) => Number(raw(d));
  expect(gross(d90)).toBeGreaterThan(gross(d30));
  const card = page.getByTestId('kpi-gross_revenue');
  await expect(card).toHaveAttribute('data-value', raw(d30));

  await page.getByLabel('Período').selectOption('last_90_days');
  await expect(card).toHaveAttribute('data-value', raw(d90));
  // the figure as the one formatter writes it (NBSP between R$ and the amount)
  const br = createFormatter({ locale: 'pt-BR' }).money(raw(d90));
  await expect(card).toContainText(br);
  const [y, m, dd] = d90.period.from.split('-');
  await expect(page.getByTestId('dash-period')).toContainText(`${dd}/${m}/${y}`);

  await page.getByLabel('Idioma').selectOption('en');
  const en = createFormatter({ locale: 'en' }).money(raw(d90));
  await expect(card).toContainText(en);
  await expect(page.getByTestId('dash-period')).toContainText(`${y}-${m}-${dd}`);
  await expect(page.getByRole('navigation').first()).toContainText('Dashboard');
  expect(br).not.toBe(en);
});

/** A number written by the Excel pt-BR CSV dialect ("1234,56") or the standard one ("1234.56"). */
function csvNumber(s: string): number {
  const t = s.trim().replace(/^"|"$/g, '');
  return Number(t.includes(',') ? t.replace(/\./g, '').replace(',', '.') : t);
}

test('a CSV export downloads a file whose totals equal the table totals', async ({ page }) => {
  const report = 'sales-summary';
  await openApp(page, server, { route: `/reports/${report}` });
  await expect(page.getByTestId('totals-row')).toBeVisible();
  const totals = await server.call<{ values: Record<string, string | number | null> }>('reports.totals', { report, period: PERIOD, params: { granularity: 'day' } });
  const net = Number(totals.values.net);
  expect(net).toBeGreaterThan(0);
  const netText = createFormatter({ locale: 'pt-BR' }).money(totals.values.net);
  await expect(page.getByTestId('totals-row').locator('[data-column="net"]')).toHaveText(netText);

  await page.getByRole('button', { name: /Exportar/ }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Exportar como CSV' }).click();
  const file = await download;
  await expect(page.getByTestId('export-status')).toContainText('Concluído');
  const text = readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '');
  const [head, ...lines] = text.split(/\r?\n/).filter(Boolean);
  const sep = head.includes(';') ? ';' : ',';
  const col = head.split(sep).indexOf('Líquido');
  expect(col).toBeGreaterThanOrEqual(0);
  const sum = lines.reduce((a, l) => a + csvNumber(l.split(sep)[col]), 0);
  expect(Math.round(sum * 100)).toBe(Math.round(net * 100));
  expect(lines.length).toBe(Number(await page.getByTestId('row-total').getAttribute('data-total')));
});

test('a day of the sales summary drills down to that day\'s sales', async ({ page }) => {
  await openApp(page, server, { route: '/reports/sales-summary' });
  const first = page.locator('.dt-body [role="row"]').first();
  await expect(first).not.toHaveClass(/dt-placeholder/);
  await first.click();
  await expect(page).toHaveURL(/#\/sales\?day=\d{4}-\d{2}-\d{2}/);
  const day = new URL(page.url().replace('#/', '')).searchParams.get('day');
  const res = await fetch(`${server.origin}/api/query.page`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ table: 'v_sales', limit: 1, filters: [{ column: 'biz_date', op: 'eq', value: day }] }),
  });
  const body = decodeFrame(new Uint8Array(await res.arrayBuffer())) as { value: { total: number } };
  expect(body.value.total).toBeGreaterThan(0);
  await expect(page.getByTestId('row-total')).toHaveAttribute('data-total', String(body.value.total));
});
