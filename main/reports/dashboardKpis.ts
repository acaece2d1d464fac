// The dashboard KPIs of reports.md: label, type, whether a rise is good, and the aggregate each one is over the
// dashboard's tagged tables (one row per group: a sparkline bucket, the period, the previous window, last year).
import type { DashboardKpiId, ReportUnit } from '../../shared/reports';
import type { ColumnType, LocalizedText } from '../../shared/types';

export interface KpiDef {
  label: LocalizedText;
  /** What the figure means, in plain words, from its definition in data-model.md (the card's help on hover/focus). */
  help: LocalizedText;
  type: ColumnType;
  unit: ReportUnit;
  /** Aggregate over the tagged tables, per group g. */
  sql: string | null;
  lowerIsBetter?: boolean;
}

const L = (pt: string, en: string): LocalizedText => ({ 'pt-BR': pt, en });

export const KPIS: Record<DashboardKpiId, KpiDef> = {
  gross_revenue: { label: L('Receita bruta', 'Gross revenue'),
    help: L('Soma do valor das vendas e atendimentos concluídos no período, antes de descontos e devoluções.', 'What the completed sales and appointments of the period add up to, before discounts and refunds.'),
    type: 'money', unit: 'currency', sql: 'coalesce(s.gross, 0)' },
  net_revenue: { label: L('Receita líquida', 'Net revenue'),
    help: L('Receita bruta menos os descontos dados e as devoluções feitas no período: o que de fato ficou.', 'Gross revenue minus the discounts given and the refunds paid in the period: what the business actually kept.'),
    type: 'money', unit: 'currency', sql: 'coalesce(s.gross, 0) - coalesce(s.discounts, 0) - coalesce(p.refunds, 0)' },
  completed_sales: { label: L('Vendas concluídas', 'Completed sales'),
    help: L('Quantas vendas e atendimentos foram concluídos no período. Cancelados e faltas não contam.', 'How many sales and appointments were completed in the period. Cancellations and no-shows do not count.'),
    type: 'integer', unit: 'count', sql: 'coalesce(s.n, 0)' },
  average_ticket: { label: L('Ticket médio', 'Average ticket'),
    help: L('Quanto cada venda concluída rendeu em média: o total cobrado dividido pelo número de vendas.', 'What each completed sale brought in on average: the total charged divided by the number of sales.'),
    type: 'money', unit: 'currency', sql: 'div_money(s.total, s.n)' },
  unique_customers: { label: L('Clientes únicos', 'Unique customers'),
    help: L('Quantas clientes diferentes compraram ou foram atendidas no período. Vendas sem cliente identificada não contam.', 'How many different customers bought or were served in the period. Sales without a known customer do not count.'),
    type: 'integer', unit: 'count', sql: 'coalesce(s.customers, 0)' },
  new_customers: { label: L('Clientes novos', 'New customers'),
    help: L('Clientes cuja primeira compra concluída aconteceu neste período.', 'Customers whose very first completed sale happened in this period.'),
    type: 'integer', unit: 'count', sql: 'coalesce(s.new_customers, 0)' },
  returning_customers: { label: L('Clientes recorrentes', 'Returning customers'),
    help: L('Clientes que já tinham comprado antes do período e voltaram nele.', 'Customers who had bought before the period and came back in it.'),
    type: 'integer', unit: 'count', sql: 'coalesce(s.returning, 0)' },
  no_show_rate: { label: L('Taxa de faltas', 'No-show rate'),
    help: L('Dos agendamentos encerrados no período (concluídos, faltas e cancelados), a parte em que a cliente não veio. Quanto menor, melhor.', 'Of the appointments closed in the period (completed, no-show or cancelled), the share where the customer did not turn up. Lower is better.'),
    type: 'percent', unit: 'percent', sql: 'safe_ratio(a.no_show, a.closed)', lowerIsBetter: true },
  cancellation_rate: { label: L('Taxa de cancelamento', 'Cancellation rate'),
    help: L('Dos agendamentos encerrados no período (concluídos, faltas e cancelados), a parte que foi cancelada. Quanto menor, melhor.', 'Of the appointments closed in the period (completed, no-show or cancelled), the share that was cancelled. Lower is better.'),
    type: 'percent', unit: 'percent', sql: 'safe_ratio(a.cancelled, a.closed)', lowerIsBetter: true },
  occupancy: { label: L('Ocupação da agenda', 'Occupancy'),
    help: L('Minutos agendados sobre os minutos disponíveis de cada profissional no horário de funcionamento: quanto da agenda foi preenchida.', 'Booked minutes over each professional\'s available minutes within opening hours: how full the schedule was.'),
    type: 'percent', unit: 'percent', sql: 'safe_ratio(coalesce(o.booked, 0), o.available)' },
  // Only visits whose 60 days have passed count (a recent visit has not had the time to be followed by another).
  rebooking_rate: { label: L('Taxa de retorno (60 dias)', 'Rebooking rate (60 days)'),
    help: L('Das clientes atendidas no período, a parte que voltou em até 60 dias. Só contam visitas de pelo menos 60 dias atrás.', 'Of the customers served in the period, the share who came back within 60 days. Only visits at least 60 days old count.'),
    type: 'percent', unit: 'percent', sql: 'safe_ratio(s.came_back, s.matured)' },
  pix_share: { label: L('Participação do Pix', 'Pix share'),
    help: L('Parte do valor recebido no período que entrou por Pix.', 'The share of the money received in the period that came in by Pix.'),
    type: 'percent', unit: 'percent', sql: 'safe_ratio(p.pix, p.received)' },
  refunds: { label: L('Devoluções', 'Refunds'),
    help: L('Soma do que foi devolvido às clientes no período, pela data da devolução. Quanto menor, melhor.', 'What was paid back to customers in the period, by the refund\'s date. Lower is better.'),
    type: 'money', unit: 'currency', sql: 'coalesce(p.refunds, 0)', lowerIsBetter: true },
  discount_rate: { label: L('Taxa de desconto', 'Discount rate'),
    help: L('Descontos dados sobre a receita bruta das vendas concluídas do período. Quanto menor, melhor.', 'Discounts given over the gross revenue of the period\'s completed sales. Lower is better.'),
    type: 'percent', unit: 'percent', sql: 'safe_ratio(s.discounts, s.gross)', lowerIsBetter: true },
  forecast_next_30_days: { label: L('Previsão dos próximos 30 dias', 'Forecast, next 30 days'),
    help: L('Receita esperada nos próximos 30 dias pelo modelo da página Previsão (o mesmo total que ela mostra).', 'Revenue expected over the next 30 days by the Forecast page\'s model (the same total it shows).'),
    type: 'money', unit: 'currency', sql: null },
};

/** The KPI in wire form: money as exact decimal text, the rest as numbers. */
export const wireKpi = (k: KpiDef, e: string) => (k.type === 'money' ? `CAST(${e} AS VARCHAR)` : `CAST(${e} AS DOUBLE)`);
