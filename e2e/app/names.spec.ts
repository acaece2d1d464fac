// The owner reads names, never codes: every main page of the small demo, in pt-BR, walked as she would (dashboard,
// every report's first table, customers and a Customer 360, segments and their members, forecast, closing, import,
// sync and settings forms), fails on any internal id (`salon:100652`), snake_case column name or English enum value
// in the visible text. A few pages are also checked and photographed in English (test-results/app/names-*.png).
import { expect, test, type Page } from '@playwright/test';
import type { ReportMeta } from '../../shared/reports';
import { openApp, startDemoServer, type PainelServer } from './appServer';

let server: PainelServer;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startDemoServer();
});
test.afterAll(async () => server?.stop());

/** An id as sources write them: a source prefix, a colon, the source's own key. */
const ID = /\b[a-z]+:[A-Za-z0-9_-]+\b/;
/** A column or code name (total_spent, phone_e164, credit_card). */
const SNAKE = /\b[a-z]+(_[a-z0-9]+)+\b/;
/** Codes of the closed lists that differ from their Portuguese words, as stored (lower case). */
const ENGLISH = /\b(booked|confirmed|completed|cancelled|appointment|credit|debit|wallet|voucher|refund|earned|redeemed|expired|adjusted|sent|delivered|opened|clicked|converted|service|product|champions|loyal|promising|hibernating|lost|active|recent|dormant|inactive|high|medium|low|unpaid|partial|salon|woo|seasonal|birthdays|vip)\b/;

/** The page's visible words, without what people type themselves (e-mail addresses, file paths, web addresses). */
async function visibleText(page: Page): Promise<string> {
  const text = await page.locator('#main-content').innerText();
  return text
    .replace(/\S+@\S+/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/(\/[\w.-]+){2,}/g, ' ');
}

async function settle(page: Page): Promise<void> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.locator('.dt-placeholder')).toHaveCount(0, { timeout: 15_000 });
}

async function check(page: Page, where: string, english = true): Promise<void> {
  await settle(page);
  const text = await visibleText(page);
  const hit = (re: RegExp) => {
    const m = re.exec(text);
    return m ? `${m[0]} in “…${text.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, ' ')}…”` : null;
  };
  expect(hit(ID), `${where}: internal id`).toBeNull();
  expect(hit(SNAKE), `${where}: column name`).toBeNull();
  if (english) expect(hit(ENGLISH), `${where}: English code`).toBeNull();
}

async function go(page: Page, route: string): Promise<void> {
  await page.goto(`${server.origin}/#${route}`);
  await expect(page.locator('#main-content h1').first()).toBeVisible();
}

test('pt-BR pages show names and words, never ids, column names or English codes', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page, server, { route: '/dashboard' });
  await expect(page.getByTestId('kpi-gross_revenue')).not.toHaveAttribute('data-value', '');
  await check(page, 'dashboard');

  const reports = await server.call<ReportMeta[]>('reports.list');
  for (const r of reports) {
    await go(page, `/reports/${r.id}`);
    await expect(page.getByTestId('row-total').or(page.getByTestId('not-yet').first())).toBeVisible();
    await expect(page.getByTestId('row-total').or(page.getByTestId('not-yet').first())).not.toHaveAttribute('data-total', '');
    if (r.formula) await expect(page.getByTestId('report-formula')).toContainText('Como é calculado');
    await check(page, `report ${r.id}`);
  }
  // The online unit and sales without a professional are said in words.
  await go(page, '/reports/sales-by-location');
  await expect(page.locator('.dt-body')).toContainText('Online');
  await go(page, '/reports/sales-by-channel');
  await expect(page.locator('.dt-body')).toContainText('Loja online');

  // A day of sales and one sale's lines: customers, units, professionals and items by name.
  await go(page, '/reports/sales-summary');
  await page.locator('.dt-body [role="row"]').first().click();
  await expect(page).toHaveURL(/#\/sales\?day=/);
  await expect(page.getByTestId('row-total')).not.toHaveAttribute('data-total', '');
  await check(page, 'a day of sales');
  await page.locator('.dt-body [role="row"]').first().click();
  await expect(page).toHaveURL(/#\/sales\?sale=/);
  await expect(page.locator('#main-content h1')).toContainText('Venda de');
  await expect(page.getByRole('table', { name: 'Itens da venda' })).toBeVisible();
  await check(page, 'a sale and its lines');

  await go(page, '/customers');
  await check(page, 'customers');
  await page.locator('.dt-body [role="row"]').first().click();
  await expect(page.getByTestId('customer-360')).toBeVisible();
  await expect(page.getByTestId('c360-timeline')).toBeVisible();
  await check(page, 'customer 360');

  await go(page, '/segments');
  await page.getByRole('button', { name: 'Ver membros' }).first().click();
  const members = page.getByTestId('segment-members');
  await expect(members).toBeVisible();
  await expect(members.getByTestId('row-total')).not.toHaveAttribute('data-total', '');
  await expect(members.getByRole('columnheader', { name: /WhatsApp/ })).toBeVisible();
  await check(page, 'segments and members');

  for (const route of ['/forecast', '/closing', '/import', '/settings']) {
    await go(page, route);
    await check(page, route);
  }
  await go(page, '/sync');
  const bling = page.getByTestId('source-bling');
  await bling.getByRole('button', { name: 'Configurar' }).click();
  await expect(bling).toContainText('ID do aplicativo (Client ID)');
  await expect(bling).toContainText('Token de renovação');
  await check(page, 'sync with the Bling form open');
  await page.screenshot({ path: 'test-results/app/names-sync-pt-BR.png', fullPage: true });
});

test('English pages name things too (and are photographed)', async ({ page }) => {
  test.setTimeout(60_000);
  await openApp(page, server, { route: '/reports/sales-by-location', locale: 'en' });
  await expect(page.getByTestId('row-total')).not.toHaveAttribute('data-total', '');
  await expect(page.locator('.dt-body')).toContainText('Online');
  await check(page, 'en sales by location', false);
  await page.screenshot({ path: 'test-results/app/names-location-en.png', fullPage: true });
  await go(page, '/reports/staff-performance');
  await expect(page.locator('.dt-body')).toContainText('No professional');
  await check(page, 'en staff performance', false);
  await go(page, '/customers');
  await page.locator('.dt-body [role="row"]').first().click();
  await expect(page.getByTestId('c360-timeline')).toBeVisible();
  await check(page, 'en customer 360', false);
  await page.screenshot({ path: 'test-results/app/names-c360-en.png', fullPage: true });
});
