// The owner reads names, never codes: every main page of the small demo, in pt-BR, walked as she would (dashboard,
// every report's first table, customers and a Customer 360, segments and their members, forecast, closing, import,
// sync and settings forms, the Tables page on every canonical table), fails on any internal id (`salon:100652`),
// snake_case column name or English enum value in the visible text; an id column of the Tables page shows the ids
// themselves (they are the data), so only its header is read. A few pages are also checked and photographed in
// English (test-results/app/names-*.png).
import { expect, test, type Page } from '@playwright/test';
import type { ReportMeta } from '../../shared/reports';
import { CANONICAL_TABLES, modelTable } from '../../shared/model';
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
  // The Tables page's id cells (marked dt-key) hold the stored ids on purpose: left out of the reading.
  const text = await page.locator('#main-content').evaluate((el) => {
    const hide = document.createElement('style');
    hide.textContent = '.dt-key { display: none !important; }';
    document.head.appendChild(hide);
    const out = (el as HTMLElement).innerText;
    hide.remove();
    return out;
  });
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

/** Walks the Tables page over every canonical table: only the model's tables are listed, each read in words. */
async function walkTables(page: Page, locale: 'pt-BR' | 'en'): Promise<void> {
  const en = locale === 'en';
  const select = page.getByLabel(en ? 'Table' : 'Tabela', { exact: true });
  await expect(select.locator('option')).toHaveText(CANONICAL_TABLES.map((t) => modelTable(t).label[locale]));
  for (const name of CANONICAL_TABLES) {
    await select.selectOption(name);
    await expect(page.getByRole('table', { name: new RegExp(modelTable(name).label[locale]) })).toBeVisible();
    await expect(page.getByTestId('row-total')).not.toHaveAttribute('data-total', '');
    await expect(page.getByTestId('row-total')).not.toHaveAttribute('data-total', '0');
    await check(page, `${locale} tables ${name}`, !en);
  }
}

test('the Tables page heads every canonical table in words and says its codes, in pt-BR and in English', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page, server, { route: '/tables' });
  await walkTables(page, 'pt-BR');
  const select = page.getByLabel('Tabela', { exact: true });
  await select.selectOption('sales');
  const body = page.locator('.dt-body');
  await expect(page.getByRole('columnheader', { name: 'Código da venda' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Data da venda' })).toBeVisible();
  await expect(body).toContainText('Concluído');
  await expect(body).toContainText('Atendimento');
  await expect(body).toContainText('R$');
  // The ids are there, as stored, under a header in words.
  await expect(body.locator('.dt-key').first()).toHaveText(/^[a-z]+:\S+$/);
  await page.screenshot({ path: 'test-results/app/names-tables-sales-pt-BR.png' });
  await select.selectOption('payments');
  await expect(page.getByRole('columnheader', { name: 'Data do pagamento' })).toBeVisible();
  await expect(body).toContainText(/Pix|Cartão de crédito|Dinheiro/);
  // A code column's filter takes the words: "cartão" keeps the card payments, whatever their stored code.
  await page.getByLabel('Filtrar Forma de pagamento').fill('cartão');
  await page.getByLabel('Filtrar Forma de pagamento').press('Enter');
  const cardsOnly = async () => {
    const shown = (await body.locator('[data-column="method"]').allInnerTexts()).filter((m) => m !== '…');
    return shown.length > 0 && shown.every((m) => /^Cartão de (crédito|débito)$/.test(m));
  };
  await expect.poll(cardsOnly, { timeout: 15_000 }).toBe(true);
  await page.getByLabel('Filtrar Forma de pagamento').fill('');
  await page.getByLabel('Filtrar Forma de pagamento').press('Enter');
  await select.selectOption('employees');
  await expect(body).toContainText('%');
  await page.screenshot({ path: 'test-results/app/names-tables-employees-pt-BR.png' });

  // Painel's internal tables are listed on request only, apart and by their own names.
  await page.getByLabel('Tabelas internas', { exact: true }).check();
  await expect(select.locator('optgroup[label="Tabelas internas do Painel"] option[value="import_log"]')).toHaveCount(1);
  await page.getByLabel('Tabelas internas', { exact: true }).uncheck();
  await expect(select.locator('option[value="import_log"]')).toHaveCount(0);

  await page.evaluate(() => {
    const ui = JSON.parse(localStorage.getItem('painel.ui') ?? '{}') as { state?: Record<string, unknown> };
    localStorage.setItem('painel.ui', JSON.stringify({ ...ui, state: { ...ui.state, locale: 'en' } }));
  });
  await page.reload();
  await walkTables(page, 'en');
  await page.getByLabel('Table', { exact: true }).selectOption('payments');
  await expect(page.getByRole('columnheader', { name: 'Payment date' })).toBeVisible();
  await expect(body).toContainText(/Credit card|Cash|Pix/);
  await page.getByLabel('Table', { exact: true }).selectOption('sales');
  await expect(body).toContainText('Completed');
  await page.screenshot({ path: 'test-results/app/names-tables-sales-en.png' });
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
