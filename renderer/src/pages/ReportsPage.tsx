// Reports: the catalogue by category (#/reports) and the explorer of one report (#/reports/<id>).
import { REPORT_CATEGORIES, REPORT_CATEGORY_LABELS } from '../../../shared/reports';
import { href, type Route } from '../app/router';
import { ErrorNote } from '../components/ErrorNote';
import { useI18n } from '../i18n/useI18n';
import { useReportList } from '../state/reportsStore';
import { ReportExplorer } from './report/ReportExplorer';

export default function ReportsPage({ route }: { route: Route }) {
  const { t, l } = useI18n();
  const { list, error } = useReportList();
  const id = route.parts[1];
  if (error && !list) return <ErrorNote error={error} />;
  if (!list) return <div className="page-loading">{t('common.loading')}</div>;
  if (id) {
    const meta = list.find((r) => r.id === id);
    if (!meta) return <ErrorNote error={{ code: 'NOT_FOUND', message: t('report.notFound', { id }) }} />;
    return <ReportExplorer key={meta.id} meta={meta} route={route} />;
  }
  return (
    <section className="page" aria-labelledby="reports-title">
      <header className="page-head">
        <div>
          <h1 id="reports-title">{t('report.catalogue')}</h1>
          <p className="muted">{t('report.catalogueIntro')}</p>
        </div>
      </header>
      {REPORT_CATEGORIES.map((cat) => {
        const reports = list.filter((r) => r.category === cat);
        if (!reports.length) return null;
        return (
          <div key={cat} className="catalogue-cat">
            <h2>{l(REPORT_CATEGORY_LABELS[cat])}</h2>
            <div className="grid catalogue-grid">
              {reports.map((r) => (
                <a key={r.id} className="card card-link" href={href(`/reports/${r.id}`)}>
                  <h3>{l(r.title)}</h3>
                  <p className="muted">{l(r.description)}</p>
                </a>
              ))}
            </div>
          </div>
        );
      })}
    </section>
  );
}
