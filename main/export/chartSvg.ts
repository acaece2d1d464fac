// A report chart drawn server-side as vectors: ECharts' SSR SVG renderer, options built from the engine's
// aggregated chart data, text in the PDF font so svg-to-pdfkit embeds the same accents as the tables.
import type { EChartsCoreOption } from 'echarts';
import { createFormatter } from '../../shared/format';
import { loadEcharts } from './lazyLibs';
import { PDF_FONT } from './pdfKit';
import { text, type ExportChart, type Locale } from './types';

const PALETTE = ['#1f5f8b', '#e07a1f', '#3b9c6a', '#b8404a', '#7a5bb5', '#8c6d46', '#d4a017', '#4a90a4'];

function xLabel(v: string | number | null, locale: Locale): string {
  if (v === null) return '—';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return createFormatter({ locale }).date(v);
  return String(v);
}

function axisFormatter(unit: string | undefined, locale: Locale): (v: number) => string {
  const f = createFormatter({ locale });
  return unit === 'percent' ? (v: number) => f.percent(v, 0) : (v: number) => f.compact(v);
}

export function chartOptions(chart: ExportChart, locale: Locale): EChartsCoreOption {
  const base = { animation: false, color: PALETTE, textStyle: { fontFamily: PDF_FONT, fontSize: 8 }, backgroundColor: '#ffffff' };
  const x = chart.x.map((v) => xLabel(v, locale));
  if (chart.kind === 'pie') {
    const s = chart.series[0];
    return {
      ...base,
      legend: { type: 'plain', orient: 'vertical', right: 10, top: 'middle', textStyle: { fontFamily: PDF_FONT } },
      series: [{ type: 'pie', radius: ['35%', '70%'], center: ['35%', '50%'], label: { formatter: '{d}%', fontFamily: PDF_FONT }, data: x.map((name, i) => ({ name, value: s?.values[i] ?? 0 })) }],
    };
  }
  if (chart.kind === 'heatmap' && chart.y) {
    const y = chart.y.map((v) => xLabel(v, locale));
    const values = chart.series[0]?.values ?? [];
    const data: [number, number, number][] = [];
    x.forEach((_xv, i) => y.forEach((_yv, j) => data.push([i, j, values[i * y.length + j] ?? 0])));
    const max = Math.max(1, ...data.map((d) => d[2]));
    return {
      ...base,
      grid: { left: 60, right: 20, top: 10, bottom: 50 },
      xAxis: { type: 'category', data: x, axisLabel: { fontFamily: PDF_FONT, fontSize: 8 } },
      yAxis: { type: 'category', data: y, axisLabel: { fontFamily: PDF_FONT, fontSize: 8 } },
      visualMap: { min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, textStyle: { fontFamily: PDF_FONT }, inRange: { color: ['#f0f4f8', '#1f5f8b'] } },
      series: [{ type: 'heatmap', data }],
    };
  }
  const rightUnit = chart.series.find((s) => s.axis === 'right')?.unit;
  const leftUnit = chart.series.find((s) => s.axis !== 'right')?.unit;
  const hasRight = chart.series.some((s) => s.axis === 'right');
  return {
    ...base,
    legend: { top: 0, itemWidth: 14, itemHeight: 8, textStyle: { fontFamily: PDF_FONT, fontSize: 8 } },
    grid: { left: 56, right: hasRight ? 56 : 16, top: 28, bottom: 28, containLabel: false },
    xAxis: { type: 'category', data: x, axisLabel: { fontFamily: PDF_FONT, fontSize: 8, hideOverlap: true } },
    yAxis: [
      { type: 'value', axisLabel: { formatter: axisFormatter(leftUnit, locale), fontFamily: PDF_FONT, fontSize: 8 } },
      ...(hasRight ? [{ type: 'value', splitLine: { show: false }, axisLabel: { formatter: axisFormatter(rightUnit, locale), fontFamily: PDF_FONT, fontSize: 8 } }] : []),
    ],
    series: chart.series.map((s) => ({
      type: s.as === 'bar' ? 'bar' : 'line',
      name: text(s.label, locale),
      data: s.values,
      yAxisIndex: s.axis === 'right' ? 1 : 0,
      stack: s.stack ?? (chart.kind === 'stacked_bar' ? 'total' : undefined),
      areaStyle: s.as === 'area' ? { opacity: 0.25 } : undefined,
      showSymbol: chart.x.length <= 40,
      barMaxWidth: 28,
    })),
  };
}

/** The chart as an SVG document of the given size in points. */
export async function chartSvg(chart: ExportChart, locale: Locale, width: number, height: number): Promise<string> {
  const echarts = await loadEcharts();
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    instance.setOption(chartOptions(chart, locale));
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}
