// The app at size: the dashboard paints from a cold start and every report switch shows rows on the medium demo
// dataset, and (with PAINEL_E2E_PERF=1) sort / filter / search round trips answer on a 10-million-row table.
// Timings are printed for reading; the figures that count are benchmarks (bench/cases/browser.ts, foundation.ts).
import { expect, test, type Page } from '@playwright/test';
import { startServer, type PainelServer } from '../support/server';
import { makeBigTable } from '../support/bigTable';

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

const summary = (name: string, v: number[]) => `${name}: median ${Math.round(pct(v, 50))} ms, p95 ${Math.round(pct(v, 95))} ms (n=${v.length})`;

test.describe('medium demo', () => {
  let server: PainelServer;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = await startServer({
      prepare: async (dbPath) => {
        const { Engine } = await import('../../main/engine/engine');
        const { generateDemo } = await import('../../main/demo/generateDemo');
        const engine = await Engine.open({ dbPath, log: () => undefined });
        try {
          await generateDemo(engine.db, { preset: 'medium' });
        } finally {
          engine.close();
        }
      },
    });
  });
  test.afterAll(async () => server?.stop());

  test('cold start to the dashboard painted, and report switches', async ({ browser }) => {
    test.setTimeout(180_000);
    const cold: number[] = [];
    for (let i = 0; i < 3; i++) {
      // A fresh browser context each time: no cache, no stored state.
      const context = await browser.newContext();
      const page = await context.newPage();
      const t0 = Date.now();
      await page.goto(`${server.origin}/#token=${server.token}`);
      await expect(page.getByTestId('kpi-gross_revenue')).not.toHaveAttribute('data-value', '', { timeout: 20_000 });
      cold.push(Date.now() - t0);
      await context.close();
    }
    console.log(summary('cold start to dashboard painted', cold));

    const page = await browser.newPage();
    await page.goto(`${server.origin}/#token=${server.token}`);
    await page.goto(`${server.origin}/#/reports/sales-summary`);
    await expect(page.getByTestId('row-total')).not.toHaveAttribute('data-total', '');
    const targets = ['sales-by-item', 'payment-methods', 'staff-performance', 'peak-hours', 'financial-summary', 'refunds', 'sales-summary', 'customer-profiles', 'appointments-summary', 'discounts-coupons'];
    const switches: number[] = [];
    for (const id of targets) {
      // Measured in the page: from the route change to the new report's first rows on screen.
      const ms = await page.evaluate(
        (report) =>
          new Promise<number>((resolve, reject) => {
            const t0 = performance.now();
            const timer = setTimeout(() => reject(new Error(`${report} did not show rows within 30 s`)), 30_000);
            const done = () => {
              const table = document.querySelector(`[data-report="${report}"] [role="table"][data-state="ready"]`);
              const row = table?.querySelector('.dt-body [role="row"]:not(.dt-placeholder)');
              if (!row) return false;
              obs.disconnect();
              clearTimeout(timer);
              resolve(performance.now() - t0);
              return true;
            };
            const obs = new MutationObserver(done);
            obs.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'class'] });
            location.hash = `#/reports/${report}`;
          }),
        id,
      );
      switches.push(ms);
    }
    console.log(summary('report switch (table rows on screen)', switches));
    await page.close();
  });
});

// Building 10M rows and timing dozens of round trips takes minutes: run with PAINEL_E2E_PERF=1.
test.describe('10 million rows', () => {
  test.skip(!process.env.PAINEL_E2E_PERF, 'set PAINEL_E2E_PERF=1 to time round trips on 10M rows');
  let server: PainelServer;
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    server = await startServer({ prepare: (db) => makeBigTable(db) });
  });
  test.afterAll(async () => server?.stop());

  /** Runs an action and answers the time until the table shows the new result, measured in the page. */
  async function roundTrip(page: Page, act: () => Promise<void>): Promise<number> {
    const measured = page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const el = document.querySelector<HTMLElement>('[role="table"]');
          if (!el) return reject(new Error('no table'));
          const t0 = performance.now();
          let sawLoading = false;
          const timer = setTimeout(() => reject(new Error('no new result within 30 s')), 30_000);
          const obs = new MutationObserver(() => {
            if (el.dataset.state === 'loading') sawLoading = true;
            else if (sawLoading && el.dataset.state === 'ready') {
              obs.disconnect();
              clearTimeout(timer);
              resolve(performance.now() - t0);
            }
          });
          obs.observe(el, { attributes: true, attributeFilter: ['data-state'] });
        }),
    );
    await act();
    return measured;
  }

  test('sort, filter and search round trips on a 10M-row table', async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto(`${server.origin}/#token=${server.token}`);
    await page.goto(`${server.origin}/#/tables`);
    await page.getByLabel('Tabelas internas', { exact: true }).check();
    await page.getByLabel('Tabela', { exact: true }).selectOption('big_rows');
    const total = page.getByTestId('row-total');
    await expect(total).toHaveAttribute('data-total', '10000000', { timeout: 30_000 });
    const table = page.getByRole('table');
    const ready = () => expect(table).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
    const header = page.getByRole('button', { name: 'amount' });
    const sorts: number[] = [];
    const filters: number[] = [];
    const searches: number[] = [];
    const filter = page.getByLabel('Filtrar amount');
    const search = page.getByLabel('Buscar', { exact: true });
    const cities = ['Recife', 'Belém', 'Curitiba', 'Maceió', 'Goiânia', 'Florianópolis', 'São Paulo'];
    for (let i = 0; i < 6; i++) {
      // Ascending, then descending (a third click would clear the sort).
      sorts.push(await roundTrip(page, () => header.click()));
      sorts.push(await roundTrip(page, () => header.click()));
      // Enter applies a filter or search at once (typing alone waits for a pause).
      filters.push(await roundTrip(page, async () => {
        await filter.fill(`> ${100 + i * 97}`);
        await filter.press('Enter');
      }));
      searches.push(await roundTrip(page, async () => {
        await search.fill(cities[i % cities.length]);
        await search.press('Enter');
      }));
      await roundTrip(page, async () => {
        await search.fill('');
        await search.press('Enter');
      });
      await roundTrip(page, async () => {
        await filter.fill('');
        await filter.press('Enter');
      });
      await roundTrip(page, () => header.click());
      await ready();
    }
    console.log(summary('10M rows: sort round trip', sorts));
    console.log(summary('10M rows: column filter round trip', filters));
    console.log(summary('10M rows: search round trip', searches));
    // Scrolling to the middle fetches only the pages around the viewport.
    await page.getByTestId('table-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    await expect(page.locator('.dt-body [role="row"]').nth(5)).not.toContainText('…', { timeout: 10_000 });
    const all = [...sorts, ...filters, ...searches];
    console.log(summary('10M rows: all round trips', all));
    // The 300 ms p95 target is the engine's, measured by the query.page-10M benchmark; printed here.
  });
});
