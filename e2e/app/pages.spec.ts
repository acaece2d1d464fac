// Every page and every report on the demo data: real numbers (the ones the engine answers), and a screenshot of
// each page in both locales and both themes under test-results/app/.
import { expect, test, type Page } from '@playwright/test';
import type { ReportMeta } from '../../shared/reports';
import { openApp, startDemoServer, type PainelServer } from './appServer';
import { startServer } from '../support/server';
import { createFormatter } from '../../shared/format';

let server: PainelServer;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startDemoServer();
});
test.afterAll(async () => server?.stop());

const PERIOD = { preset: 'last_30_days' } as const;

async function settle(page: Page): Promise<void> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.locator('.chart-placeholder')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.locator('.dt-placeholder')).toHaveCount(0, { timeout: 15_000 });
  await page.waitForTimeout(150);
}

test('the dashboard shows the engine KPIs of the period', async ({ page }) => {
  await openApp(page, server, { route: '/dashboard' });
  const dash = await server.call<{ kpis: { id: string; value: string | number | null; available: boolean }[] }>('reports.dashboard', { period: PERIOD });
  const gross = dash.kpis.find((k) => k.id === 'gross_revenue')!;
  expect(Number(gross.value)).toBeGreaterThan(0);
  const card = page.getByTestId('kpi-gross_revenue');
  await expect(card).toHaveAttribute('data-value', String(gross.value));
  const text = createFormatter({ locale: 'pt-BR' }).money(gross.value);
  await expect(card).toContainText(text);
  for (const k of dash.kpis.filter((x) => x.available)) await expect(page.getByTestId(`kpi-${k.id}`)).not.toContainText('Ainda não disponível');
  await expect(page.getByTestId('dash-trend').locator('canvas').first()).toBeVisible();
  await expect(page.getByTestId('dash-peak').locator('canvas').first()).toBeVisible();
  await expect(page.getByTestId('dash-top').locator('canvas').first()).toBeVisible();
});

test('every report renders the rows and totals the engine counts', async ({ page }) => {
  test.setTimeout(240_000);
  const reports = await server.call<ReportMeta[]>('reports.list');
  expect(reports.length).toBeGreaterThanOrEqual(18);
  await openApp(page, server, { route: '/reports' });
  await expect(page.locator('.catalogue-grid a')).toHaveCount(reports.length);
  const seen: string[] = [];
  for (const r of reports) {
    await page.goto(`${server.origin}/#/reports/${r.id}`);
    await expect(page.locator(`[data-report="${r.id}"] h1`)).toHaveText(r.title['pt-BR']);
    // Accounting reports (closing, commissions) open on the last whole month instead of a rolling window.
    const period = r.defaultPreset === 'last_month' ? { preset: 'last_month' } : PERIOD;
    const count = await server
      .call<{ total: number }>('reports.count', { report: r.id, period })
      .then((c) => c.total)
      .catch((e: Error) => e);
    if (count instanceof Error) {
      expect(count.message).toMatch(/NOT_READY/);
      await expect(page.getByTestId('not-yet').first()).toBeVisible();
      continue;
    }
    const total = page.getByTestId('row-total');
    await expect(total).toHaveAttribute('data-total', String(count));
    if (count > 0) {
      const first = page.locator('.dt-body [role="row"]').first();
      await expect(first).not.toHaveClass(/dt-placeholder/);
      await expect(first).not.toHaveText('');
      seen.push(r.id);
    }
  }
  // The demo data fills nearly every report in the last 30 days.
  expect(seen.length).toBeGreaterThanOrEqual(15);
});

const PAGES: { name: string; route: string; ready: (p: Page) => Promise<void> }[] = [
  { name: 'dashboard', route: '/dashboard', ready: async (p) => expect(p.getByTestId('kpi-gross_revenue')).not.toHaveAttribute('data-value', '') },
  { name: 'reports', route: '/reports', ready: async (p) => expect(p.locator('.catalogue-grid a').first()).toBeVisible() },
  { name: 'report-sales-summary', route: '/reports/sales-summary', ready: async (p) => expect(p.getByTestId('report-chart').locator('canvas').first()).toBeVisible() },
  { name: 'report-peak-hours', route: '/reports/peak-hours', ready: async (p) => expect(p.getByTestId('report-chart').locator('canvas').first()).toBeVisible() },
  { name: 'customers', route: '/customers', ready: async (p) => expect(p.getByTestId('row-total')).not.toHaveAttribute('data-total', '') },
  { name: 'segments', route: '/segments', ready: async (p) => expect(p.locator('h1')).toBeVisible() },
  { name: 'forecast', route: '/forecast', ready: async (p) => expect(p.locator('h1')).toBeVisible() },
  { name: 'marketplace', route: '/marketplace', ready: async (p) => expect(p.getByTestId('row-total')).not.toHaveAttribute('data-total', '') },
  { name: 'sync', route: '/sync', ready: async (p) => expect(p.locator('h1')).toBeVisible() },
  { name: 'settings', route: '/settings', ready: async (p) => expect(p.getByTestId('db-path')).toBeVisible() },
  { name: 'tables', route: '/tables', ready: async (p) => expect(p.getByTestId('row-total')).not.toHaveAttribute('data-total', '') },
];

for (const locale of ['pt-BR', 'en'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`screenshots of every page (${locale}, ${theme})`, async ({ page }) => {
      test.setTimeout(180_000);
      await openApp(page, server, { locale, theme, route: '/dashboard' });
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      for (const p of PAGES) {
        await page.goto(`${server.origin}/#${p.route}`);
        await p.ready(page);
        await settle(page);
        await page.screenshot({ path: `test-results/app/${p.name}-${locale}-${theme}.png` });
      }
      // Customer 360 of the first customer of the profiles report.
      await page.goto(`${server.origin}/#/customers`);
      const firstRow = page.locator('.dt-body [role="row"]').first();
      await expect(firstRow).not.toHaveClass(/dt-placeholder/);
      await firstRow.click();
      await expect(page).toHaveURL(/#\/customers\/.+/);
      await expect(page.getByTestId('customer-360').or(page.getByTestId('not-yet'))).toBeVisible();
      await settle(page);
      await page.screenshot({ path: `test-results/app/customer360-${locale}-${theme}.png` });
    });
  }
}

test('keyboard, labels, visible focus and chart summaries', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page, server, { route: '/dashboard' });
  await expect(page.getByTestId('kpi-gross_revenue')).not.toHaveAttribute('data-value', '');
  // The skip link is the first stop and moves focus to the page.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Pular para o conteúdo' })).toBeFocused();
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
  expect(outline).not.toBe('none');

  for (const route of ['/dashboard', '/reports/sales-summary', '/customers', '/segments', '/forecast', '/sync', '/settings', '/tables']) {
    await page.goto(`${server.origin}/#${route}`);
    await page.waitForTimeout(1500);
    const unlabelled = await page.evaluate(() => {
      const name = (el: Element): string => {
        const aria = el.getAttribute('aria-label') || el.getAttribute('title');
        if (aria) return aria;
        const by = el.getAttribute('aria-labelledby');
        if (by) return by.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
        const id = el.getAttribute('id');
        if (id) {
          const label = document.querySelector(`label[for="${id}"]`);
          if (label?.textContent?.trim()) return label.textContent;
        }
        if (el.closest('label')?.textContent?.trim()) return el.closest('label')!.textContent!;
        return el.tagName === 'BUTTON' || el.tagName === 'A' ? (el.textContent ?? '') : '';
      };
      return [...document.querySelectorAll('input, select, textarea, button, a[href]')]
        .filter((el) => (el as HTMLElement).offsetParent !== null && !name(el).trim())
        .map((el) => el.outerHTML.slice(0, 120));
    });
    expect(unlabelled, route).toEqual([]);
    // Every chart has a text summary.
    const charts = await page.locator('.echart-canvas').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    for (const c of charts) expect(c.length, route).toBeGreaterThan(20);
  }

  // Keyboard drill-down: focus a customer row and press Enter to open Customer 360.
  await page.goto(`${server.origin}/#/customers`);
  const row = page.locator('.dt-body [role="row"]').first();
  await expect(row).not.toHaveClass(/dt-placeholder/);
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/customers\/.+/);
  await expect(page.getByTestId('customer-360')).toBeVisible();
});

test('first start offers demo data, file import and sources', async ({ page }) => {
  const empty = await startServer();
  try {
    for (const locale of ['pt-BR', 'en'] as const) {
      await page.goto(`${empty.origin}/#token=${empty.token}`);
      await page.evaluate((l) => {
        localStorage.setItem('painel.ui', JSON.stringify({ state: { locale: l, theme: 'light' }, version: 1 }));
        location.hash = '#/dashboard';
      }, locale);
      await page.reload();
      await expect(page.getByTestId('first-start')).toBeVisible();
      await expect(page.getByRole('button', { name: locale === 'pt-BR' ? 'Carregar dados de demonstração' : 'Load demo data' })).toBeVisible();
      // The file chooser is a button in the app's words, never the browser's "Choose Files / No file chosen".
      await expect(page.getByRole('button', { name: locale === 'pt-BR' ? 'Escolher arquivos' : 'Choose files' })).toBeVisible();
      await expect(page.getByTestId('first-start')).toContainText(locale === 'pt-BR' ? 'Nenhum arquivo escolhido' : 'No file chosen');
      await page.screenshot({ path: `test-results/app/first-start-${locale}-light.png` });
    }
    // Import files (browser mode: uploaded, then imported as a job with progress).
    const csv = 'location_id,name,city,state\nloc-e2e,Unidade Teste,Recife,PE\n';
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose files' }).click();
    await (await chooser).setFiles({ name: 'locations.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    // A one-row file imports so fast that the dashboard may replace the first screen before its bar is seen.
    const locations = async () => (await empty.call<{ tables: { name: string; rows: number }[] }>('app.info')).tables.find((t) => t.name === 'locations')?.rows;
    await expect.poll(locations, { timeout: 30_000 }).toBe(1);
    // The database is no longer empty: the dashboard replaces the first-start page by itself.
    await expect(page.getByTestId('dashboard')).toBeVisible();
  } finally {
    await empty.stop();
  }
  // Load demo data: a job with a progress bar; when it ends the dashboard replaces the first-start page.
  const fresh = await startServer();
  try {
    await page.goto(`${fresh.origin}/#token=${fresh.token}`);
    await page.goto(`${fresh.origin}/#/dashboard`);
    await page.getByRole('button', { name: 'Carregar dados de demonstração' }).click();
    await expect(page.getByTestId('job-progress').first()).toBeVisible();
    await expect(page.getByTestId('kpi-gross_revenue')).not.toHaveAttribute('data-value', '', { timeout: 60_000 });
  } finally {
    await fresh.stop();
  }
});
