// The owner's screens at a 1280x720 laptop and a 1920x1080 screen, in pt-BR and en, light and dark: screenshots
// of the dashboard, the agenda, a segment's contact list and a report (test artifacts, for a person to look at) and
// the layout facts behind them: headline KPIs and the trend above the fold, a one-line top bar, no sideways
// scrolling, the report's table near the top; plus printing (PDF read back with pdftotext, page 1 as an image)
// and the KPI help on hover and keyboard focus. One demo database and one browser for the whole file.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { createFormatter } from '../../shared/format';
import { openApp, startDemoServer, type PainelServer } from './appServer';

let server: PainelServer;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startDemoServer();
});
test.afterAll(async () => server?.stop());

type Locale = 'pt-BR' | 'en';
type Theme = 'light' | 'dark';
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

async function settle(page: Page): Promise<void> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.locator('.chart-placeholder')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.locator('.dt-placeholder')).toHaveCount(0, { timeout: 20_000 });
  // ECharts animates its first draw
  await page.waitForTimeout(700);
}

async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await info.attach(name, { path, contentType: 'image/png' });
}

/** Facts every screen keeps: the top bar is one line (every control on its middle line) and nothing scrolls sideways. */
async function expectSoundLayout(page: Page, where: string): Promise<void> {
  const facts = await page.evaluate(() => {
    const bar = document.querySelector('.topbar')!.getBoundingClientRect();
    const middle = bar.top + bar.height / 2;
    const controls = [...document.querySelectorAll('.topbar select, .topbar input, .topbar .badge, .topbar button')]
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.width > 0);
    const content = document.querySelector('.content') as HTMLElement;
    return {
      barHeight: bar.height,
      offLine: controls.filter((r) => r.top > middle || r.bottom < middle).length,
      controls: controls.length,
      pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
      contentOverflow: content.scrollWidth - content.clientWidth,
    };
  });
  expect(facts.controls, where).toBeGreaterThanOrEqual(3);
  expect(facts.offLine, `${where}: top bar controls off its line`).toBe(0);
  expect(facts.barHeight, `${where}: top bar height`).toBeLessThanOrEqual(56);
  expect(facts.pageOverflow, `${where}: page wider than the window`).toBeLessThanOrEqual(0);
  expect(facts.contentOverflow, `${where}: content scrolls sideways`).toBeLessThanOrEqual(0);
}

const bottomOf = (page: Page, selector: string) => page.locator(selector).first().evaluate((e) => e.getBoundingClientRect().bottom);
const topOf = (page: Page, selector: string) => page.locator(selector).first().evaluate((e) => e.getBoundingClientRect().top);

async function dashboard(page: Page, info: TestInfo, tag: string, fold: number | null): Promise<void> {
  await page.goto(`${server.origin}/#/dashboard`);
  await expect(page.getByTestId('kpi-net_revenue')).not.toHaveAttribute('data-value', '');
  await expect(page.getByTestId('dash-trend').locator('canvas').first()).toBeVisible();
  await settle(page);
  await expectSoundLayout(page, `dashboard ${tag}`);
  if (fold !== null) {
    await expect(page.getByTestId('kpi-headline').locator('.kpi-card')).toHaveCount(4);
    expect(await bottomOf(page, '[data-testid="kpi-headline"]'), 'headline KPIs above the fold').toBeLessThanOrEqual(fold);
    expect(await bottomOf(page, '[data-testid="dash-trend"]'), 'trend chart above the fold').toBeLessThanOrEqual(fold);
  }
  await shot(page, info, `dashboard-${tag}`);
}

async function report(page: Page, info: TestInfo, tag: string, laptop: boolean): Promise<void> {
  await page.goto(`${server.origin}/#/reports/sales-summary`);
  await expect(page.getByTestId('report-chart').locator('canvas').first()).toBeVisible();
  await expect(page.getByTestId('row-total')).not.toHaveAttribute('data-total', '');
  await settle(page);
  await expectSoundLayout(page, `report ${tag}`);
  // the table's header starts in the upper part of the window, its first rows on screen
  const head = await topOf(page, '.dt-head');
  expect(head, 'report table header').toBeLessThanOrEqual(page.viewportSize()!.height * (laptop ? 0.58 : 0.5));
  await expect(page.locator('.dt-body [role="row"]').nth(3)).toBeInViewport();
  await shot(page, info, `report-${tag}`);
}

async function agenda(page: Page, info: TestInfo, tag: string): Promise<void> {
  if (!(await page.locator('.sidebar a[href="#/agenda"]').count())) return;
  await page.goto(`${server.origin}/#/agenda`);
  await expect(page.locator('h1')).toBeVisible();
  await settle(page);
  await expectSoundLayout(page, `agenda ${tag}`);
  await shot(page, info, `agenda-${tag}`);
}

/** A segment's contact list: the contact lists page where it exists, else the member list opened from its card. */
async function contacts(page: Page, info: TestInfo, tag: string): Promise<void> {
  if (await page.locator('.sidebar a[href="#/contacts"]').count()) {
    await page.goto(`${server.origin}/#/contacts`);
    await expect(page.getByTestId('contact-summary')).toBeVisible();
    await expect(page.getByTestId('contact-row').first()).toBeVisible();
  } else {
    await page.goto(`${server.origin}/#/segments`);
    await page.locator('.segment-card button').first().click();
    await expect(page.getByTestId('segment-members')).toBeInViewport();
    await expect(page.getByTestId('row-total').last()).not.toHaveAttribute('data-total', '');
  }
  await settle(page);
  await expectSoundLayout(page, `contacts ${tag}`);
  await shot(page, info, `contacts-${tag}`);
}

for (const locale of ['pt-BR', 'en'] as Locale[]) {
  for (const theme of ['light', 'dark'] as Theme[]) {
    test(`screens at 1280x720 and 1920x1080 (${locale}, ${theme})`, async ({ page }, info) => {
      test.setTimeout(120_000);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        if (size === SIZES[0]) await openApp(page, server, { locale, theme, route: '/dashboard' });
        const tag = `${size.width}x${size.height}-${locale}-${theme}`;
        const laptop = size.width === 1280;
        await dashboard(page, info, tag, laptop ? size.height : null);
        await agenda(page, info, tag);
        await contacts(page, info, tag);
        await report(page, info, tag, laptop);
      }
    });
  }
}

test('the top bar stays one line at 1024 wide, with a custom period too', async ({ page }, info) => {
  await page.setViewportSize({ width: 1024, height: 720 });
  await openApp(page, server, { locale: 'pt-BR', route: '/dashboard' });
  await expect(page.getByTestId('kpi-net_revenue')).not.toHaveAttribute('data-value', '');
  await expectSoundLayout(page, 'dashboard 1024');
  await page.locator('#period-preset').selectOption('custom');
  await expect(page.locator('#period-from')).toBeVisible();
  await expectSoundLayout(page, 'dashboard 1024 custom period');
  await shot(page, info, 'dashboard-1024x720-custom-period');
  await page.goto(`${server.origin}/#/reports/sales-summary`);
  await expect(page.getByTestId('row-total')).not.toHaveAttribute('data-total', '');
  await expectSoundLayout(page, 'report 1024 custom period');
});

test('each KPI explains itself on hover and on keyboard focus, inside the window', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, server, { locale: 'pt-BR', route: '/dashboard' });
  const dash = await server.call<{ kpis: { id: string; help: Record<Locale, string> }[] }>('reports.dashboard', { period: { preset: 'last_30_days' } });
  const ticket = dash.kpis.find((k) => k.id === 'average_ticket')!;
  const card = page.getByTestId('kpi-average_ticket');
  const help = page.getByTestId('kpi-help-average_ticket');
  await expect(help).toBeHidden();
  await card.hover();
  await expect(help).toBeVisible();
  await expect(help).toHaveText(ticket.help['pt-BR']);
  await expect(card).toHaveAccessibleDescription(ticket.help['pt-BR']);
  await page.mouse.move(5, 700);
  await expect(help).toBeHidden();
  // keyboard: focus the card as Tab would, read the help, Escape closes it
  await card.focus();
  await expect(help).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  // a card near the window's bottom opens its help above itself, so it is never cut off
  const low = page.getByTestId('kpi-grid').locator('.kpi-card').last();
  await low.scrollIntoViewIfNeeded();
  await low.hover();
  const lowHelp = low.locator('[role="tooltip"]');
  await expect(lowHelp).toBeVisible();
  await expect(lowHelp).toBeInViewport({ ratio: 1 });
});

test('report headers read whole, and "no rows" shows above the totals row', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, server, { locale: 'pt-BR', route: '/reports/occupancy' });
  await expect(page.getByTestId('row-total')).not.toHaveAttribute('data-total', '');
  // every header: its full name on hover, and its text not cut by an ellipsis at the default width
  const heads = await page.locator('.dt-sort').evaluateAll((els) =>
    els.map((e) => {
      const label = e.querySelector('.dt-th-label') as HTMLElement;
      return { title: e.getAttribute('title'), text: label.textContent, cut: label.scrollHeight > label.clientHeight + 1 || label.scrollWidth > label.clientWidth + 1 };
    }),
  );
  expect(heads.length).toBeGreaterThan(2);
  for (const h of heads) {
    expect(h.title).toBe(h.text);
    expect(h.cut, `header "${h.text}" is cut`).toBe(false);
  }
  await page.locator('#report-search').fill('nada-corresponde-a-isto');
  await page.locator('#report-search').press('Enter');
  await expect(page.getByTestId('row-total')).toHaveAttribute('data-total', '0');
  const empty = page.getByTestId('table-empty');
  await expect(empty).toBeVisible();
  const [msg, totals] = await Promise.all([empty.boundingBox(), page.getByTestId('totals-row').boundingBox()]);
  expect(msg!.y + msg!.height, 'the message ends above the totals row').toBeLessThanOrEqual(totals!.y + 0.5);
});

test('the chart folds away and the table moves up; the choice is kept', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, server, { locale: 'en', route: '/reports/sales-summary' });
  await expect(page.getByTestId('report-chart').locator('canvas').first()).toBeVisible();
  const before = await topOf(page, '.dt-head');
  await page.getByTestId('chart-toggle').click();
  await expect(page.getByTestId('chart-toggle')).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('report-chart').locator('canvas')).toHaveCount(0);
  const after = await topOf(page, '.dt-head');
  expect(after).toBeLessThan(before - 60);
  expect(after).toBeLessThanOrEqual(330);
  await page.reload();
  await expect(page.getByTestId('chart-toggle')).toHaveAttribute('aria-expanded', 'false');
  await page.getByTestId('chart-toggle').click();
  await expect(page.getByTestId('report-chart').locator('canvas').first()).toBeVisible();
});

test('menus and panels open inside the window', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, server, { locale: 'pt-BR', route: '/reports/sales-by-item' });
  await expect(page.getByTestId('row-total')).not.toHaveAttribute('data-total', '');
  // the columns menu sits in the table's toolbar, low on a laptop: its list fits the room left (or opens upwards)
  await page.getByRole('button', { name: /^Colunas/ }).click();
  const menu = page.getByRole('group', { name: 'Colunas' });
  await expect(menu).toBeVisible();
  await expect(menu).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /Exportar/ }).click();
  await expect(page.getByRole('menu')).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('Escape');
  // a segment's member list opens under the cards and comes to the top of the window
  await page.goto(`${server.origin}/#/segments`);
  const cards = page.locator('.segment-card');
  await expect(cards.first()).toBeVisible();
  await cards.last().locator('button').first().click();
  const list = page.getByTestId('segment-members');
  await expect(list).toBeVisible();
  await expect.poll(() => list.evaluate((e) => Math.round(e.getBoundingClientRect().top))).toBeLessThan(120);
});

function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

/** Page 1 of the PDF as a PNG beside it (attached for a person to look at). */
async function pdfImage(info: TestInfo, path: string, name: string): Promise<void> {
  const prefix = info.outputPath(name);
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', path, prefix]);
  expect(readFileSync(`${prefix}.png`).length).toBeGreaterThan(10_000);
  await info.attach(`${name}.png`, { path: `${prefix}.png`, contentType: 'image/png' });
}

test('printing a report gives its title, filters as text, chart and table only; the dashboard prints cleanly', async ({ page }, info) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, server, { locale: 'pt-BR', theme: 'dark', route: '/reports/sales-summary' });
  await expect(page.getByTestId('report-chart').locator('canvas').first()).toBeVisible();
  await expect(page.getByTestId('row-total')).not.toHaveAttribute('data-total', '');
  await page.locator('#param-granularity').selectOption('week');
  await expect(page.getByTestId('row-total')).not.toHaveAttribute('data-total', '');
  await settle(page);
  const totals = await server.call<{ values: Record<string, string | number | null> }>('reports.totals', { report: 'sales-summary', period: { preset: 'last_30_days' }, params: { granularity: 'week' } });
  const net = createFormatter({ locale: 'pt-BR' }).money(totals.values.net);

  const reportPdf = info.outputPath('report.pdf');
  writeFileSync(reportPdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const text = pdfText(reportPdf);
  for (const present of ['Resumo de vendas', 'Filtros:', 'Período:', 'Agrupar por: Semana', 'Unidade: Todas as unidades', 'Líquido vs comparação', 'Totais', net.replace(/\s/g, ' ')]) {
    expect(text.replace(/\s+/g, ' '), `"${present}" printed`).toContain(present.replace(/\s+/g, ' '));
  }
  // no sidebar, top bar, buttons or table toolbar
  for (const absent of ['Configurações', 'Sincronização', 'Exportar', 'Ocultar gráfico', 'Comparar com', 'Buscar', 'Colunas', 'nunca sincronizado']) {
    expect(text, `"${absent}" not printed`).not.toContain(absent);
  }
  await pdfImage(info, reportPdf, 'report-print');

  // a long report prints its first 200 rows and says how many the export holds
  await page.goto(`${server.origin}/#/reports/customer-profiles`);
  const total = page.getByTestId('row-total');
  await expect(total).not.toHaveAttribute('data-total', '');
  const rows = Number(await total.getAttribute('data-total'));
  expect(rows).toBeGreaterThan(200);
  await expect(page.getByTestId('print-table').locator('tbody tr')).toHaveCount(200);
  const longPdf = info.outputPath('long-report.pdf');
  writeFileSync(longPdf, await page.pdf({ preferCSSPageSize: true }));
  const longText = pdfText(longPdf).replace(/\s+/g, ' ');
  expect(longText).toContain(`Impressas as primeiras 200 de ${new Intl.NumberFormat('pt-BR').format(rows)} linhas`);

  await page.goto(`${server.origin}/#/dashboard`);
  await expect(page.getByTestId('dash-trend').locator('canvas').first()).toBeVisible();
  await settle(page);
  const dashPdf = info.outputPath('dashboard.pdf');
  writeFileSync(dashPdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const dashText = pdfText(dashPdf);
  for (const present of ['Painel', 'Receita líquida', 'Ticket médio', 'Taxa de faltas', 'Receita líquida por dia']) expect(dashText).toContain(present);
  for (const absent of ['Configurações', 'Importar', 'nunca sincronizado', 'Quanto cada venda concluída']) expect(dashText).not.toContain(absent);
  await pdfImage(info, dashPdf, 'dashboard-print');
});
