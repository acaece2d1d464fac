// Figures a salon owner and an accountant can trust, in pt-BR: the dashboard subtitle names exactly the window
// compared (the same days of last month, the same weekday last week), rates vary in p.p. with red for a rise of
// cancellations, "Todo o período" works, and the Fechamento page shows the last complete month and makes the PDF.
import { expect, test, type Page } from '@playwright/test';
import type { ClosingSummary } from '../../shared/api/export';
import type { DashboardResult } from '../../shared/reports';
import { openApp, startDemoServer, type PainelServer } from './appServer';
import { createFormatter } from '../../shared/format';

let server: PainelServer;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startDemoServer();
});
test.afterAll(async () => server?.stop());

const br = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

async function settle(page: Page): Promise<void> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
  await page.waitForTimeout(200);
}

test('the dashboard compares like for like and says which window', async ({ page }) => {
  await openApp(page, server, { route: '/dashboard' });
  await page.locator('#period-preset').selectOption('this_month');
  const month = await server.call<DashboardResult>('reports.dashboard', { period: { preset: 'this_month' } });
  const prev = month.previous!;
  // month-to-date against the same days of the previous month, never the whole month
  expect(prev.basis).toBe('same_days_previous_month');
  expect(Number(prev.to.slice(8))).toBeLessThanOrEqual(Number(month.period.to.slice(8)));
  const sub = page.getByTestId('dash-period');
  await expect(sub).toHaveAttribute('data-compared', `${prev.from}..${prev.to}`);
  await expect(sub).toContainText(`${br(month.period.from)} a ${br(month.period.to)} · comparado com ${br(prev.from)} a ${br(prev.to)} (mesmos dias do mês anterior)`);
  const gross = month.kpis.find((k) => k.id === 'gross_revenue')!;
  await expect(page.getByTestId('kpi-gross_revenue')).toHaveAttribute('data-value', String(gross.value));
  // rates in percentage points, a rise of cancellations in red
  const cancel = month.kpis.find((k) => k.id === 'cancellation_rate')!;
  const v = page.getByTestId('kpi-cancellation_rate').locator('.variation');
  if (cancel.variation !== null && Math.abs(cancel.variation) >= 0.0005) {
    await expect(v).toContainText('p.p.');
    await expect(v).toHaveAttribute('data-good', cancel.variation > 0 ? 'down' : 'up');
  }
  await settle(page);
  await page.screenshot({ path: 'test-results/app/figures-dashboard-month-pt-BR.png' });

  // One forecast: the trend chart states the same next-30-days total as the KPI card (forecastNext30).
  const fc = await server.call<{ total: number | null; from: string; to: string }>('analytics.forecastNext30', {});
  if (fc.total !== null) {
    const fmt = createFormatter({ locale: 'pt-BR' });
    const card = page.getByTestId('kpi-forecast_next_30_days');
    await expect(card).not.toHaveAttribute('data-value', '');
    expect(Number(await card.getAttribute('data-value'))).toBeCloseTo(fc.total, 2);
    await expect(page.getByTestId('dash-trend').locator('.chart-summary')).toContainText(
      `Previsão dos próximos 30 dias (${fmt.dateShort(fc.from)} a ${fmt.dateShort(fc.to)}): ${fmt.money(fc.total)}`,
    );
  }

  await page.locator('#period-preset').selectOption('today');
  const day = await server.call<DashboardResult>('reports.dashboard', { period: { preset: 'today' } });
  await expect(sub).toHaveAttribute('data-compared', `${day.previous!.from}..${day.previous!.to}`);
  await expect(sub).toContainText('(mesmo dia da semana passada)');

  await page.locator('#period-compare').selectOption('last_year');
  await page.locator('#period-preset').selectOption('this_month');
  if (month.lastYear) await expect(sub).toContainText(`comparado com ${br(month.lastYear.from)} a ${br(month.lastYear.to)}`);

  // all time: no error, one sparkline point per month
  await page.locator('#period-preset').selectOption('all');
  await expect(sub).toContainText('Todo o período');
  await expect(page.locator('.note-error')).toHaveCount(0);
  await expect(page.getByTestId('kpi-gross_revenue')).not.toHaveAttribute('data-value', '');
  await settle(page);
  await page.screenshot({ path: 'test-results/app/figures-dashboard-all-pt-BR.png' });
});

test('Fechamento: the last complete month, its statement, and the PDF from the app', async ({ page }) => {
  test.setTimeout(120_000);
  const summary = await server.call<ClosingSummary>('export.closingSummary', {});
  await openApp(page, server, { route: '/closing' });
  const pg = page.getByTestId('closing-page');
  await expect(pg).toHaveAttribute('data-month', summary.month);
  await expect(page.locator('#closing-month')).toHaveValue(summary.month);
  await expect(page.getByRole('heading', { name: 'Fechamento mensal' })).toBeVisible();
  const net = summary.sections.find((s) => s.id === 'deductions')!.lines.find((l) => l.kind === 'result')!;
  const text = createFormatter({ locale: 'pt-BR' }).money(net.value);
  await expect(page.getByTestId('closing-deductions')).toContainText(text);
  await expect(page.getByTestId('closing-reconciliation')).toContainText('Saldo em aberto no fim do mês');
  await settle(page);
  await page.screenshot({ path: 'test-results/app/figures-closing-pt-BR.png', fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Gerar PDF' }).click();
  await expect(page.getByTestId('export-status')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  expect((await download).suggestedFilename()).toBe(`fechamento-${summary.month}.pdf`);

  // another month from the picker
  const [y, m] = summary.month.split('-').map(Number);
  const before = new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
  await page.locator('#closing-month').fill(before);
  await expect(pg).toHaveAttribute('data-month', before);

  // from a financial report
  await page.goto(`${server.origin}/#/reports/financial-summary`);
  const link = page.getByTestId('open-closing');
  await expect(link).toHaveAttribute('href', /month=\d{4}-\d{2}/);
  await link.click();
  await expect(page).toHaveURL(/#\/closing\?month=\d{4}-\d{2}/);
  await expect(page.getByTestId('closing-page')).toBeVisible();
});
