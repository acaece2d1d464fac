// RFM cluster sizes and value: the donut and a table with customers, value and average recency/frequency.
import { useMemo } from 'react';
import type { RfmResult } from '../../../../shared/analytics';
import { RFM_CLUSTERS, RFM_CLUSTER_LABELS } from '../../../../shared/rfm';
import { href } from '../../app/router';
import { useChartColors } from '../../components/charts/chartColors';
import { EChart } from '../../components/charts/EChart';
import { CLUSTER_COLORS, rfmDonut } from '../../components/charts/rfmDonut';
import { useI18n } from '../../i18n/useI18n';
import { useWords } from '../contacts/contactText';

export function ClusterSummary({ rfm }: { rfm: RfmResult }) {
  const { t, f, l } = useI18n();
  const w = useWords();
  const colors = useChartColors();
  const donut = useMemo(() => rfmDonut(rfm.clusters, f, colors, t('seg.clusters')), [rfm.clusters, f, colors, t]);
  const by = new Map(rfm.clusters.map((c) => [c.cluster, c]));
  return (
    <section className="card" aria-labelledby="seg-clusters" data-testid="cluster-summary">
      <h2 id="seg-clusters">{t('seg.clusters')}</h2>
      <p className="muted small">{t('seg.asOf', { date: f.date(rfm.asOf), days: f.integer(rfm.windowDays) })}</p>
      <div className="cluster-layout">
        <EChart option={donut.option} summary={donut.summary} height={240} />
        <table className="simple-table">
          <thead>
            <tr>
              <th scope="col">{t('seg.cluster')}</th>
              <th scope="col" className="num">
                {t('seg.customers')}
              </th>
              <th scope="col" className="num">
                {t('seg.monetary')}
              </th>
              <th scope="col" className="num">
                {t('seg.avgRecency')}
              </th>
              <th scope="col" className="num">
                {t('seg.avgFrequency')}
              </th>
            </tr>
          </thead>
          <tbody>
            {RFM_CLUSTERS.map((id) => {
              const c = by.get(id);
              return (
                <tr key={id}>
                  <th scope="row">
                    <span className="swatch" style={{ background: CLUSTER_COLORS[id] }} aria-hidden="true" />
                    <a href={href('/reports/customer-profiles', { rfmCluster: id })}>{l(RFM_CLUSTER_LABELS[id])}</a>{' '}
                    <a href={href(`/contacts/cluster:${id}`)} title={w('contacts.openList')} aria-label={`${w('contacts.openList')}: ${l(RFM_CLUSTER_LABELS[id])}`}>
                      ✆
                    </a>
                  </th>
                  <td className="num">{f.integer(c?.customers ?? 0)}</td>
                  <td className="num">{f.money(c?.monetary ?? 0)}</td>
                  <td className="num">{c?.avgRecency == null ? '–' : f.number(c.avgRecency, 0)}</td>
                  <td className="num">{c?.avgFrequency == null ? '–' : f.number(c.avgFrequency, 1)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
