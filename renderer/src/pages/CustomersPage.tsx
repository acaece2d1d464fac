// Customers: the customer profiles report as a searchable list (#/customers); a customer opens Customer 360
// (#/customers/<id>).
import { lazy, Suspense } from 'react';
import type { Route } from '../app/router';
import { ErrorNote } from '../components/ErrorNote';
import { NotYet } from '../components/NotYet';
import { useI18n } from '../i18n/useI18n';
import { useReportList } from '../state/reportsStore';
import { ReportExplorer } from './report/ReportExplorer';

const Customer360 = lazy(() => import('./customer/Customer360'));

export default function CustomersPage({ route }: { route: Route }) {
  const { t } = useI18n();
  const { list, error } = useReportList();
  const id = route.parts[1];
  if (id) {
    return (
      <Suspense fallback={<div className="page-loading">{t('common.loading')}</div>}>
        <Customer360 customerId={id} />
      </Suspense>
    );
  }
  if (error && !list) return <ErrorNote error={error} />;
  if (!list) return <div className="page-loading">{t('common.loading')}</div>;
  const meta = list.find((r) => r.id === 'customer-profiles');
  if (!meta) return <NotYet what={t('nav.customers')} />;
  return <ReportExplorer meta={meta} route={route} />;
}
