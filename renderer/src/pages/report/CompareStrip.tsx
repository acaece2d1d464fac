// The period's totals against the previous window or last year's (like for like, the window named once above
// them), for the report's main columns; rates vary in percentage points, and a rise of refunds or no-shows shows red.
import type { ReportComparison } from '../../../../shared/api/reports';
import { COMPARE_BASIS_LABELS, type ReportColumnMeta, type ReportMeta } from '../../../../shared/reports';
import { Variation } from '../../components/kpi/Variation';
import { formatValue } from '../../i18n/reportFormat';
import { useI18n } from '../../i18n/useI18n';
import type { CompareMode } from '../../state/filterStore';

export function CompareStrip({ meta, columns, comparison, mode }: { meta: ReportMeta; columns: ReportColumnMeta[]; comparison: ReportComparison; mode: CompareMode }) {
  const { l, t, f } = useI18n();
  const lastYear = mode === 'last_year';
  const cols = columns.filter((c) => (c.type === 'money' || c.type === 'integer' || c.type === 'percent') && c.total !== 'none' && c.id in comparison.current).slice(0, 5);
  if (!cols.length) return null;
  const prevValues = lastYear ? comparison.lastYearValues : comparison.previousValues;
  const variation = lastYear ? comparison.variationLastYear : comparison.variation;
  const against = lastYear ? comparison.lastYear : comparison.previous;
  const window = against ? t('report.compareWindow', { from: f.date(against.from), to: f.date(against.to) }) : null;
  const basis = against?.basis ? l(COMPARE_BASIS_LABELS[against.basis]) : undefined;
  return (
    <div className="compare-block" data-testid="compare-strip" aria-label={`${l(meta.title)} ${lastYear ? t('report.vsLastYear') : t('report.vsPrevious')}`}>
      <p className="muted compare-window" title={basis}>
        {prevValues ? window : t('report.noLastYear')}
      </p>
      <div className="compare-strip">
        {cols.map((c) => (
          <div key={c.id} className="compare-item card" title={prevValues ? `${l(c.label)}: ${formatValue(f, c, prevValues[c.id])} (${window ?? ''})` : undefined}>
            <div className="kpi-label">{l(c.label)}</div>
            <div className="compare-line">
              <span className="kpi-value">{formatValue(f, c, comparison.current[c.id])}</span>
              {prevValues && <Variation value={variation?.[c.id]} lowerIsBetter={c.lowerIsBetter} points={c.type === 'percent'} label={lastYear ? t('report.vsLastYear') : t('report.vsPrevious')} />}
            </div>
            {prevValues && <div className="muted compare-prev">{formatValue(f, c, prevValues[c.id])}</div>}
          </div>
        ))}
      </div>
    </div>
  );
}
