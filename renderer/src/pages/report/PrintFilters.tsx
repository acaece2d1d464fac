// The report's filters as one line of text, shown only on paper (the controls themselves do not print): period,
// comparison window, unit, parameters, drill-down filters, search and column filters, by their names.
import { useMemo } from 'react';
import type { ReportColumnMeta, ReportMeta } from '../../../../shared/reports';
import { COMMON_FILTER_LABELS } from '../../../../shared/reports';
import { arrowToRows } from '../../api/arrowRows';
import { useCall } from '../../api/useCall';
import { useI18n } from '../../i18n/useI18n';
import type { ReportInput } from './useReportInput';

export interface PrintFiltersProps {
  meta: ReportMeta;
  input: ReportInput;
  columns: ReportColumnMeta[];
  period: { from: string; to: string } | null;
  compared: string | null;
  search: string;
  filterText: Record<string, string>;
}

export function PrintFilters({ meta, input, columns, period, compared, search, filterText }: PrintFiltersProps) {
  const { t, l, f } = useI18n();
  const locs = useCall('query.page', input.common.location?.length ? { table: 'locations', limit: 500, sort: [{ column: 'name', desc: false }] } : null, { low: true });
  const unitNames = useMemo(() => {
    if (!locs.data) return input.common.location ?? [];
    const { names, rows } = arrowToRows(locs.data.arrow);
    const byId = new Map(rows.map((r) => [String(r[names.indexOf('location_id')]), String(r[names.indexOf('name')] ?? '')]));
    return (input.common.location ?? []).map((id) => byId.get(id) || id);
  }, [locs.data, input.common.location]);

  const parts: string[] = [];
  if (period) parts.push(`${t('report.printPeriod')}: ${f.date(period.from)} – ${f.date(period.to)}`);
  if (compared) parts.push(compared);
  parts.push(`${t('filters.location')}: ${unitNames.length ? unitNames.join(', ') : t('filters.allLocations')}`);
  for (const p of meta.params) {
    const v = input.params[p.id];
    if (v === null || v === undefined || v === '') continue;
    const option = p.options?.find((o) => o.value === v);
    parts.push(`${l(p.label)}: ${option ? l(option.label) : typeof v === 'boolean' ? (v ? t('c360.yes') : t('c360.no')) : String(v)}`);
  }
  for (const [k, v] of Object.entries(input.common)) {
    if (k === 'location' || !v?.length) continue;
    parts.push(`${l(COMMON_FILTER_LABELS[k as keyof typeof COMMON_FILTER_LABELS])}: ${v.join(', ')}`);
  }
  if (search) parts.push(`${t('report.printSearch')}: “${search}”`);
  for (const [id, text] of Object.entries(filterText)) {
    const c = columns.find((x) => x.id === id);
    if (c && text.trim()) parts.push(`${l(c.label, c.id)}: ${text.trim()}`);
  }
  return (
    <p className="print-only print-filters" data-testid="print-filters">
      <strong>{t('report.printFilters')}:</strong> {parts.join(' · ')}
    </p>
  );
}
