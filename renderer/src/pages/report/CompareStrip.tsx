// The period's totals against the previous window or last year's (like for like, the window named), for the
// report's main columns; rates vary in percentage points, and a rise of refunds or no-shows shows red.
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
  return (
    <div className="compare-strip" data-testid="compare-strip" aria-label={`${l(meta.title)} ${lastYear ? t('report.vsLastYear') : t('report.vsPrevious')}`}>
      {cols.map((c) => (
        <div key={c.id} className="compare-item card">
          <div className="kpi-label">{l(c.label)}</div>
          <div className="kpi-value">{formatValue(f, c, comparison.current[c.id])}</div>
          <div className="kpi-foot">
            {prevValues ? (
              <>
                <Variation value={variation?.[c.id]} lowerIsBetter={c.lowerIsBetter} points={c.type === 'percent'} label={lastYear ? t('report.vsLastYear') : t('report.vsPrevious')} />
                <span className="muted">
                  {formatValue(f, c, prevValues[c.id])} {against ? `(${f.date(against.from)} – ${f.date(against.to)}${against.basis ? `, ${l(COMPARE_BASIS_LABELS[against.basis])}` : ''})` : ''}
                </span>
              </>
            ) : (
              <span className="muted">{t('report.noLastYear')}</span>
            )}
          </div>
        </div>
      ))}
    </div>
  );
}
