// Units side by side: the units-overview report of a month with each unit in a column (revenue, services,
// average ticket, revenue goal and its progress, schedule occupancy, new customers).
import { useMemo } from 'react';
import { arrowToRows } from '../api/arrowRows';
import { useCall } from '../api/useCall';
import { href, navigate, type Route } from '../app/router';
import { ErrorNote } from '../components/ErrorNote';
import { useI18n } from '../i18n/useI18n';
import { useWords, type WordKey } from './contacts/contactText';
import { thisMonth } from './GoalsPage';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const lastDay = (m: string) => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).toISOString().slice(0, 10);

const MEASURES: { id: string; key: WordKey; kind: 'money' | 'integer' | 'percent' }[] = [
  { id: 'revenue', key: 'units.revenue', kind: 'money' },
  { id: 'services', key: 'units.services', kind: 'integer' },
  { id: 'avg_ticket', key: 'units.ticket', kind: 'money' },
  { id: 'revenue_goal', key: 'units.goal', kind: 'money' },
  { id: 'goal_progress', key: 'units.progress', kind: 'percent' },
  { id: 'occupancy', key: 'units.occupancy', kind: 'percent' },
  { id: 'new_customers', key: 'units.newCustomers', kind: 'integer' },
];

export default function UnitsPage({ route }: { route: Route }) {
  const { f, l } = useI18n();
  const w = useWords();
  const month = MONTH.test(route.query.get('month') ?? '') ? (route.query.get('month') as string) : thisMonth();
  const res = useCall('reports.page', { report: 'units-overview', period: { preset: 'custom', from: `${month}-01`, to: lastDay(month) }, limit: 100, sort: [{ column: 'revenue', desc: true }] });
  const units = useMemo(() => {
    if (!res.data) return [];
    const ids = res.data.columns.map((c) => c.id);
    return arrowToRows(res.data.arrow).rows.map((r) => Object.fromEntries(ids.map((id, i) => [id, r[i]])) as Record<string, string | number | null>);
  }, [res.data]);
  const online = res.data?.columns.find((c) => c.id === 'location_name')?.empty;
  const fmt = (kind: (typeof MEASURES)[number]['kind'], v: string | number | null) => (kind === 'money' ? f.money(v) : kind === 'percent' ? f.percent(v) : f.integer(v));
  return (
    <section className="page units" aria-labelledby="units-title" data-testid="units-page">
      <header className="page-head">
        <div>
          <h1 id="units-title">{w('units.title')}</h1>
          <p className="muted">{w('units.intro')}</p>
        </div>
        <a className="btn" href={href('/goals', { month })}>
          {w('goals.edit')}
        </a>
      </header>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="units-month">{w('goals.month')}</label>
          <input id="units-month" type="month" value={month} onChange={(e) => MONTH.test(e.target.value) && navigate('/units', { month: e.target.value })} />
        </div>
      </div>
      {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
      {res.data && !units.length && <p className="muted">{w('units.none')}</p>}
      {units.length > 0 && (
        <div className="card table-scroll">
          <table className="simple-table units-grid" data-testid="units-grid">
            <thead>
              <tr>
                <th scope="col">{w('units.metric')}</th>
                {units.map((u, i) => (
                  <th key={String(u.location_id ?? `none${i}`)} scope="col">
                    {u.location_name ?? l(online, '—')}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {MEASURES.map((m) => (
                <tr key={m.id} data-measure={m.id}>
                  <th scope="row">{w(m.key)}</th>
                  {units.map((u, i) => (
                    <td key={String(u.location_id ?? `none${i}`)}>{fmt(m.kind, u[m.id])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
