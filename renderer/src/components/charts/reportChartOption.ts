// Builds an ECharts option and a plain-words summary from a report's chart spec and the engine's series.
import type { EChartsCoreOption } from 'echarts/core';
import type { ChartData } from '../../../../shared/api/reports';
import type { ChartSpec, ReportColumnMeta } from '../../../../shared/reports';
import type { Formatter } from '../../../../shared/format';
import { formatAxis, formatValue, type ColumnLike } from '../../i18n/reportFormat';
import type { ChartColors } from './chartColors';
import type { Translate } from '../../i18n/useI18n';

type Val = string | number | null;

const toNum = (v: Val | undefined): number | null => (v === null || v === undefined || v === '' ? null : Number(v));

export interface BuiltChart {
  option: EChartsCoreOption;
  summary: string;
}


function colOf(columns: ReportColumnMeta[], id: string): ColumnLike & { label?: ReportColumnMeta['label'] } {
  return columns.find((c) => c.id === id) ?? { id, type: 'decimal' };
}

/** Distinct values as text, numerically ordered when they are all numbers (hours, weekdays). */
function sortedUnique(values: Val[]): string[] {
  const u = [...new Set(values.map(String))];
  return u.every((v) => /^-?\d+(\.\d+)?$/.test(v)) ? u.sort((a, b) => Number(a) - Number(b)) : u;
}

export function buildReportChart(spec: ChartSpec, data: ChartData, allColumns: ReportColumnMeta[], f: Formatter, colors: ChartColors, t: Translate, title: string): BuiltChart {
  const counted = new Set(spec.series.filter((s) => s.count).map((s) => s.column));
  const columns = allColumns.map((c) => (counted.has(c.id) ? { ...c, type: 'integer' as const, unit: 'count' as const, format: undefined } : c));
  const xCol = colOf(columns, spec.x);
  const name = (id: string) => {
    const c = colOf(columns, id);
    return c.label ? c.label[f.locale] : id;
  };
  const base = {
    animation: false,
    textStyle: { color: colors.text },
    color: colors.series,
    tooltip: { trigger: spec.kind === 'pie' || spec.kind === 'heatmap' ? 'item' : 'axis', confine: true },
  };
  if (!data.x.length || !data.series.length) {
    const empty = t('common.noData');
    return { option: { ...base, title: { text: empty, left: 'center', top: 'middle', textStyle: { color: colors.muted, fontSize: 13 } } }, summary: `${title}: ${empty}` };
  }

  if (spec.kind === 'pie') {
    const s = data.series[0];
    const col = colOf(columns, s.column);
    const items = data.x.map((x, i) => ({ name: formatValue(f, xCol, x), value: toNum(s.values[i]) ?? 0 }));
    const total = items.reduce((a, b) => a + b.value, 0);
    return {
      option: {
        ...base,
        tooltip: { trigger: 'item', valueFormatter: (v: number) => formatValue(f, col, v) },
        legend: { bottom: 0, textStyle: { color: colors.muted }, type: 'scroll' },
        series: [{ type: 'pie', radius: ['45%', '72%'], center: ['50%', '45%'], data: items, label: { color: colors.text }, itemStyle: { borderColor: colors.surface, borderWidth: 2 } }],
      },
      summary: `${title}: ${items.map((it) => `${it.name} ${formatValue(f, col, it.value)} (${f.percent(total ? it.value / total : 0, 0)})`).join('; ')}.`,
    };
  }

  if (spec.kind === 'heatmap') {
    const s = data.series[0];
    const col = colOf(columns, s.column);
    const yCol = colOf(columns, spec.y ?? '');
    const xs = sortedUnique(data.x);
    const ys = sortedUnique(data.y ?? []);
    const points = data.x.map((x, i) => [xs.indexOf(String(x)), ys.indexOf(String(data.y?.[i])), toNum(s.values[i]) ?? 0]);
    const max = Math.max(0, ...points.map((p) => p[2]));
    const top = points.reduce((a, b) => (b[2] > a[2] ? b : a), points[0]);
    return {
      option: {
        ...base,
        tooltip: { trigger: 'item', formatter: (p: { value: number[] }) => `${formatValue(f, xCol, xs[p.value[0]])} · ${formatValue(f, yCol, ys[p.value[1]])}: ${formatValue(f, col, p.value[2])}` },
        grid: { left: 56, right: 16, top: 10, bottom: 56 },
        xAxis: { type: 'category', data: xs.map((x) => formatValue(f, xCol, x)), axisLabel: { color: colors.muted }, splitArea: { show: true } },
        yAxis: { type: 'category', data: ys.map((y) => formatValue(f, yCol, y)), axisLabel: { color: colors.muted } },
        visualMap: { min: 0, max: max || 1, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, inRange: { color: colors.heat }, textStyle: { color: colors.muted }, formatter: (v: number) => formatAxis(f, col, v) },
        series: [{ type: 'heatmap', data: points, emphasis: { itemStyle: { borderColor: colors.text, borderWidth: 1 } } }],
      },
      summary: t('chart.summaryHeat', { title, series: name(s.column), max: formatValue(f, col, top?.[2]), at: top ? `${formatValue(f, xCol, xs[top[0]])} ${formatValue(f, yCol, ys[top[1]])}` : '' }),
    };
  }

  const xLabels = data.x.map((x) => formatAxis(f, xCol, x));
  const leftCol = colOf(columns, spec.series.find((s) => s.axis !== 'right')?.column ?? spec.series[0].column);
  const rightSeries = spec.series.find((s) => s.axis === 'right');
  const rightCol = rightSeries ? colOf(columns, rightSeries.column) : null;
  const series: object[] = [];
  data.series.forEach((d) => {
    const s = spec.series.find((x) => x.column === d.column) ?? { column: d.column };
    const si = spec.series.indexOf(s);
    const as = s.as ?? (spec.kind === 'line' || spec.kind === 'area' ? 'line' : spec.kind === 'bar_line' && si > 0 ? 'line' : 'bar');
    const col = colOf(columns, d.column);
    const groupCol = spec.by ? colOf(columns, spec.by) : null;
    const groupName = d.group === undefined || d.group === null ? '–' : groupCol ? formatValue(f, groupCol, d.group) : String(d.group);
    const seriesName = d.group !== undefined ? `${groupName}${spec.series.length > 1 ? ` · ${name(d.column)}` : ''}` : name(d.column);
    series.push({
      name: seriesName,
      type: as === 'area' ? 'line' : as,
      data: d.values.map(toNum),
      yAxisIndex: s.axis === 'right' && rightCol ? 1 : 0,
      stack: spec.kind === 'stacked_bar' || (spec.by && as === 'bar') ? (s.stack ?? `s${si}`) : s.stack,
      areaStyle: as === 'area' || spec.kind === 'area' ? { opacity: 0.25 } : undefined,
      // Straight segments: a smoothed line overshoots around closed days (zeros) and draws values below zero that
      // no day had, which also pulls the axis under zero.
      smooth: false,
      showSymbol: data.x.length < 40,
      barMaxWidth: 56,
      tooltip: { valueFormatter: (v: number) => formatValue(f, col, v) },
    });
    if (d.previous) {
      series.push({
        name: `${seriesName} (${t('chart.previous')})`,
        type: 'line',
        data: d.previous.map(toNum),
        yAxisIndex: s.axis === 'right' && rightCol ? 1 : 0,
        lineStyle: { type: 'dashed', color: colors.previous },
        itemStyle: { color: colors.previous },
        showSymbol: false,
        tooltip: { valueFormatter: (v: number) => formatValue(f, col, v) },
      });
    }
  });
  // Split charts (one series per group) summarise the sum over groups of the first column.
  const firstColumn = data.series[0].column;
  const parts = data.series.filter((x) => x.column === firstColumn);
  const firstCol = colOf(columns, firstColumn);
  const summable = firstCol.type === 'money' || firstCol.type === 'integer';
  const first = summable
    ? { column: firstColumn, values: data.x.map((_, i) => (parts.some((p) => toNum(p.values[i]) !== null) ? parts.reduce((a, p) => a + (toNum(p.values[i]) ?? 0), 0) : null)) }
    : parts[0];
  let maxI = 0;
  first.values.forEach((v, i) => {
    if ((toNum(v) ?? -Infinity) > (toNum(first.values[maxI]) ?? -Infinity)) maxI = i;
  });
  const sum = first.values.reduce<number>((a, v) => a + (toNum(v) ?? 0), 0);
  const additive = firstCol.type === 'money' || firstCol.type === 'integer';
  const axisLabel = (col: ColumnLike) => ({ color: colors.muted, formatter: (v: number) => formatAxis(f, col, v) });
  // Top-N bars of names read better lying down, largest first.
  const horizontal = !!spec.topN && xCol.type === 'text';
  const categoryAxis = { type: 'category', data: xLabels, inverse: horizontal, axisLabel: { color: colors.muted, hideOverlap: !horizontal, width: 140, overflow: 'truncate' }, axisLine: { lineStyle: { color: colors.grid } } };
  const valueAxes = [
    { type: 'value', axisLabel: axisLabel(leftCol), splitLine: { lineStyle: { color: colors.grid } } },
    ...(rightCol ? [{ type: 'value', axisLabel: axisLabel(rightCol), splitLine: { show: false } }] : []),
  ];
  return {
    option: {
      ...base,
      legend: { top: 0, textStyle: { color: colors.muted }, type: 'scroll', show: series.length > 1 },
      grid: { left: 8, right: 16, top: series.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
      xAxis: horizontal ? valueAxes[0] : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxes,
      series: horizontal ? series.map((x) => ({ ...x, yAxisIndex: undefined })) : series,
    },
    summary:
      t('chart.summary', {
        title,
        points: data.x.length,
        first: formatValue(f, xCol, data.x[0]),
        last: formatValue(f, xCol, data.x[data.x.length - 1]),
        series: name(first.column),
        max: formatValue(f, firstCol, first.values[maxI]),
        at: formatValue(f, xCol, data.x[maxI]),
      }) + (additive ? ' ' + t('chart.summaryTotal', { total: formatValue(f, firstCol, sum) }) : ''),
  };
}
