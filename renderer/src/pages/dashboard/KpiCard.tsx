// One dashboard KPI: value, variation arrow and % (p.p. for rates), the compared value, a sparkline on headline
// cards, and the figure's plain-language help on hover and keyboard focus; opens its report.
import { useRef, useState } from 'react';
import type { DashboardKpi } from '../../../../shared/reports';
import { href } from '../../app/router';
import { Sparkline } from '../../components/charts/Sparkline';
import { Variation } from '../../components/kpi/Variation';
import { formatValue } from '../../i18n/reportFormat';
import { useI18n } from '../../i18n/useI18n';
import { KPI_TARGET } from './kpiLinks';

/** Room the help needs below a card before it opens above instead (px), so it never opens off-screen. */
const HELP_ROOM = 130;

export function KpiCard({ kpi, compareLabel, size = 'compact' }: { kpi: DashboardKpi; compareLabel: string; size?: 'headline' | 'compact' }) {
  const { l, f, t } = useI18n();
  const ref = useRef<HTMLAnchorElement>(null);
  const [help, setHelp] = useState<'below' | 'above' | null>(null);
  const target = KPI_TARGET[kpi.id];
  const link = target.report ? href(`/reports/${target.report}`) : href(target.path ?? '/dashboard');
  const col = { type: kpi.type, unit: kpi.unit };
  const label = l(kpi.label);
  const value = kpi.available ? formatValue(f, col, kpi.value) : '–';
  const helpId = `kpi-help-${kpi.id}`;
  const open = () => {
    const box = ref.current?.getBoundingClientRect();
    setHelp(box && box.bottom + HELP_ROOM > window.innerHeight ? 'above' : 'below');
  };
  const close = () => setHelp(null);
  return (
    <a
      ref={ref}
      className={`card card-link kpi-card kpi-${size}`}
      href={link}
      data-testid={`kpi-${kpi.id}`}
      data-value={kpi.value ?? ''}
      aria-describedby={helpId}
      onMouseEnter={open}
      onMouseLeave={close}
      onFocus={open}
      onBlur={close}
      onKeyDown={(e) => e.key === 'Escape' && close()}
    >
      <div className="kpi-label">
        <span className="kpi-label-text">{label}</span>
        <span className="kpi-help-mark" aria-hidden="true">
          ?
        </span>
      </div>
      <div className="kpi-value">{value || '–'}</div>
      {kpi.available ? (
        <div className="kpi-foot">
          <Variation value={kpi.variation} lowerIsBetter={kpi.lowerIsBetter} label={compareLabel} points={kpi.variationKind === 'points'} />
          <span className="muted kpi-previous">{formatValue(f, col, kpi.previous) || '–'}</span>
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
      {size === 'headline' && kpi.available && kpi.sparkline.length > 1 && <Sparkline values={kpi.sparkline} label={t('dash.sparkline', { name: label })} />}
      <span id={helpId} role="tooltip" className={`kpi-help${help ? ` open ${help}` : ''}`} data-testid={`kpi-help-${kpi.id}`}>
        {l(kpi.help)}
      </span>
    </a>
  );
}
