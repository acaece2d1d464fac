// The agenda on the demo data (ending today, with bookings in the coming two weeks): the figures the engine answers,
// names instead of codes, the range and unit filters in the address, and the dashboard's "what changed" links.
import { expect, test, type Page } from '@playwright/test';
import type { AgendaResult, AlertsResult, OverdueResult } from '../../shared/agenda';
import { openApp, startDemoServer, type PainelServer } from './appServer';
import { startServer } from '../support/server';

let server: PainelServer;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startDemoServer();
});
test.afterAll(async () => server?.stop());

/** Internal ids of the demo (salon:loc01, salon:e1003, salon:100225) must never reach a person. */
const ID_PATTERN = /salon:|woo:|ml:|\bloc0\d\b|\be10\d\d\b/;

async function settled(page: Page): Promise<void> {
  await expect(page.getByTestId('agenda-page')).toHaveAttribute('data-range', /\.\./);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.locator('.chart-placeholder')).toHaveCount(0, { timeout: 15_000 });
}

test('the agenda shows the coming week the engine answers, with names', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const a = await server.call<AgendaResult>('agenda.view', { days: 7 });
  expect(a.summary.bookings).toBeGreaterThan(0);
  await openApp(page, server, { route: '/agenda' });
  await settled(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Agenda');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Agenda' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('agenda-page')).toHaveAttribute('data-range', `${a.from}..${a.to}`);
  await expect(page.getByTestId('agenda-bookings-count')).toHaveText(String(a.summary.bookings));
  await expect(page.getByTestId('agenda-bookings').locator('tbody tr')).toHaveCount(a.bookings.rows.length);
  const first = a.bookings.rows[0];
  const row = page.getByTestId('agenda-bookings').locator('tbody tr').first();
  await expect(row).toContainText(first.time);
  await expect(row).toContainText(first.employeeName ?? 'Sem profissional');
  for (const u of a.units) await expect(page.getByTestId('occ-units')).toContainText(u.name ?? '');
  await expect(page.getByTestId('occ-professionals').locator('tbody tr')).toHaveCount(a.professionals.length);
  await expect(page.getByTestId('agenda-gaps')).toBeVisible();
  await expect(page.getByTestId('agenda-noshows')).toBeVisible();
  // At 1280x720 the page never scrolls sideways: wide grids scroll inside their card.
  expect(await page.locator('main').evaluate((m) => m.scrollWidth - m.clientWidth)).toBeLessThanOrEqual(1);
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(ID_PATTERN);
  expect(text).not.toMatch(/\b(booked|confirmed|champions|loyal)\b/);
  await page.screenshot({ path: 'test-results/app/agenda-pt-BR-1280.png' });
  await page.getByTestId('agenda-gaps').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/app/agenda-pt-BR-1280-lists.png' });
  await page.getByTestId('agenda-overdue').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/app/agenda-pt-BR-1280-overdue.png' });
});

test('the range and unit filters live in the address and narrow the rows', async ({ page }) => {
  const units = (await server.call<AgendaResult>('agenda.view', { days: 1 })).options.units;
  const unit = units[1] ?? units[0];
  const narrowed = await server.call<AgendaResult>('agenda.view', { days: 14, location: [unit.id] });
  await openApp(page, server, { route: '/agenda' });
  await settled(page);
  await page.getByRole('button', { name: 'Próximos 14 dias' }).click();
  await page.getByLabel('Unidade').selectOption({ label: unit.name ?? '' });
  await expect(page).toHaveURL(/days=14/);
  await expect(page).toHaveURL(new RegExp(`location=${encodeURIComponent(unit.id)}`));
  await settled(page);
  await expect(page.getByTestId('agenda-page')).toHaveAttribute('data-range', `${narrowed.from}..${narrowed.to}`);
  await expect(page.getByTestId('agenda-bookings-count')).toHaveText(String(narrowed.summary.bookings));
  const units1 = page.getByTestId('occ-units').locator('tbody tr');
  await expect(units1).toHaveCount(1);
  await expect(units1).toContainText(unit.name ?? '');
  for (const cell of await page.getByTestId('agenda-bookings').locator('tbody tr td:nth-child(7)').allInnerTexts()) expect(cell).toBe(unit.name);
  // A professional of that unit narrows further; a later week comes with the arrow and "back to today" returns.
  const pro = narrowed.options.professionals.find((p) => p.unitId === unit.id && narrowed.professionals.some((x) => x.id === p.id && x.bookings > 0));
  if (pro) {
    await page.getByLabel('Profissional').selectOption({ label: pro.name ?? '' });
    await settled(page);
    await expect(page.getByTestId('occ-professionals').locator('tbody tr')).toHaveCount(1);
    await expect(page.getByTestId('occ-professionals')).toContainText(pro.name ?? '');
  }
  await page.getByRole('button', { name: 'Dias seguintes' }).click();
  await settled(page);
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}/);
  await page.getByRole('button', { name: 'Voltar para hoje' }).click();
  await settled(page);
  await expect(page.getByTestId('agenda-page')).toHaveAttribute('data-range', `${narrowed.from}..${narrowed.to}`);
});

test('in English (dark, large screen) the page says Schedule and keeps names', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page, server, { locale: 'en', theme: 'dark', route: '/agenda' });
  await settled(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Schedule');
  await expect(page.getByTestId('agenda-occupancy')).toContainText('Occupancy per day');
  expect(await page.locator('main').innerText()).not.toMatch(ID_PATTERN);
  await page.screenshot({ path: 'test-results/app/agenda-en-dark-1920.png' });
  await page.getByTestId('agenda-gaps').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/app/agenda-en-dark-1920-lists.png' });
});

test('the dashboard says what changed and each line opens the rows behind it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const r = await server.call<AlertsResult>('agenda.alerts', {});
  await openApp(page, server, { route: '/dashboard' });
  const card = page.getByTestId('dash-alerts');
  await expect(card.getByRole('heading')).toHaveText('O que mudou');
  if (r.alerts.length === 0) {
    await expect(card).toContainText('Nada fora do comum');
    return;
  }
  await expect(card.locator('li')).toHaveCount(r.alerts.length);
  expect(await card.innerText()).not.toMatch(ID_PATTERN);
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/app/dashboard-alerts-pt-BR.png' });
  const overdue = r.alerts.findIndex((a) => a.kind === 'overdue_customers');
  const other = r.alerts.findIndex((a) => a.kind !== 'overdue_customers');
  if (other >= 0) {
    const a = r.alerts[other];
    await card.locator('li').nth(other).getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`#${a.link.path}`));
    await expect(page.locator(`[data-report="${a.link.path.split('/')[2]}"]`)).toBeVisible();
    if (a.link.query.employee) await expect(page).toHaveURL(new RegExp(`employee=${encodeURIComponent(a.link.query.employee)}`));
    await page.goBack();
  }
  if (overdue >= 0) {
    const list = await server.call<OverdueResult>('agenda.overdue', {});
    await card.locator('li').nth(overdue).getByRole('link').click();
    await expect(page).toHaveURL(/#\/agenda\?show=overdue/);
    const section = page.getByTestId('agenda-overdue');
    await expect(section.locator('tbody tr')).toHaveCount(list.rows.length);
    await expect(section.locator('tbody tr').first()).toContainText(list.rows[0].name ?? '');
    await expect(section).toBeInViewport();
  }
});

test.describe('a unit far below its usual week', () => {
  let weeks: PainelServer;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    // Centro took R$ 1.000 in each of the 8 weeks before the last 7 days and R$ 300 in them (dates relative to
    // today in São Paulo, so the rule sees the same weeks whenever this runs); Shopping kept its usual R$ 1.000.
    weeks = await startServer({
      prepare: async (dbPath) => {
        const { Engine } = await import('../../main/engine/engine');
        const engine = await Engine.open({ dbPath, log: () => undefined });
        try {
          await engine.db.run(`
            INSERT INTO locations VALUES ('L1', 'Centro', NULL, NULL, NULL), ('L2', 'Shopping', NULL, NULL, NULL);
            INSERT INTO sales (sale_id, source, kind, customer_id, location_id, employee_id, status, created_at, occurred_at,
              gross_amount, discount_amount, coupon_code, tax_amount, shipping_amount, total_amount)
            SELECT loc || '-' || w, 'salon', 'appointment', NULL, loc, NULL, 'completed', ts - INTERVAL 1 DAY, ts, amt, 0, NULL, 0, 0, amt
            FROM (SELECT loc, w, timezone('America/Sao_Paulo', CAST(CAST(timezone('America/Sao_Paulo', now()) AS DATE) - CAST(1 + 7 * w AS INTEGER) AS TIMESTAMP) + INTERVAL 10 HOUR) AS ts,
                CAST(CASE WHEN w = 0 AND loc = 'L1' THEN 300 ELSE 1000 END AS DECIMAL(18,2)) AS amt
              FROM (VALUES ('L1'), ('L2')) l(loc), range(0, 9) r(w));`);
        } finally {
          await engine.close();
        }
      },
    });
  });
  test.afterAll(async () => weeks?.stop());

  test('the alert names the unit and its link opens its weekly sales with the unit chosen', async ({ page }) => {
    const r = await weeks.call<AlertsResult>('agenda.alerts', {});
    expect(r.alerts.map((a) => [a.kind, a.subjectName, a.value, a.usual])).toEqual([['unit_week', 'Centro', '300.00', '1000.00']]);
    await openApp(page, weeks, { route: '/dashboard' });
    const line = page.getByTestId('dash-alerts').locator('li');
    await expect(line).toHaveCount(1);
    await expect(line).toContainText('Centro faturou R$ 300,00 nos últimos 7 dias, 70% abaixo da sua semana habitual (R$ 1.000,00).');
    await line.getByRole('link').click();
    await expect(page).toHaveURL(/#\/reports\/sales-summary\?param\.granularity=week$/);
    await expect(page.locator('[data-report="sales-summary"]')).toBeVisible();
    await expect(page.locator('#location-filter')).toHaveValue('L1');
  });
});
