// Browser timings on a demo dataset (PAINEL_BENCH_PRESET, default medium), moved out of the end-to-end specs:
// cold start to the dashboard's KPIs painted (a fresh browser context each run), and a report switch (route
// change to the new report's first rows on screen, measured in the page). Needs the built app (electron-vite build).
import type { Browser } from '@playwright/test';
import type { BenchCase } from '../harness';
import { startServer, type PainelServer } from '../../e2e/support/server';
import type { DemoPreset } from '../../shared/api/demo';

const PRESET = (process.env.PAINEL_BENCH_PRESET ?? 'medium') as DemoPreset;
const REPORTS = ['sales-by-item', 'payment-methods', 'staff-performance', 'peak-hours', 'financial-summary', 'refunds', 'sales-summary', 'customer-profiles', 'appointments-summary', 'discounts-coupons'];

interface State {
  server: PainelServer;
  browser: Browser;
}

let shared: Promise<State> | null = null;
function state(): Promise<State> {
  shared ??= (async () => {
    const server = await startServer({
      prepare: async (dbPath) => {
        const { Engine } = await import('../../main/engine/engine');
        const { generateDemo } = await import('../../main/demo/generateDemo');
        const engine = await Engine.open({ dbPath, log: () => undefined });
        try {
          await generateDemo(engine.db, { preset: PRESET });
        } finally {
          engine.close();
        }
      },
    });
    const { chromium } = await import('@playwright/test');
    const { CHROMIUM_ARGS } = await import('../../playwright.config');
    const browser = await chromium.launch({ executablePath: process.env.PAINEL_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    return { server, browser };
  })();
  return shared;
}

async function close(): Promise<void> {
  if (!shared) return;
  const s = await shared;
  shared = null;
  await s.browser.close();
  await s.server.stop();
}

/** The gross revenue KPI with its value painted. */
const KPI_PAINTED = '[data-testid="kpi-gross_revenue"][data-value]:not([data-value=""])';

export const cases: BenchCase[] = [
  {
    name: `browser.cold-start-dashboard.${PRESET}`,
    target: 'median < 2000 ms from navigation to the dashboard KPIs painted',
    runs: 3,
    warmup: 1,
    setup: state,
    async run(s) {
      const { server, browser } = s as State;
      const context = await browser.newContext();
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(`${server.origin}/#token=${server.token}`);
      await page.locator(KPI_PAINTED).waitFor({ timeout: 30_000 });
      const ms = performance.now() - t0;
      await context.close();
      return { paintMs: ms };
    },
  },
  {
    name: `browser.report-switch.${PRESET}`,
    target: 'median < 500 ms from the route change to the new report rows on screen',
    runs: 1,
    warmup: 0,
    setup: state,
    async run(s) {
      const { server, browser } = s as State;
      const page = await browser.newPage();
      await page.goto(`${server.origin}/#token=${server.token}`);
      await page.goto(`${server.origin}/#/reports/sales-summary`);
      await page.locator('[data-testid="row-total"][data-total]:not([data-total=""])').waitFor({ state: 'attached', timeout: 30_000 });
      const switches: number[] = [];
      for (const id of REPORTS) {
        // The route change (same document) to the new report's first rows on screen, waited for by selector (the
        // page's Content-Security-Policy forbids evaluated strings).
        const t0 = performance.now();
        await page.goto(`${server.origin}/#/reports/${id}`);
        await page.locator(`[data-report="${id}"] [role="table"][data-state="ready"] .dt-body [role="row"]:not(.dt-placeholder)`).first().waitFor({ state: 'attached', timeout: 30_000 });
        switches.push(performance.now() - t0);
      }
      await page.close();
      const sorted = [...switches].sort((a, b) => a - b);
      return { medianSwitchMs: sorted[Math.floor(sorted.length / 2)], maxSwitchMs: sorted[sorted.length - 1] };
    },
    teardown: close,
  },
];
