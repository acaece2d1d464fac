// One marketing segment: size, contactable members, value, and the suggested campaign with budget, expected
// revenue, ROI and priority; opens its member list.
import type { SegmentSummary } from '../../../../shared/analytics';
import { useI18n } from '../../i18n/useI18n';
import { codeLabel } from '../../i18n/valueLabels';

/** How the conversion estimate is explained: the segment's own campaigns, the shop's rate, or the stated prior. */
const CONVERSION_KEY = { history: 'seg.convHistory', shop: 'seg.convShop', default: 'seg.convDefault' } as const;

export function SegmentCard({ s, selected, onOpen }: { s: SegmentSummary; selected: boolean; onOpen(): void }) {
  const { t, f, l, locale } = useI18n();
  const g = s.suggestion;
  return (
    <article className={`card segment-card${selected ? ' selected' : ''}`} data-testid={`segment-${s.id}`} aria-labelledby={`seg-${s.id}`}>
      <header className="segment-head">
        <h3 id={`seg-${s.id}`}>{l(s.label)}</h3>
        <span className={`priority priority-${g.priorityLevel}`}>{t('seg.priority', { n: g.priority })}</span>
      </header>
      <p className="muted small">{l(s.rule)}</p>
      <div className="segment-numbers">
        <div>
          <div className="kpi-label">{t('seg.members')}</div>
          <div className="kpi-value">{f.integer(s.size)}</div>
          <div className="muted small">{t('seg.contactable', { n: f.integer(s.contactable) })}</div>
        </div>
        <div>
          <div className="kpi-label">{t('seg.value')}</div>
          <div className="kpi-value">{f.moneyShort(s.totalValue)}</div>
          <div className="muted small">{t('seg.avgTicket', { v: f.money(s.avgTicket) })}</div>
        </div>
      </div>
      <div className="suggestion">
        <strong>{l(g.campaign)}</strong>
        <span className="muted small">
          {codeLabel(locale, g.channel)} · {l(g.timing)}
        </span>
        <dl className="facts small">
          <dt>{t('seg.budget')}</dt>
          <dd>{f.money(g.budget)}</dd>
          <dt>{t('seg.expected')}</dt>
          <dd>
            {f.money(g.expectedRevenue)} ({t(CONVERSION_KEY[g.conversionSource], { p: f.percent(g.conversion, 1), n: f.integer(g.conversionSent), prior: f.percent(g.conversionPrior, 1) })})
          </dd>
          <dt>ROI</dt>
          <dd className={g.roi !== null && g.roi < 0 ? 'down' : 'up'}>{g.roi === null ? '–' : f.percent(g.roi, 0)}</dd>
        </dl>
      </div>
      <button type="button" className="btn btn-small" aria-pressed={selected} onClick={onOpen}>
        {t('seg.seeMembers')}
      </button>
    </article>
  );
}
