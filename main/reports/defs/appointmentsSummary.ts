// appointments-summary: appointments by their occurred_at business date, per period bucket and (by choice)
// location and/or employee — counts by status and the completion, no-show and cancellation rates.
import { dateCol, intCol, keyCol, L, NO_EMPLOYEE, NO_LOCATION, pctCol, textCol } from '../columns';
import { GRANULARITY_OPTIONS } from '../sqlParts';
import type { ReportDefinition } from '../types';

const rate = (num: string) => `safe_ratio(sum("${num}"), sum("completed") + sum("no_show") + sum("cancelled"))`;

export const appointmentsSummary: ReportDefinition = {
  id: 'appointments-summary',
  category: 'appointments',
  title: L('Agendamentos', 'Appointments'),
  description: L('Quantos atendimentos foram agendados, concluídos, cancelados ou tiveram falta, por unidade e profissional.', 'How many appointments were booked, completed, cancelled or missed, by location and professional.'),
  formula: L(
    'Agendamentos pela data do atendimento: agendados, confirmados, concluídos, cancelados e faltas, com as taxas de conclusão, falta e cancelamento, por unidade e profissional.',
    'Appointments by their date: booked, confirmed, completed, cancelled and no-shows, with completion, no-show and cancellation rates, by location and employee.',
  ),
  columns: [
    dateCol('bucket', 'Período', 'Period', { drill: { kind: 'daySales' } }),
    keyCol('location_id', 'Código da unidade', 'Location id'),
    textCol('location_name', 'Unidade', 'Location', { empty: NO_LOCATION }),
    keyCol('employee_id', 'Código do profissional', 'Employee id'),
    textCol('employee_name', 'Profissional', 'Employee', { empty: NO_EMPLOYEE }),
    intCol('appointments', 'Agendamentos', 'Appointments'),
    intCol('booked', 'Agendados', 'Booked'),
    intCol('confirmed', 'Confirmados', 'Confirmed'),
    intCol('completed', 'Concluídos', 'Completed'),
    intCol('cancelled', 'Cancelados', 'Cancelled', { lowerIsBetter: true }),
    intCol('no_show', 'Faltas', 'No-shows', { lowerIsBetter: true }),
    pctCol('completion_rate', 'Taxa de conclusão', 'Completion rate', rate('completed')),
    pctCol('no_show_rate', 'Taxa de faltas', 'No-show rate', rate('no_show'), { lowerIsBetter: true }),
    pctCol('cancellation_rate', 'Taxa de cancelamento', 'Cancellation rate', rate('cancelled'), { lowerIsBetter: true }),
  ],
  params: [
    { id: 'granularity', label: L('Agrupar por', 'Group by'), kind: 'enum', options: GRANULARITY_OPTIONS, default: 'month' },
    {
      id: 'by',
      label: L('Detalhar por', 'Break down by'),
      kind: 'enum',
      options: [
        { value: 'total', label: L('Total', 'Total') },
        { value: 'location', label: L('Unidade', 'Location') },
        { value: 'employee', label: L('Profissional', 'Employee') },
        { value: 'location_employee', label: L('Unidade e profissional', 'Location and employee') },
      ],
      default: 'location',
    },
  ],
  filters: ['location', 'employee', 'source', 'category', 'rfmCluster'],
  defaultPreset: 'this_month',
  defaultSort: [{ column: 'bucket', desc: false }],
  charts: [
    {
      id: 'status',
      title: L('Agendamentos por situação', 'Appointments by status'),
      kind: 'stacked_bar',
      x: 'bucket',
      series: [
        { column: 'completed', stack: 's' },
        { column: 'cancelled', stack: 's' },
        { column: 'no_show', stack: 's' },
        { column: 'booked', stack: 's' },
        { column: 'confirmed', stack: 's' },
      ],
    },
    { id: 'rates', title: L('Taxas de falta e cancelamento', 'No-show and cancellation rates'), kind: 'line', x: 'bucket', series: [{ column: 'no_show_rate' }, { column: 'cancellation_rate' }] },
  ],
  comparable: true,
  sql(ctx) {
    const g = ctx.p(String(ctx.params.granularity));
    const by = String(ctx.params.by);
    const loc = by === 'location' || by === 'location_employee' ? 's.location_id' : 'CAST(NULL AS VARCHAR)';
    const emp = by === 'employee' || by === 'location_employee' ? 's.employee_id' : 'CAST(NULL AS VARCHAR)';
    // Counts by status per day, location and channel are in the sales rollup; a breakdown by employee reads the rows.
    const r = emp === 'CAST(NULL AS VARCHAR)' ? ctx.rollups : null;
    const n = (status?: string) => (r ? `CAST(coalesce(sum(s.sales)${status ? ` FILTER (WHERE s.status = '${status}')` : ''}, 0) AS BIGINT)` : `count(*)${status ? ` FILTER (WHERE s.status = '${status}')` : ''}`);
    const rows = r
      ? `rollup_sales_day s WHERE s.kind = 'appointment' AND s.d BETWEEN ${ctx.from} AND ${ctx.to} AND ${r.filter('s')}`
      : `${ctx.sales({ customerKey: false })} s WHERE s.kind = 'appointment' AND ${ctx.salesFilter('s')}`;
    return `WITH a AS (
        SELECT CAST(date_trunc(${g}, ${r ? 's.d' : 's.biz_date'}) AS DATE) AS bucket, ${loc} AS location_id, ${emp} AS employee_id,
          ${n()} AS appointments, ${n('booked')} AS booked, ${n('confirmed')} AS confirmed,
          ${n('completed')} AS completed, ${n('cancelled')} AS cancelled, ${n('no_show')} AS no_show
        FROM ${rows}
        GROUP BY ALL)
      SELECT a.bucket, a.location_id, l.name AS location_name, a.employee_id, e.name AS employee_name,
        a.appointments, a.booked, a.confirmed, a.completed, a.cancelled, a.no_show,
        safe_ratio(a.completed, a.completed + a.no_show + a.cancelled) AS completion_rate,
        safe_ratio(a.no_show, a.completed + a.no_show + a.cancelled) AS no_show_rate,
        safe_ratio(a.cancelled, a.completed + a.no_show + a.cancelled) AS cancellation_rate
      FROM a LEFT JOIN locations l ON l.location_id = a.location_id LEFT JOIN employees e ON e.employee_id = a.employee_id`;
  },
};
