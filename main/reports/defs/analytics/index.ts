// The customer-analytics reports, registered in the report registry after the catalogue reports.
import type { ReportDefinition } from '../../types';
import { rfmMigrationReport, rfmReport } from './rfmReports';
import { segmentMembersReport, segmentsReport } from './segmentReports';
import { campaignFunnelsReport } from './campaignReport';
import { forecastReport } from './forecastReport';
import { cohortsReport, customerValueReport } from './valueCohortReports';
import { contactListReport } from './contactReport';

export const ANALYTICS_REPORTS: ReportDefinition[] = [
  rfmReport,
  rfmMigrationReport,
  segmentsReport,
  segmentMembersReport,
  contactListReport,
  campaignFunnelsReport,
  forecastReport,
  customerValueReport,
  cohortsReport,
];
