// analytics.*: RFM (scores, monthly history, migration matrix), marketing segments and their members, campaign
// funnels, revenue forecasts with backtests, customer value (BG/NBD + Gamma-Gamma), cohorts and customer 360.
import { z } from 'zod';
import { method } from './define';
import { tableSpecFields } from './tableSpec';
import { SEGMENT_IDS } from '../analytics';
import type {
  CampaignFunnelsResult,
  CohortsResult,
  Customer360,
  CustomerValueResult,
  ForecastResult,
  ForecastTotal,
  RfmMigration,
  RfmResult,
  RfmSnapshotInfo,
  SegmentMembersResult,
  SegmentsResult,
} from '../analytics';
import type { JobSnapshot } from '../events';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM');
const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be YYYY-MM-DD');

/** Per-call RFM settings (defaults: the business settings). */
const rfmOverrides = {
  windowDays: z.number().int().min(7).max(3650).optional(),
  frequencyMode: z.enum(['rank', 'fixed']).optional(),
  frequencyThresholds: z.array(z.number().int().min(1).max(100_000)).length(4).optional(),
};

const monthRange = z
  .object({ from: month.optional(), to: month.optional() })
  .strict()
  .refine((r) => !r.from || !r.to || r.from <= r.to, 'from is after to');

export const analytics = {
  /** RFM scores and clusters as of a month end (or date), with cluster sizes and a page of scored customers. */
  'analytics.rfm': method<RfmResult>()(
    'RFM scores and clusters as of a month end (or date), with cluster sizes and a page of scored customers.',
    z
      .object({ month: month.optional(), asOf: isoDate.optional(), ...rfmOverrides, ...tableSpecFields })
      .strict()
      .refine((i) => !(i.month && i.asOf), 'give month or asOf, not both'),
  ),
  /** The stored monthly RFM snapshots. */
  'analytics.rfmHistory': method<RfmSnapshotInfo[]>()('The stored monthly RFM snapshots.', z.object({}).strict()),
  /** Builds (or refreshes) the month-end RFM snapshots of a range of months, as a job. */
  'analytics.buildRfmHistory': method<JobSnapshot>()('Builds (or refreshes) the month-end RFM snapshots of a range of months, as a job.', monthRange),
  /** How customers moved between RFM clusters from the previous month end to this one, with entered and left. */
  'analytics.rfmMigration': method<RfmMigration>()(
    'How customers moved between RFM clusters from the previous month end to this one, with entered and left.',
    z.object({ month: month.optional() }).strict(),
  ),
  /** The ten marketing segments with size, value, campaign suggestion, ROI and priority. */
  'analytics.segments': method<SegmentsResult>()(
    'The ten marketing segments with size, value, campaign suggestion, ROI and priority.',
    z.object({ asOf: isoDate.optional() }).strict(),
  ),
  /** A segment's contactable members (marketing opt-in; E.164 phone for WhatsApp, valid e-mail), paged. */
  'analytics.segmentMembers': method<SegmentMembersResult>()(
    "A segment's contactable members (marketing opt-in; E.164 phone for WhatsApp, valid e-mail), paged.",
    z.object({ segment: z.enum(SEGMENT_IDS), asOf: isoDate.optional(), channel: z.enum(['any', 'whatsapp', 'email']).default('any'), ...tableSpecFields }).strict(),
  ),
  /** Each campaign's funnel with rates, revenue, cost and ROI, and the online-order funnel per month. */
  'analytics.campaignFunnels': method<CampaignFunnelsResult>()(
    "Each campaign's funnel with rates, revenue, cost and ROI, and the online-order funnel per month.",
    z
      .object({ from: isoDate.optional(), to: isoDate.optional() })
      .strict()
      .refine((r) => !r.from || !r.to || r.from <= r.to, 'from is after to'),
  ),
  /** Daily or monthly revenue forecast with 80/95% intervals, the model chosen by backtest against seasonal naive. */
  'analytics.forecast': method<ForecastResult>()(
    'Daily or monthly revenue forecast with 80/95% intervals, the model chosen by backtest against seasonal naive.',
    z
      .object({ granularity: z.enum(['day', 'month']).default('day'), horizon: z.number().int().min(1).max(365).default(30), asOf: isoDate.optional() })
      .strict()
      .refine((i) => i.granularity === 'day' || i.horizon <= 12, 'a monthly horizon is at most 12 months'),
  ),
  /** The one revenue forecast for the next 30 days (the dashboard KPI and the forecast page show the same total). */
  'analytics.forecastNext30': method<ForecastTotal>()(
    'Revenue expected in the 30 days after the last complete business day: the daily forecast (holiday calendar included) summed.',
    z.object({}).strict(),
  ),
  /** Fits BG/NBD + Gamma-Gamma as of a date and scores every customer, as a job. */
  'analytics.fitCustomerValue': method<JobSnapshot>()('Fits BG/NBD + Gamma-Gamma as of a date and scores every customer, as a job.', z.object({ asOf: isoDate.optional() }).strict()),
  /** The current customer-value model, totals and a page of scored customers. */
  'analytics.customerValue': method<CustomerValueResult>()('The current customer-value model, totals and a page of scored customers.', z.object({ ...tableSpecFields }).strict()),
  /** One customer's history, scores, cluster history, value, loyalty, campaigns and segments. */
  'analytics.customer360': method<Customer360>()(
    "One customer's history, scores, cluster history, value, loyalty, campaigns and segments.",
    z.object({ customerId: z.string().min(1).max(200) }).strict(),
  ),
  /** Monthly acquisition cohorts x months since the first visit: customers, retention and revenue. */
  'analytics.cohorts': method<CohortsResult>()('Monthly acquisition cohorts x months since the first visit: customers, retention and revenue.', monthRange),
};
