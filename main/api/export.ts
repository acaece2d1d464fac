// Handlers for export.*: report exports, the monthly closing pack, a table's CSV/XLSX and the Parquet dataset
// run as jobs; the partner setting is a plain read/write.
import type { exportApi } from '../../shared/api/export';
import type { Handlers } from './types';
import { startReportExport } from '../export/reportExport';
import { startClosingExport } from '../export/closing/closingExport';
import { closingSummary } from '../export/closing/closingSummary';
import { startDatasetExport } from '../export/datasetExport';
import { startTableExport } from '../export/tableExport';
import { listPartners, setPartner } from '../export/partners';

export const exportHandlers = {
  'export.run': async (i, ctx) => startReportExport(ctx, i),
  'export.close': async (i, ctx) => startClosingExport(ctx, i),
  'export.closingSummary': async (i, ctx) => closingSummary(ctx, i),
  'export.parquet': async (i, ctx) => startDatasetExport(ctx, i),
  'export.table': async (i, ctx) => startTableExport(ctx, i),
  'export.partners': async (_i, ctx) => listPartners(ctx.db),
  'export.setPartner': async (i, ctx) => setPartner(ctx.db, i.employeeId, i.partner),
} satisfies Handlers<typeof exportApi>;
