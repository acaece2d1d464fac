// The report's own parameters (granularity, view, top N...) and the common filters set by drill-down links.
import type { ReportMeta } from '../../../../shared/reports';
import { COMMON_FILTER_LABELS } from '../../../../shared/reports';
import { navigate, type Route } from '../../app/router';
import { useI18n } from '../../i18n/useI18n';
import type { ReportInput } from './useReportInput';

export function ReportParams({ meta, input, route, onParam }: { meta: ReportMeta; input: ReportInput; route: Route; onParam(id: string, v: string | number | boolean | null): void }) {
  const { l, t } = useI18n();
  const chips = Object.entries(input.common).filter(([k]) => k !== 'location');
  if (!meta.params.length && !chips.length) return null;
  const dropChip = (id: string) => {
    const q: Record<string, string> = {};
    route.query.forEach((v, k) => {
      if (k !== id) q[k] = v;
    });
    navigate(route.path, q);
  };
  return (
    <div className="report-params">
      {meta.params.map((p) => {
        const id = `param-${p.id}`;
        const value = input.params[p.id];
        return (
          <div className="field" key={p.id}>
            <label htmlFor={id}>{l(p.label)}</label>
            {p.kind === 'enum' ? (
              <select id={id} value={String(value ?? '')} onChange={(e) => onParam(p.id, e.target.value)}>
                {p.options?.map((o) => (
                  <option key={o.value} value={o.value}>
                    {l(o.label)}
                  </option>
                ))}
              </select>
            ) : p.kind === 'boolean' ? (
              <input id={id} type="checkbox" checked={value === true} onChange={(e) => onParam(p.id, e.target.checked)} />
            ) : (
              <input
                id={id}
                type={p.kind === 'integer' ? 'number' : p.kind === 'date' ? 'date' : 'text'}
                min={p.min}
                max={p.max}
                value={value === null || value === undefined ? '' : String(value)}
                onChange={(e) => onParam(p.id, p.kind === 'integer' ? (e.target.value === '' ? null : Number(e.target.value)) : e.target.value || null)}
              />
            )}
          </div>
        );
      })}
      {chips.map(([k, v]) => (
        <button key={k} type="button" className="chip" onClick={() => dropChip(k)} aria-label={t('report.removeFilter', { name: l(COMMON_FILTER_LABELS[k as keyof typeof COMMON_FILTER_LABELS]) })}>
          {l(COMMON_FILTER_LABELS[k as keyof typeof COMMON_FILTER_LABELS])}: {(v ?? []).join(', ')} ✕
        </button>
      ))}
    </div>
  );
}
