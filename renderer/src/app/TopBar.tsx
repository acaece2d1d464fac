// The top bar: the global period and location filters, the connection/sync badge, language and theme switches.
import { lazy, Suspense } from 'react';
import { useI18n } from '../i18n/useI18n';
import { useUiStore } from '../state/uiStore';
import { ConnectionBadge } from './ConnectionBadge';

const GlobalFilters = lazy(() => import('../components/filters/GlobalFilters'));

export function TopBar({ showFilters }: { showFilters: boolean }) {
  const { t } = useI18n();
  const { locale, theme, setLocale, setTheme } = useUiStore();
  return (
    <header className="topbar">
      <div className="topbar-filters">
        {showFilters && (
          <Suspense fallback={null}>
            <GlobalFilters />
          </Suspense>
        )}
      </div>
      <div className="topbar-right">
        <ConnectionBadge />
        <div className="field field-inline">
          <label htmlFor="locale-select" className="visually-hidden">
            {t('top.locale')}
          </label>
          <select id="locale-select" className="compact" value={locale} onChange={(e) => setLocale(e.target.value as 'pt-BR' | 'en')} title={t('top.locale')}>
            <option value="pt-BR">PT-BR</option>
            <option value="en">EN</option>
          </select>
        </div>
        <button
          type="button"
          className="btn btn-ghost theme-toggle"
          aria-label={`${t('top.theme')}: ${theme === 'dark' ? t('top.theme.dark') : t('top.theme.light')}`}
          aria-pressed={theme === 'dark'}
          onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
        >
          <span aria-hidden="true">{theme === 'dark' ? '☾' : '☀'}</span>
        </button>
      </div>
    </header>
  );
}
