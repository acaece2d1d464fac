// The report catalogue in the sidebar, by category, from the engine's report registry.
import { REPORT_CATEGORIES, REPORT_CATEGORY_LABELS } from '../../../shared/reports';
import { useI18n } from '../i18n/useI18n';
import { useReportList } from '../state/reportsStore';
import { href, useRoute } from './router';

export function ReportNav() {
  const { l } = useI18n();
  const { list } = useReportList();
  const route = useRoute();
  const current = route.parts[0] === 'reports' ? route.parts[1] : undefined;
  if (!list?.length) return null;
  const currentCat = list.find((r) => r.id === current)?.category;
  return (
    <ul className="nav-sub">
      {REPORT_CATEGORIES.map((cat) => {
        const reports = list.filter((r) => r.category === cat);
        if (!reports.length) return null;
        return (
          <li key={cat} className="nav-cat">
            <details open={currentCat === cat || undefined}>
              <summary>{l(REPORT_CATEGORY_LABELS[cat])}</summary>
              <ul className="nav-sub">
                {reports.map((r) => (
                  <li key={r.id}>
                    <a className={`nav-report${r.id === current ? ' active' : ''}`} href={href(`/reports/${r.id}`)} aria-current={r.id === current ? 'page' : undefined} data-report={r.id}>
                      {l(r.title)}
                    </a>
                  </li>
                ))}
              </ul>
            </details>
          </li>
        );
      })}
    </ul>
  );
}
