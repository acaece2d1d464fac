// Adds the next 30 days' revenue forecast (point and 80/95% bands) to the dashboard's daily trend chart.
import { useCallback, useEffect, type ReactNode } from 'react';
import type { ChartData } from '../../../../shared/api/reports';
import { useCall } from '../../api/useCall';
import { useChartColors } from '../../components/charts/chartColors';
import { bandSeries } from '../../components/charts/forecastOption';
import type { BuiltChart } from '../../components/charts/reportChartOption';
import { isNotReady } from '../../components/ErrorNote';
import { useI18n } from '../../i18n/useI18n';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The ISO day `n` days after `day` (calendar days, no time zone involved). */
function shiftDay(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The value axis ends a little above the actual days and the 80% band: the 95% band of a volatile business can be
 * several times the typical day, and letting it set the scale would flatten the days that happened.
 */
function axisCap(values: (number | null)[]): number | undefined {
  const top = Math.max(0, ...values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)));
  if (top <= 0) return undefined;
  const step = 10 ** Math.floor(Math.log10(top)) / 2;
  return Math.ceil((top * 1.05) / step) * step;
}

/** The axis with the cap, and without a label at the cap (it is rarely a round step and would crowd the one below). */
function capped(axis: object, cap: number | undefined): object {
  if (cap === undefined) return axis;
  const label = (axis as { axisLabel?: object }).axisLabel ?? {};
  return { ...axis, max: cap, axisLabel: { ...label, showMaxLabel: false } };
}

/**
 * The dashboard's one forecast: the next 30 days after the last complete business day (`analytics.forecastNext30`,
 * the same total as the KPI card and the forecast page), drawn on the trend by date. A period that ends before the
 * day the forecast starts from has no forecast on its chart (a forecast of days already past would be another figure).
 */
export function useForecastDecoration(asOf: string | null, onReady?: () => void): { decorate?: (b: BuiltChart, d: ChartData) => BuiltChart; note: ReactNode } {
  const { t, f } = useI18n();
  const colors = useChartColors();
  const fc = useCall('analytics.forecastNext30', asOf ? {} : null, { low: true });
  const points = fc.data?.points;
  const total = fc.data?.total ?? null;
  useEffect(() => {
    if (fc.data) onReady?.();
  }, [fc.data, onReady]);
  const decorate = useCallback(
    (b: BuiltChart, d: ChartData): BuiltChart => {
      if (!points?.length || total === null) return b;
      const days = d.x.map((x) => (typeof x === 'string' && ISO_DAY.test(x) ? x : null));
      const last = days[days.length - 1];
      // Where the forecast's first day sits on the chart: on a day shown, or right after the last one.
      let lead = days.indexOf(points[0].date);
      if (lead < 0) {
        if (!last || shiftDay(last, 1) !== points[0].date) return b;
        lead = days.length;
      }
      const extra = points.slice(days.length - lead);
      const option = b.option as { xAxis: { data: string[] }; yAxis?: object | object[]; series: { name?: string; data: (number | null)[] }[]; legend?: object };
      const pad = extra.map(() => null);
      const series = [
        ...option.series.map((s) => ({ ...s, data: [...s.data, ...pad] })),
        ...bandSeries(t('forecast.band95'), 'b95', lead, points.map((p) => p.lo95), points.map((p) => p.hi95), colors.band95),
        ...bandSeries(t('forecast.band80'), 'b80', lead, points.map((p) => p.lo80), points.map((p) => p.hi80), colors.band80),
        { name: t('forecast.forecast'), type: 'line', data: [...Array<null>(lead).fill(null), ...points.map((p) => p.point)], symbol: 'none', lineStyle: { type: 'dashed', color: colors.series[0] }, itemStyle: { color: colors.series[0] } },
      ];
      const cap = axisCap([...option.series.flatMap((x) => x.data), ...points.map((p) => p.hi80)]);
      return {
        option: {
          ...option,
          // The bands' transparent lower bounds stay out of the legend.
          legend: { ...option.legend, show: true, data: (series as { name?: string }[]).map((s) => s.name).filter((n): n is string => !!n && !n.endsWith('-base')) },
          // One date style along the whole axis (the days behind and the days ahead).
          xAxis: { ...option.xAxis, data: [...d.x.map((x) => (typeof x === 'string' && ISO_DAY.test(x) ? f.dateShort(x) : String(x ?? ''))), ...extra.map((p) => f.dateShort(p.date))] },
          yAxis: Array.isArray(option.yAxis) ? option.yAxis.map((y, i) => (i === 0 ? capped(y, cap) : y)) : capped(option.yAxis ?? {}, cap),
          series,
        },
        summary: `${b.summary} ${t('dash.forecastSummary', { total: f.money(total), from: f.dateShort(points[0].date), to: f.dateShort(points[points.length - 1].date) })}`,
      };
    },
    [points, total, colors, t, f],
  );
  if (fc.error) return { note: <p className="muted chart-note">{isNotReady(fc.error) ? t('dash.forecastMissing') : fc.error.message}</p> };
  return { decorate: points?.length ? decorate : undefined, note: null };
}
