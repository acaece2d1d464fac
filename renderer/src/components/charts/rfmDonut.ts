// The RFM cluster donut: customers per cluster, in the clusters' fixed order and colours, with a summary.
import type { EChartsCoreOption } from 'echarts/core';
import type { RfmClusterSummary } from '../../../../shared/analytics';
import { RFM_CLUSTER_LABELS, RFM_CLUSTERS, type RfmCluster } from '../../../../shared/rfm';
import type { Formatter } from '../../../../shared/format';
import type { ChartColors } from './chartColors';

export const CLUSTER_COLORS: Record<RfmCluster, string> = {
  champions: '#1f9d8a',
  loyal: '#3d6fe0',
  promising: '#7a8b1f',
  at_risk: '#e0823d',
  hibernating: '#9a6fb0',
  lost: '#b3261e',
};

export function rfmDonut(clusters: RfmClusterSummary[], f: Formatter, colors: ChartColors, title: string): { option: EChartsCoreOption; summary: string } {
  const by = new Map(clusters.map((c) => [c.cluster, c]));
  const total = clusters.reduce((a, c) => a + c.customers, 0);
  const data = RFM_CLUSTERS.map((id) => ({ id, name: RFM_CLUSTER_LABELS[id][f.locale], value: by.get(id)?.customers ?? 0, itemStyle: { color: CLUSTER_COLORS[id] } }));
  return {
    option: {
      animation: false,
      textStyle: { color: colors.text },
      tooltip: { trigger: 'item', valueFormatter: (v: number) => `${f.integer(v)} (${f.percent(total ? v / total : 0, 0)})` },
      legend: { orient: 'vertical', right: 0, top: 'middle', textStyle: { color: colors.muted } },
      series: [{ type: 'pie', radius: ['48%', '75%'], center: ['38%', '50%'], data, label: { show: false }, itemStyle: { borderColor: colors.surface, borderWidth: 2 } }],
    },
    summary: `${title}: ${data.map((d) => `${d.name} ${f.integer(d.value)} (${f.percent(total ? d.value / total : 0, 0)})`).join('; ')}.`,
  };
}
