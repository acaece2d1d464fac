// A customer's visits and orders, newest first: date, what was done (items by name, opening the sale), who and
// where, status, total, discount and coupon.
import type { Customer360 } from '../../../../shared/analytics';
import { href } from '../../app/router';
import { useI18n } from '../../i18n/useI18n';
import { codeLabel } from '../../i18n/valueLabels';

export function VisitTimeline({ sales }: { sales: Customer360['sales'] }) {
  const { t, f, locale } = useI18n();
  const sorted = [...sales].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <section className="card" aria-labelledby="c360-visits-title">
      <h2 id="c360-visits-title">{t('c360.timeline', { n: f.integer(sales.length) })}</h2>
      <div className="timeline-wrap">
        <table className="simple-table" data-testid="c360-timeline">
          <thead>
            <tr>
              <th scope="col">{t('c360.date')}</th>
              <th scope="col">{t('c360.items')}</th>
              <th scope="col">{t('c360.employee')}</th>
              <th scope="col">{t('c360.location')}</th>
              <th scope="col">{t('c360.status')}</th>
              <th scope="col" className="num">
                Total
              </th>
              <th scope="col" className="num">
                {t('c360.discount')}
              </th>
              <th scope="col">{t('c360.coupon')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.slice(0, 200).map((s) => (
              <tr key={s.saleId} className={s.status === 'completed' ? undefined : 'muted'}>
                <td>{f.date(s.date)}</td>
                <td>
                  <a href={href('/sales', { sale: s.saleId })} title={t('c360.openSale')}>
                    {s.items ?? (s.kind ? codeLabel(locale, s.kind) : t('c360.sale'))}
                  </a>
                </td>
                <td>{s.employee ?? t('words.noEmployee')}</td>
                <td>{s.location ?? t('words.online')}</td>
                <td>{codeLabel(locale, s.status)}</td>
                <td className="num">{f.money(s.total)}</td>
                <td className="num">{f.money(s.discount)}</td>
                <td>{s.coupon ?? t('words.noCoupon')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
