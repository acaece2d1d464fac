// The sidebar: every page of the app, the report catalogue by category, and the current page marked.
import { useI18n, type MessageKey } from '../i18n/useI18n';
import { href, useRoute } from './router';
import { ReportNav } from './ReportNav';

const ITEMS: { path: string; key: MessageKey; icon: string }[] = [
  { path: '/dashboard', key: 'nav.dashboard', icon: '◧' },
  { path: '/agenda', key: 'nav.agenda', icon: '◷' },
  { path: '/reports', key: 'nav.reports', icon: '▤' },
  { path: '/customers', key: 'nav.customers', icon: '☺' },
  { path: '/segments', key: 'nav.segments', icon: '◔' },
  { path: '/contacts', key: 'nav.contacts', icon: '✆' },
  { path: '/goals', key: 'nav.goals', icon: '◎' },
  { path: '/forecast', key: 'nav.forecast', icon: '↗' },
  { path: '/closing', key: 'nav.closing', icon: '☑' },
  { path: '/marketplace', key: 'nav.marketplace', icon: '⚖' },
  { path: '/sync', key: 'nav.sync', icon: '⟳' },
  { path: '/settings', key: 'nav.settings', icon: '⚙' },
  { path: '/tables', key: 'nav.tables', icon: '▦' },
  { path: '/import', key: 'nav.import', icon: '⇪' },
];

export function Sidebar() {
  const { t } = useI18n();
  const route = useRoute();
  const section = '/' + (route.parts[0] ?? 'dashboard');
  return (
    <nav className="sidebar" aria-label={t('nav.main')}>
      <a className="brand" href={href('/dashboard')}>
        <span className="brand-mark" aria-hidden="true">
          P
        </span>
        <span>{t('app.name')}</span>
      </a>
      <ul className="nav-list">
        {ITEMS.map((it) => (
          <li key={it.path}>
            <a className={`nav-item${section === it.path ? ' active' : ''}`} href={href(it.path)} aria-current={section === it.path ? 'page' : undefined}>
              <span className="nav-icon" aria-hidden="true">
                {it.icon}
              </span>
              {t(it.key)}
            </a>
            {it.path === '/reports' && <ReportNav />}
          </li>
        ))}
      </ul>
    </nav>
  );
}
