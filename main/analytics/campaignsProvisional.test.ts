// Campaign conversion rates while the 7-day conversion window of the last send is still open: flagged
// provisional (API and the campaign-funnels report), so a recent campaign never reads as a conversion dip.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignFunnelsResult } from '../../shared/analytics';
import type { ReportPage } from '../../shared/api/reports';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { addDays, businessToday } from '../reports/period';
import { insertCampaign } from './testing/fixtures';
import { pageRows } from '../reports/testHelpers';

let t: TestEngine;
let today: string;
beforeAll(async () => {
  t = await openTestEngine({ memory: true });
  today = businessToday((await t.engine.settings()).timezone);
  // noon in São Paulo (UTC-3) of a business date `ago` days before today
  const noon = (ago: number) => `${addDays(today, -ago)}T15:00:00Z`;
  const campaign = async (id: string, startedAgo: number, lastSentAgo: number) =>
    insertCampaign(t.engine.db, { id, name: `Campanha ${id}`, channel: 'email', startedAt: noon(startedAgo), budget: 10 }, [
      { campaign: id, customer: 'c1', type: 'sent', at: noon(startedAgo) },
      { campaign: id, customer: 'c2', type: 'sent', at: noon(lastSentAgo) },
      { campaign: id, customer: 'c1', type: 'clicked', at: noon(startedAgo) },
      { campaign: id, customer: 'c1', type: 'converted', at: noon(startedAgo), revenue: 50 },
    ]);
  await campaign('old', 40, 30); // window of the last send closed 23 days ago
  await campaign('closed', 20, 8); // last send 8 days ago: its 7 days are over
  await campaign('last-day', 20, 7); // last send 7 days ago: today is still inside its window
  await campaign('fresh', 1, 1);
});
afterAll(() => t.close());

describe('campaign conversion window', () => {
  it('flags a campaign provisional until the 7 days after its last send have passed', async () => {
    const f = await t.call<CampaignFunnelsResult>('analytics.campaignFunnels', {});
    const flag = Object.fromEntries(f.campaigns.map((c) => [c.campaignId, c.provisional]));
    expect(flag).toEqual({ old: false, closed: false, 'last-day': true, fresh: true });
    // the rates are still given, the flag says they can rise
    expect(f.campaigns.find((c) => c.campaignId === 'fresh')?.steps.at(-1)).toMatchObject({ customers: 1, rateOfSent: 0.5 });
  });

  it('shows the flag as a labelled column of the campaign-funnels report', async () => {
    const page = await t.call<ReportPage>('reports.page', { report: 'campaign-funnels', period: { preset: 'custom', from: addDays(today, -60), to: today }, limit: 10 });
    const col = page.columns.find((c) => c.id === 'provisional');
    expect(col).toMatchObject({ type: 'boolean', label: { 'pt-BR': 'Conversão provisória (janela de 7 dias aberta)', en: 'Conversion provisional (7-day window still open)' } });
    const rows = pageRows(page);
    expect(Object.fromEntries(rows.map((r) => [r.campaign_id, r.provisional]))).toEqual({ old: false, closed: false, 'last-day': true, fresh: true });
  });
});
