// Every dashboard KPI explains itself in both languages, and the dashboard hands that help to the page with the figure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_KPIS } from '../../shared/reports';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { dashboard } from './dashboard';
import { KPIS } from './dashboardKpis';

let t: TestEngine;
beforeAll(async () => {
  t = await openTestEngine({ memory: true });
});
afterAll(() => t.close());

describe('dashboard KPI help', () => {
  it('is a plain sentence in pt-BR and en for every KPI, not its label again', () => {
    for (const id of DASHBOARD_KPIS) {
      const { help, label } = KPIS[id];
      for (const locale of ['pt-BR', 'en'] as const) {
        expect(help[locale].length, `${id} ${locale}`).toBeGreaterThan(30);
        expect(help[locale]).toMatch(/\.$/);
        expect(help[locale]).not.toBe(label[locale]);
        // no formulas or column names: the owner reads it
        expect(help[locale]).not.toMatch(/[_÷=]|\bsum\(|safe_ratio/);
      }
    }
    const pt = DASHBOARD_KPIS.map((id) => KPIS[id].help['pt-BR']);
    expect(new Set(pt).size).toBe(pt.length);
  });

  it('comes with each KPI of the dashboard answer', async () => {
    const d = await dashboard(t.engine, { period: { preset: 'last_30_days', today: '2026-12-04' }, common: {} });
    expect(d.kpis.map((k) => k.id)).toEqual([...DASHBOARD_KPIS]);
    for (const k of d.kpis) expect(k.help).toEqual(KPIS[k.id].help);
  });
});
