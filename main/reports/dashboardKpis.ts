// The dashboard KPIs of reports.md: label, type, whether a rise is good, and the aggregate each one is over the
// dashboard's tagged tables (one row per group: a sparkline bucket, the period, the previous window, last year).
import type { DashboardKpiId, ReportUnit } from '../../shared/reports';
import type { ColumnType, LocalizedText } from '../../shared/types';

export interface KpiDef {
  label: LocalizedText;
  type: ColumnType;
  unit: ReportUnit;
  /** Aggregate over the tagged tables, per group g. */
  sql: string | null;
  lowerIsBetter?: boolean;
}

const L = (pt: string, en: string): LocalizedText => ({ 'pt-BR': pt, en });

export const KPIS: Record<DashboardKpiId, KpiDef> = {
  gross_revenue: { label: L('Receita bruta', 'Gross revenue'), type: 'money', unit: 'currency', sql: 'coalesce(s.gross, 0)' },
  net_revenue: { label: L('Receita líquida', 'Net revenue'), type: 'money', unit: 'currency', sql: 'coalesce(s.gross, 0) - coalesce(s.discounts, 0) - coalesce(p.refunds, 0)' },
  completed_sales: { label: L('Vendas concluídas', 'Completed sales'), type: 'integer', unit: 'count', sql: 'coalesce(s.n, 0)' },
  average_ticket: { label: L('Ticket médio', 'Average ticket'), type: 'money', unit: 'currency', sql: 'div_money(s.total, s.n)' },
  unique_customers: { label: L('Clientes únicos', 'Unique customers'), type: 'integer', unit: 'count', sql: 'coalesce(s.customers, 0)' },
  new_customers: { label: L('Clientes novos', 'New customers'), type: 'integer', unit: 'count', sql: 'coalesce(s.new_customers, 0)' },
  returning_customers: { label: L('Clientes recorrentes', 'Returning customers'), type: 'integer', unit: 'count', sql: 'coalesce(s.returning, 0)' },
  no_show_rate: { label: L('Taxa de faltas', 'No-show rate'), type: 'percent', unit: 'percent', sql: 'safe_ratio(a.no_show, a.closed)', lowerIsBetter: true },
  cancellation_rate: { label: L('Taxa de cancelamento', 'Cancellation rate'), type: 'percent', unit: 'percent', sql: 'safe_ratio(a.cancelled, a.closed)', lowerIsBetter: true },
  occupancy: { label: L('Ocupação da agenda', 'Occupancy'), type: 'percent', unit: 'percent', sql: 'safe_ratio(coalesce(o.booked, 0), o.available)' },
  // Only visits whose 60 days have passed count (a recent visit has not had the time to be followed by another).
  rebooking_rate: { label: L('Taxa de retorno (60 dias)', 'Rebooking rate (60 days)'), type: 'percent', unit: 'percent', sql: 'safe_ratio(s.came_back, s.matured)' },
  pix_share: { label: L('Participação do Pix', 'Pix share'), type: 'percent', unit: 'percent', sql: 'safe_ratio(p.pix, p.received)' },
  refunds: { label: L('Devoluções', 'Refunds'), type: 'money', unit: 'currency', sql: 'coalesce(p.refunds, 0)', lowerIsBetter: true },
  discount_rate: { label: L('Taxa de desconto', 'Discount rate'), type: 'percent', unit: 'percent', sql: 'safe_ratio(s.discounts, s.gross)', lowerIsBetter: true },
  forecast_next_30_days: { label: L('Previsão dos próximos 30 dias', 'Forecast, next 30 days'), type: 'money', unit: 'currency', sql: null },
};

/** The KPI in wire form: money as exact decimal text, the rest as numbers. */
export const wireKpi = (k: KpiDef, e: string) => (k.type === 'money' ? `CAST(${e} AS VARCHAR)` : `CAST(${e} AS DOUBLE)`);
