// Marketplace: the Mercado Livre / WooCommerce listings report (price history, competitor position, sold
// quantity) in the report explorer.
import type { Route } from '../app/router';
import { ErrorNote } from '../components/ErrorNote';
import { NotYet } from '../components/NotYet';
import { useI18n } from '../i18n/useI18n';
import { useReportList } from '../state/reportsStore';
import { ReportExplorer } from './report/ReportExplorer';

export default function MarketplacePage({ route }: { route: Route }) {
  const { t } = useI18n();
  const { list, error } = useReportList();
  if (error && !list) return <ErrorNote error={error} />;
  if (!list) return <div className="page-loading">{t('common.loading')}</div>;
  const meta = list.find((r) => r.id === 'marketplace');
  if (!meta) return <NotYet what={t('nav.marketplace')} />;
  return <ReportExplorer meta={meta} route={route} />;
}
