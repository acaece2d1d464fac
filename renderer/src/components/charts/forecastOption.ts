// ECharts option for a revenue forecast: the history, the point forecast, and the 80% and 95% intervals as
// shaded bands (a transparent lower bound with the band's width stacked on it), plus a summary in words.
import type { EChartsCoreOption } from 'echarts/core';
import type { ForecastResult } from '../../../../shared/analytics';
import type { Formatter } from '../../../../shared/format';
import type { Translate } from '../../i18n/useI18n';
import type { ChartColors } from './chartColors';

export interface ForecastChart {
  option: EChartsCoreOption;
  summary: string;
}

/** Band series over `n` leading nulls: lower bound (invisible) + width (shaded), stacked. */
export function bandSeries(name: string, stack: string, lead: number, lo: number[], hi: number[], color: string): object[] {
  const pad = Array<null>(lead).fill(null);
  return [
    { name: `${name}-base`, type: 'line', stack, data: [...pad, ...lo], lineStyle: { opacity: 0 }, symbol: 'none', tooltip: { show: false }, silent: true },
    {
      name,
      type: 'line',
      stack,
      data: [...pad, ...hi.map((h, i) => Math.max(0, h - lo[i]))],
      lineStyle: { opacity: 0 },
      symbol: 'none',
      areaStyle: { color },
      itemStyle: { color },
      tooltip: { show: false },
      silent: true,
    },
  ];
}

export function forecastOption(r: ForecastResult, f: Formatter, colors: ChartColors, t: Translate): ForecastChart {
  const label = (d: string) => (r.granularity === 'month' ? f.month(d) : f.dateShort(d));
  const x = [...r.history.map((h) => h.date), ...r.points.map((p) => p.date)];
  const lead = r.history.length;
  const hist = [...r.history.map((h) => h.value), ...r.points.map(() => null)];
  // The forecast line starts at the last actual value so the two lines join.
  const point = [...r.history.map((_, i) => (i === lead - 1 ? r.history[i].value : null)), ...r.points.map((p) => p.point)];
  const option: EChartsCoreOption = {
    animation: false,
    textStyle: { color: colors.text },
    tooltip: { trigger: 'axis', confine: true, valueFormatter: (v: number) => f.money(v) },
    legend: { top: 0, textStyle: { color: colors.muted }, data: [t('forecast.actual'), t('forecast.forecast'), t('forecast.band80'), t('forecast.band95')] },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: x.map(label), axisLabel: { color: colors.muted, hideOverlap: true }, axisLine: { lineStyle: { color: colors.grid } } },
    yAxis: { type: 'value', axisLabel: { color: colors.muted, formatter: (v: number) => f.moneyShort(v) }, splitLine: { lineStyle: { color: colors.grid } } },
    series: [
      ...bandSeries(t('forecast.band95'), 'b95', lead, r.points.map((p) => p.lo95), r.points.map((p) => p.hi95), colors.band95),
      ...bandSeries(t('forecast.band80'), 'b80', lead, r.points.map((p) => p.lo80), r.points.map((p) => p.hi80), colors.band80),
      { name: t('forecast.actual'), type: 'line', data: hist, symbol: 'none', lineStyle: { color: colors.series[1], width: 1.6 }, itemStyle: { color: colors.series[1] } },
      { name: t('forecast.forecast'), type: 'line', data: point, symbol: 'none', lineStyle: { color: colors.series[0], width: 2, type: 'dashed' }, itemStyle: { color: colors.series[0] } },
    ],
  };
  const total = r.points.reduce((a, p) => a + p.point, 0);
  const first = r.points[0];
  const last = r.points[r.points.length - 1];
  const summary = first
    ? t('forecast.summary', {
        n: r.points.length,
        from: label(first.date),
        to: label(last.date),
        total: f.money(total),
      })
    : t('common.noData');
  return { option, summary };
}
