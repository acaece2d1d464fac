// Every report definition, in catalogue order (reports.md), then the extra ones.
import type { ReportDefinition } from '../types';
import { ANALYTICS_REPORTS } from './analytics/index';
import { salesSummary } from './salesSummary';
import { salesByItem } from './salesByItem';
import { salesByLocation } from './salesByLocation';
import { salesByChannel } from './salesByChannel';
import { discountsCoupons } from './discountsCoupons';
import { financialSummary } from './financialSummary';
import { paymentMethods } from './paymentMethods';
import { refunds } from './refunds';
import { salesVsReceipts } from './salesVsReceipts';
import { appointmentsSummary } from './appointmentsSummary';
import { peakHours } from './peakHours';
import { occupancy } from './occupancy';
import { staffPerformance } from './staffPerformance';
import { staffCommissions } from './staffCommissions';
import { staffProductivity } from './staffProductivity';
import { customerProfiles } from './customerProfiles';
import { retentionCohorts } from './retentionCohorts';
import { segmentsCampaigns } from './segmentsCampaigns';
import { profitability } from './profitability';
import { marketplace } from './marketplace';
import { unitsOverview } from './unitsOverview';

export const ALL_REPORTS: ReportDefinition[] = [
  salesSummary,
  salesByItem,
  salesByLocation,
  salesByChannel,
  discountsCoupons,
  financialSummary,
  paymentMethods,
  refunds,
  salesVsReceipts,
  appointmentsSummary,
  peakHours,
  occupancy,
  staffPerformance,
  staffCommissions,
  staffProductivity,
  customerProfiles,
  retentionCohorts,
  segmentsCampaigns,
  profitability,
  marketplace,
  unitsOverview,
  ...ANALYTICS_REPORTS,
];
