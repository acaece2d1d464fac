// Helpers for the report tests: decode a report page's Arrow bytes into plain row objects.
import { tableFromIPC } from 'apache-arrow';
import type { ReportPage } from '../../shared/api/reports';

export type Row = Record<string, string | number | boolean | null>;

export function pageRows(page: ReportPage): Row[] {
  return tableFromIPC(page.arrow)
    .toArray()
    .map((r) => r.toJSON() as Row);
}
