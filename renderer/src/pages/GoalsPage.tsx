// Goals (metas): the month's revenue and services goals per unit and per professional, edited in one table,
// checked here with clear words before the engine saves them; links to the units side by side.
import { useState } from 'react';
import type { GoalRow } from '../../../shared/contacts';
import type { PainelErrorData } from '../../../shared/errors';
import { call } from '../api/client';
import { useCall } from '../api/useCall';
import { href, navigate, type Route } from '../app/router';
import { ErrorNote } from '../components/ErrorNote';
import { useWords } from './contacts/contactText';

export const thisMonth = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const MONEY = /^\d{1,12}([.,]\d{1,2})?$/;

type Draft = Record<string, { revenue: string; services: string }>;
const keyOf = (g: { scope: string; scopeId: string }) => `${g.scope}:${g.scopeId}`;

export default function GoalsPage({ route }: { route: Route }) {
  const w = useWords();
  const month = MONTH.test(route.query.get('month') ?? '') ? (route.query.get('month') as string) : thisMonth();
  const goals = useCall('goals.get', { month });
  const [draft, setDraft] = useState<Draft>({});
  const [loadedFor, setLoadedFor] = useState<unknown>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState<PainelErrorData | null>(null);
  const [saved, setSaved] = useState(false);
  if (goals.data && loadedFor !== goals.data) {
    setLoadedFor(goals.data);
    setDraft(Object.fromEntries(goals.data.rows.map((g) => [keyOf(g), { revenue: g.revenueGoal ?? '', services: g.servicesGoal === null ? '' : String(g.servicesGoal) }])));
  }
  const rows = goals.data?.rows ?? [];

  const save = async () => {
    setSaved(false);
    setError(null);
    const issues: string[] = [];
    const changes = rows.map((g) => {
      const d = draft[keyOf(g)] ?? { revenue: '', services: '' };
      const revenue = d.revenue.trim().replace(/^R\$\s*/, '');
      const services = d.services.trim();
      if (revenue && !MONEY.test(revenue.replace(/\.(?=\d{3}(\D|$))/g, ''))) issues.push(w('goals.badMoney', { name: g.name }));
      if (services && !(/^\d{1,7}$/.test(services) && Number(services) <= 1_000_000)) issues.push(w('goals.badCount', { name: g.name }));
      // "15.000,50" as people write it: thousands dots dropped, the comma is the decimal mark
      const amount = revenue ? revenue.replace(/\.(?=\d{3}(\D|$))/g, '') : null;
      return { scope: g.scope, scopeId: g.scopeId, revenueGoal: amount, servicesGoal: services ? Number(services) : null };
    });
    setProblems(issues);
    if (issues.length || !changes.length) return;
    const r = await call('goals.set', { month, goals: changes });
    if (!r.ok) return setError(r.error);
    setSaved(true);
    goals.reload();
  };

  const section = (scope: GoalRow['scope'], title: string) => {
    const list = rows.filter((g) => g.scope === scope);
    if (!list.length) return null;
    return (
      <>
        <tr>
          <th colSpan={3} scope="colgroup" className="goals-group">
            {title}
          </th>
        </tr>
        {list.map((g) => {
          const k = keyOf(g);
          const d = draft[k] ?? { revenue: '', services: '' };
          const set = (patch: Partial<typeof d>) => setDraft({ ...draft, [k]: { ...d, ...patch } });
          return (
            <tr key={k} data-testid="goal-row" data-scope={g.scope} data-id={g.scopeId}>
              <th scope="row">{g.name}</th>
              <td>
                <input type="text" inputMode="decimal" aria-label={`${w('goals.revenue')}: ${g.name}`} value={d.revenue} onChange={(e) => set({ revenue: e.target.value })} />
              </td>
              <td>
                <input type="text" inputMode="numeric" aria-label={`${w('goals.services')}: ${g.name}`} value={d.services} onChange={(e) => set({ services: e.target.value })} />
              </td>
            </tr>
          );
        })}
      </>
    );
  };

  return (
    <section className="page goals" aria-labelledby="goals-title" data-testid="goals-page">
      <header className="page-head">
        <div>
          <h1 id="goals-title">{w('goals.title')}</h1>
          <p className="muted">{w('goals.intro')}</p>
        </div>
        <a className="btn" href={href('/units', { month })}>
          {w('goals.unitsLink')}
        </a>
      </header>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="goals-month">{w('goals.month')}</label>
          <input id="goals-month" type="month" value={month} onChange={(e) => MONTH.test(e.target.value) && navigate('/goals', { month: e.target.value })} />
        </div>
      </div>
      {goals.error && <ErrorNote error={goals.error} onRetry={goals.reload} />}
      {goals.data && !rows.length && <p className="muted">{w('goals.nothing')}</p>}
      {rows.length > 0 && (
        <form
          className="card goals-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <table className="simple-table">
            <thead>
              <tr>
                <th scope="col" />
                <th scope="col">{w('goals.revenue')}</th>
                <th scope="col">{w('goals.services')}</th>
              </tr>
            </thead>
            <tbody>
              {section('location', w('goals.units'))}
              {section('employee', w('goals.staff'))}
            </tbody>
          </table>
          {problems.length > 0 && (
            <ul className="note note-error" role="alert">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          {error && <ErrorNote error={error} />}
          <div className="toolbar">
            <button type="submit" className="btn btn-primary" data-testid="save-goals">
              {w('goals.save')}
            </button>
            {saved && (
              <span role="status" className="muted small">
                {w('goals.saved')}
              </span>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
