// peak-hours: hour of day x weekday (business time zone) of completed appointments and completed-sale revenue,
// every one of the 7 x 24 cells present (zeros included) so the heatmap is complete.
import { intCol, L, moneyCol } from '../columns';
import type { ReportDefinition } from '../types';

export const peakHours: ReportDefinition = {
  id: 'peak-hours',
  category: 'appointments',
  title: L('Horários de pico', 'Peak hours'),
  description: L('Os dias e horários de maior movimento.', 'The busiest days and hours.'),
  formula: L(
    'Mapa de calor hora do dia × dia da semana (fuso do negócio): atendimentos concluídos e receita (bruto − descontos) das vendas concluídas.',
    'Hour of day × weekday heatmap (business time zone): completed appointments and revenue (gross − discounts) of completed sales.',
  ),
  columns: [
    intCol('weekday', 'Dia da semana', 'Weekday', { format: 'weekday', total: 'none', unit: undefined }),
    intCol('hour', 'Hora', 'Hour', { format: 'hour', total: 'none', unit: undefined }),
    intCol('appointments', 'Atendimentos', 'Appointments'),
    intCol('sales', 'Vendas', 'Sales'),
    moneyCol('revenue', 'Receita', 'Revenue'),
  ],
  params: [],
  filters: ['location', 'employee', 'source', 'category', 'rfmCluster'],
  defaultPreset: 'last_90_days',
  defaultSort: [
    { column: 'weekday', desc: false },
    { column: 'hour', desc: false },
  ],
  charts: [
    { id: 'appointments', title: L('Atendimentos por hora e dia', 'Appointments by hour and weekday'), kind: 'heatmap', x: 'hour', y: 'weekday', series: [{ column: 'appointments' }] },
    { id: 'revenue', title: L('Receita por hora e dia', 'Revenue by hour and weekday'), kind: 'heatmap', x: 'hour', y: 'weekday', series: [{ column: 'revenue' }] },
    { id: 'hours', title: L('Atendimentos por hora', 'Appointments by hour'), kind: 'bar', x: 'hour', series: [{ column: 'appointments' }] },
  ],
  comparable: true,
  sql(ctx) {
    return `WITH s AS (
        SELECT CAST(dayofweek(s.biz_ts) AS BIGINT) AS weekday, CAST(hour(s.biz_ts) AS BIGINT) AS hour,
          count(*) FILTER (WHERE s.kind = 'appointment') AS appointments, count(*) AS sales,
          sum(coalesce(s.gross_amount, 0) - coalesce(s.discount_amount, 0)) AS revenue
        FROM ${ctx.sales({ customerKey: false })} s WHERE s.status = 'completed' AND ${ctx.salesFilter('s')} GROUP BY ALL),
      grid AS (SELECT w.w AS weekday, h.h AS hour FROM range(0, 7) w(w) CROSS JOIN range(0, 24) h(h))
      SELECT grid.weekday, grid.hour,
        coalesce(s.appointments, 0) AS appointments, coalesce(s.sales, 0) AS sales, coalesce(s.revenue, 0) AS revenue
      FROM grid LEFT JOIN s USING (weekday, hour)`;
  },
};
