// The app shell (sidebar, top bar, page area) and the route table; heavy pages load lazily.
import { lazy, Suspense, useEffect, type ComponentType, type LazyExoticComponent } from 'react';
import { useI18n } from '../i18n/useI18n';
import { useUiStore } from '../state/uiStore';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';
import { useRoute, type Route } from './router';
import { ErrorBoundary } from './ErrorBoundary';
import DashboardPage from '../pages/DashboardPage';

type Page = LazyExoticComponent<ComponentType<{ route: Route }>> | ComponentType<{ route: Route }>;

const pages: Record<string, Page> = {
  // The landing page ships in the main bundle: no extra round trip before its first call.
  dashboard: DashboardPage,
  agenda: lazy(() => import('../pages/AgendaPage')),
  tables: lazy(() => import('../pages/TablesPage')),
  reports: lazy(() => import('../pages/ReportsPage')),
  customers: lazy(() => import('../pages/CustomersPage')),
  segments: lazy(() => import('../pages/SegmentsPage')),
  forecast: lazy(() => import('../pages/ForecastPage')),
  marketplace: lazy(() => import('../pages/MarketplacePage')),
  sync: lazy(() => import('../pages/SyncPage')),
  settings: lazy(() => import('../pages/SettingsPage')),
  sales: lazy(() => import('../pages/SalesPage')),
  import: lazy(() => import('../pages/ImportPage')),
  closing: lazy(() => import('../pages/ClosingPage')),
  contacts: lazy(() => import('../pages/ContactsPage')),
  goals: lazy(() => import('../pages/GoalsPage')),
  units: lazy(() => import('../pages/UnitsPage')),
};

/** Pages whose numbers depend on the global period and location. */
const FILTERED = new Set(['dashboard', 'reports', 'customers', 'segments', 'forecast', 'marketplace', 'sales']);

export function App() {
  const route = useRoute();
  const { t, locale } = useI18n();
  const theme = useUiStore((s) => s.theme);
  const section = route.parts[0] && pages[route.parts[0]] ? route.parts[0] : 'dashboard';
  const PageComponent = pages[section];

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main-content">
        {t('a11y.skip')}
      </a>
      <Sidebar />
      <div className="main-col">
        <TopBar showFilters={FILTERED.has(section)} />
        <main id="main-content" className="content" tabIndex={-1}>
          <ErrorBoundary key={route.path}>
            <Suspense fallback={<div className="page-loading">{t('common.loading')}</div>}>
              <PageComponent route={route} />
            </Suspense>
          </ErrorBoundary>
        </main>
      </div>
    </div>
  );
}
