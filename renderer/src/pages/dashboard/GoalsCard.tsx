// The dashboard's goals card: each unit's and professional's progress towards the month's revenue and services
// goals, with the month-end projection (the revenue forecast spread by share); a link to set goals when none.
import type { GoalProgressRow } from '../../../../shared/contacts';
import { useCall } from '../../api/useCall';
import { href } from '../../app/router';
import { ErrorNote } from '../../components/ErrorNote';
import { useI18n } from '../../i18n/useI18n';
import { useWords } from '../contacts/contactText';

function Bar({ progress, projected, label }: { progress: number | null; projected: number | null; label: string }) {
  const pct = (v: number | null) => `${Math.max(0, Math.min(100, (v ?? 0) * 100))}%`;
  return (
    <div className="goal-bar" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round((progress ?? 0) * 100)}>
      <span style={{ width: pct(progress) }} />
      {projected !== null && <i style={{ left: `calc(${pct(projected)} - 2px)` }} />}
    </div>
  );
}

export function GoalsCard({ month }: { month: string }) {
  const { f, l } = useI18n();
  const w = useWords();
  const res = useCall('goals.progress', { month });
  const monthName = f.monthLong(month);
  const rows = (res.data?.rows ?? []).filter((r) => r.revenueGoal !== null || r.servicesGoal !== null);
  const line = (r: GoalProgressRow) => {
    const revGoal = r.revenueGoal ? Number(r.revenueGoal) : null;
    const out = [];
    if (revGoal) {
      const label = w('goals.progress', { value: f.money(r.revenue), goal: f.money(r.revenueGoal), pct: f.percent(r.revenueProgress) });
      out.push(
        <div key="rev" data-testid="goal-revenue" data-progress={r.revenueProgress ?? ''}>
          <Bar progress={r.revenueProgress} projected={r.revenueProjection === null ? null : Number(r.revenueProjection) / revGoal} label={label} />
          <div className="small">
            {label}
            {r.revenueProjection !== null && res.data?.projected && <span className="muted"> · {w('goals.projection', { value: f.money(r.revenueProjection) })}</span>}
          </div>
        </div>,
      );
    }
    if (r.servicesGoal) {
      const label = `${w('goals.progress', { value: f.integer(r.services), goal: f.integer(r.servicesGoal), pct: f.percent(r.servicesProgress) })} ${w('goals.servicesShort')}`;
      out.push(
        <div key="svc" data-testid="goal-services">
          <Bar progress={r.servicesProgress} projected={r.servicesProjection === null ? null : r.servicesProjection / r.servicesGoal} label={label} />
          <div className="small">
            {label}
            {r.servicesProjection !== null && res.data?.projected && <span className="muted"> · {w('goals.projection', { value: f.integer(r.servicesProjection) })}</span>}
          </div>
        </div>,
      );
    }
    return out;
  };
  return (
    <section className="card goals-card" aria-labelledby="goals-card-title" data-testid="goals-card">
      <header className="chart-head">
        <h2 id="goals-card-title">{w('goals.card', { month: monthName })}</h2>
        <a href={href('/goals', { month })} className="small">
          {rows.length ? w('goals.edit') : w('goals.set')}
        </a>
      </header>
      {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
      {res.data && !rows.length && <p className="muted small">{w('goals.none')}</p>}
      {rows.map((r) => (
        <div key={`${r.scope}:${r.scopeId}`} className="goal-row" data-testid="goal-progress" data-scope={r.scope} data-id={r.scopeId}>
          <strong>{r.name}</strong>
          <div>{line(r)}</div>
        </div>
      ))}
      {res.data?.projected && rows.length > 0 && <p className="muted small">{w('goals.projectionHelp')}</p>}
      {res.data?.note && rows.length > 0 && <p className="muted small">{l(res.data.note)}</p>}
    </section>
  );
}
