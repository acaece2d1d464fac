// Fechamento: the accountant's monthly closing pack from the app. A month picker (the last complete month by
// default), the pack's statement lines as the engine builds them, and the PDF / XLSX files made as jobs.
import { useState } from 'react';
import type { ClosingSummaryLine } from '../../../shared/api/export';
import type { PainelErrorData } from '../../../shared/errors';
import type { JobSnapshot } from '../../../shared/events';
import { call } from '../api/client';
import { useCall } from '../api/useCall';
import { navigate, type Route } from '../app/router';
import { ErrorNote } from '../components/ErrorNote';
import { ExportJobStatus } from '../components/ExportJobStatus';
import { useI18n } from '../i18n/useI18n';

const SIGN: Record<ClosingSummaryLine['kind'], string> = { base: '', minus: '(−) ', plus: '(+) ', result: '(=) ', info: '' };

export default function ClosingPage({ route }: { route: Route }) {
  const { t, l, f, locale } = useI18n();
  const asked = route.query.get('month');
  const month = asked && /^\d{4}-\d{2}$/.test(asked) ? asked : undefined;
  const summary = useCall('export.closingSummary', month ? { month } : {});
  const [started, setStarted] = useState<{ job: JobSnapshot; format: string } | null>(null);
  const [error, setError] = useState<PainelErrorData | null>(null);
  const shown = summary.data?.month ?? month ?? '';

  const make = async (format: 'pdf' | 'xlsx') => {
    if (!shown) return;
    setError(null);
    const r = await call('export.close', { month: shown, format, locale });
    if (r.ok) setStarted({ job: r.value, format });
    else setError(r.error);
  };

  return (
    <section className="page closing" aria-labelledby="closing-title" data-testid="closing-page" data-month={summary.data?.month ?? ''}>
      <header className="page-head">
        <div>
          <h1 id="closing-title">{t('closing.title')}</h1>
          <p className="muted">{t('closing.intro')}</p>
        </div>
        <div className="head-actions">
          <div className="field">
            <label htmlFor="closing-month">{t('closing.month')}</label>
            <input id="closing-month" type="month" value={shown} onChange={(e) => e.target.value && navigate('/closing', { month: e.target.value })} />
          </div>
          <button type="button" className="btn" disabled={!summary.data} onClick={() => void make('pdf')}>
            {t('closing.pdf')}
          </button>
          <button type="button" className="btn" disabled={!summary.data} onClick={() => void make('xlsx')}>
            {t('closing.xlsx')}
          </button>
        </div>
      </header>
      {error && <ErrorNote error={error} />}
      {started && (
        <ExportJobStatus key={started.job.id} started={started.job} label={t('export.running', { format: started.format.toUpperCase() })} showRows={started.format === 'xlsx'} />
      )}
      {summary.error && <ErrorNote error={summary.error} onRetry={summary.reload} />}
      {summary.loading && !summary.data && <div className="chart-placeholder" style={{ height: 320 }} />}
      {summary.data && (
        <div className="closing-sections" aria-busy={summary.loading}>
          <p className="muted">
            {t('closing.summary')}: {f.date(summary.data.from)} – {f.date(summary.data.to)}
          </p>
          {summary.data.sections
            .filter((s) => s.lines.length > 0)
            .map((s) => (
            <div key={s.id} className="card closing-section" data-testid={`closing-${s.id}`}>
              <h2>{l(s.title)}</h2>
              <table className="closing-lines">
                <tbody>
                  {s.lines.map((x, i) => (
                    <tr key={i} className={`line-${x.kind}`}>
                      <th scope="row">
                        {SIGN[x.kind]}
                        {l(x.label)}
                        {x.note && <div className="muted small">{l(x.note)}</div>}
                      </th>
                      <td className="num" data-value={x.value ?? ''}>
                        {x.value === null ? '–' : x.count ? f.integer(x.value as number) : f.money(x.value as string)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
