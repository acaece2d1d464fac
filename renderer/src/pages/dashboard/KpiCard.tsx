// One dashboard KPI: value, variation arrow and % (p.p. for rates), the compared value, and a sparkline; opens its report.
import type { DashboardKpi } from '../../../../shared/reports';
import { href } from '../../app/router';
import { Sparkline } from '../../components/charts/Sparkline';
import { Variation } from '../../components/kpi/Variation';
import { formatValue } from '../../i18n/reportFormat';
import { useI18n } from '../../i18n/useI18n';
import { KPI_TARGET } from './kpiLinks';

export function KpiCard({ kpi, compareLabel }: { kpi: DashboardKpi; compareLabel: string }) {
  const { l, f, t } = useI18n();
  const target = KPI_TARGET[kpi.id];
  const link = target.report ? href(`/reports/${target.report}`) : href(target.path ?? '/dashboard');
  const col = { type: kpi.type, unit: kpi.unit };
  const label = l(kpi.label);
  const value = kpi.available ? formatValue(f, col, kpi.value) : '–';
  return (
    <a className="card card-link kpi-card" href={link} data-testid={`kpi-${kpi.id}`} data-value={kpi.value ?? ''}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{value || '–'}</div>
      {kpi.available ? (
        <div className="kpi-foot">
          <Variation value={kpi.variation} lowerIsBetter={kpi.lowerIsBetter} label={compareLabel} points={kpi.variationKind === 'points'} />
          <span className="muted">{formatValue(f, col, kpi.previous) || '–'}</span>
          {kpi.provisional && (
            <span className="muted kpi-provisional" data-testid={`provisional-${kpi.id}`} title={t('dash.provisional')}>
              {t('dash.provisional')}
            </span>
          )}
        </div>
      ) : (
        <div className="kpi-foot muted" title={kpi.note}>
          {t('common.notYet')}
        </div>
      )}
      {kpi.available && kpi.sparkline.length > 1 && <Sparkline values={kpi.sparkline} label={t('dash.sparkline', { name: label })} />}
    </a>
  );
}
