// Reports of RFM: every scored customer as of the period's last day (the CLI's `painel report rfm --month`), and
// the month-over-month migration matrix with "entered" and "left" — both computed live from rfmSql.
import { RFM_CLUSTER_LABELS } from '../../../../shared/rfm';
import { codeCol, intCol, keyCol, L, moneyCol, textCol } from '../../columns';
import type { ReportContext, ReportDefinition } from '../../types';
import { monthEnd, previousMonth, rfmOptions, rfmSql, type RfmOptions } from '../../../analytics/rfm';
import { migrationPairsSql, MIGRATION_FROM, MIGRATION_TO } from '../../../analytics/rfmMigration';

const WINDOW_PARAM = { id: 'window_days', label: L('Janela (dias; vazio = configuração)', 'Window (days; empty = settings)'), kind: 'integer' as const, default: null, min: 7, max: 3650 };

function options(ctx: ReportContext, asOf: string): RfmOptions {
  const w = ctx.params.window_days;
  return rfmOptions(ctx.settings, asOf, typeof w === 'number' ? { windowDays: w } : {});
}

const binder = (ctx: ReportContext) => ({ add: ctx.p });

export const rfmReport: ReportDefinition = {
  id: 'rfm',
  category: 'customers',
  title: L('RFM por cliente', 'RFM by customer'),
  description: L('Cada cliente classificado por quão recente, frequente e valioso é.', 'Every customer rated by how recently, how often and how much they buy.'),
  formula: L(
    'Recência, frequência e valor de cada cliente com venda concluída na janela (D - W, D], D = último dia do período; notas 1 a 5 por posição (empates com a mesma nota) e grupo pelo par (R, F).',
    'Recency, frequency and monetary value of every customer with a completed sale in the window (D - W, D], D = the last day of the period; 1-5 rank scores (ties share a score) and the cluster of (R, F).',
  ),
  columns: [
    keyCol('customer_id', 'Código do cliente', 'Customer id', { drill: { kind: 'customer' } }),
    textCol('customer_name', 'Cliente', 'Customer'),
    intCol('recency', 'Recência (dias)', 'Recency (days)', { unit: 'days', total: 'none' }),
    intCol('frequency', 'Frequência', 'Frequency'),
    moneyCol('monetary', 'Valor', 'Monetary'),
    intCol('r', 'R', 'R', { unit: undefined, total: 'none' }),
    intCol('f', 'F', 'F', { unit: undefined, total: 'none' }),
    intCol('m', 'M', 'M', { unit: undefined, total: 'none' }),
    codeCol('cluster', 'Grupo', 'Cluster', 'rfmCluster'),
  ],
  params: [WINDOW_PARAM],
  filters: [],
  defaultPreset: 'last_month',
  defaultSort: [
    { column: 'monetary', desc: true },
    { column: 'customer_id', desc: false },
  ],
  charts: [{ id: 'clusters', title: L('Clientes por grupo', 'Customers per cluster'), kind: 'bar', x: 'cluster', series: [{ column: 'customer_id', count: true }] }],
  comparable: false,
  sql(ctx) {
    // The name beside the id: the customer record the unified key points to.
    return `SELECT q.*, c.name AS customer_name FROM (${rfmSql(options(ctx, ctx.period.to), binder(ctx))}) q
      LEFT JOIN customers c ON c.customer_id = q.customer_id`;
  },
};

export const rfmMigrationReport: ReportDefinition = {
  id: 'rfm-migration',
  category: 'customers',
  title: L('Migração RFM mês a mês', 'RFM month-over-month migration'),
  description: L('Quantos clientes mudaram de grupo desde o mês passado.', 'How many customers moved between groups since last month.'),
  formula: L(
    'Clientes por grupo no fim do mês anterior (linhas, mais "entraram") e no último dia do período (colunas, mais "saíram"): as linhas somam os tamanhos do mês anterior e as colunas os deste mês.',
    'Customers by cluster at the previous month end (rows, plus "entered") and on the last day of the period (columns, plus "left"): rows add up to last month’s cluster sizes and columns to this month’s.',
  ),
  columns: [
    intCol('row', 'Linha', 'Row', { unit: undefined, total: 'none' }),
    keyCol('from_cluster', 'Código do grupo', 'Cluster id'),
    textCol('from_label', 'De', 'From'),
    ...MIGRATION_TO.map((c) => intCol(c, c === 'left' ? 'Saíram' : RFM_CLUSTER_LABELS[c]['pt-BR'], c === 'left' ? 'Left' : RFM_CLUSTER_LABELS[c].en)),
    intCol('total', 'Total', 'Total'),
  ],
  params: [WINDOW_PARAM],
  filters: [],
  defaultPreset: 'last_month',
  defaultSort: [{ column: 'row', desc: false }],
  charts: [],
  comparable: false,
  sql(ctx) {
    const asOf = ctx.period.to;
    const prev = monthEnd(previousMonth(asOf.slice(0, 7)));
    const b = binder(ctx);
    const pairs = migrationPairsSql(rfmSql(options(ctx, prev), b), rfmSql(options(ctx, asOf), b));
    const locale = ctx.settings.locale;
    const label = (c: string) => (c === 'entered' ? (locale === 'en' ? 'Entered' : 'Entraram') : RFM_CLUSTER_LABELS[c as keyof typeof RFM_CLUSTER_LABELS][locale]);
    const order = MIGRATION_FROM.map((c, i) => `(${i}, '${c}', ${ctx.p(label(c))})`).join(', ');
    return `WITH mp AS (${pairs}), ord(i, from_cluster, from_label) AS (VALUES ${order})
      SELECT CAST(ord.i + 1 AS BIGINT) AS row, ord.from_cluster, ord.from_label,
        ${MIGRATION_TO.map((c) => `CAST(coalesce(sum(mp.customers) FILTER (WHERE mp.to_cluster = '${c}'), 0) AS BIGINT) AS ${c}`).join(', ')},
        CAST(coalesce(sum(mp.customers), 0) AS BIGINT) AS total
      FROM ord LEFT JOIN mp ON mp.from_cluster = ord.from_cluster GROUP BY ord.i, ord.from_cluster, ord.from_label`;
  },
};
