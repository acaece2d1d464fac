// Builds the monthly closing pack (fechamento mensal) from the registry's reports for one competência month:
// every figure is a report's own number (financial-summary, sales-summary, sales-by-item, sales-by-channel,
// payment-methods, staff-commissions, sales-vs-receipts, appointments-summary); nothing is re-derived.
import type { LocalizedText } from '../../../shared/types';
import type { Engine } from '../../engine/engine';
import { PAYMENT_METHODS } from '../../reports/sqlParts';
import { NO_EMPLOYEE } from '../../reports/columns';
import { codeWord } from '../../../shared/codeLists';
import { partnerIds } from '../partners';
import type { ExportColumn, Locale, WireValue } from '../types';
import type { ClosingPack, ClosingSection, ClosingTable } from './closingTypes';
import { closingHeader, DATE_RULES } from './closingHeader';
import { columnsOf, over, runMonth, tableOf, total, type MonthRun } from './monthReports';
import { sqlStringList } from '../../sql/quote';

const L = (pt: string, en: string): LocalizedText => ({ 'pt-BR': pt, en });
const money = (id: string, pt: string, en: string): ExportColumn => ({ id, label: L(pt, en), type: 'money', unit: 'currency', total: 'sum' });
const textCol = (id: string, pt: string, en: string): ExportColumn => ({ id, label: L(pt, en), type: 'text', total: 'none' });

const METHOD_LABELS = new Map<string, LocalizedText>(PAYMENT_METHODS.map(([m, pt, en]) => [m, L(pt, en)]));
const KIND_LABELS: Record<string, LocalizedText> = {
  service: L('Serviços', 'Services'),
  product: L('Produtos', 'Products'),
  appointment: L('Atendimento', 'Appointment'),
  order: L('Pedido', 'Order'),
};
const kindLabel = (v: WireValue, locale: Locale) => (v === null ? null : (KIND_LABELS[String(v)]?.[locale] ?? String(v)));

/** First and last day of a 'YYYY-MM' month. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

type Row = Record<string, WireValue>;
const str = (v: WireValue) => (v === null ? null : String(v));

async function revenueSection(engine: Engine, daily: MonthRun, items: MonthRun, channels: MonthRun, locale: Locale): Promise<ClosingSection> {
  const byKind = await over<Row>(engine, items, `SELECT kind, CAST(sum(CAST(quantity AS DECIMAL(38,3))) AS DOUBLE) AS quantity, CAST(sum(CAST(revenue AS DECIMAL(38,2))) AS VARCHAR) AS revenue FROM r GROUP BY kind ORDER BY kind DESC NULLS LAST`);
  const kindTable: ClosingTable = {
    title: L('Receita por tipo (serviços × produtos)', 'Revenue by type (services vs products)'),
    columns: [textCol('kind', 'Tipo', 'Type'), { ...columnsOf(items, ['quantity'])[0] }, { ...columnsOf(items, ['revenue'])[0] }],
    rows: byKind.map((k) => [kindLabel(k.kind, locale), k.quantity, k.revenue]),
    total: [null, total(items, 'quantity'), total(items, 'revenue')],
    source: items.report,
  };
  const channelTable = tableOf(channels, ['source', 'kind', 'sales', 'gross', 'discounts', 'revenue', 'fees', 'net_after_fees'], { title: L('Por canal', 'By channel') });
  channelTable.rows = channelTable.rows.map(([source, kind, ...rest]) => [source === null ? null : codeWord('source', String(source), locale), kindLabel(kind, locale), ...rest]);
  return {
    id: 'revenue',
    title: L('Faturamento bruto', 'Gross revenue'),
    lines: [],
    tables: [
      tableOf(daily, ['bucket', 'sales', 'gross', 'discounts', 'refunds', 'net'], { title: L('Por dia', 'By day') }),
      kindTable,
      channelTable,
    ],
    notes: [DATE_RULES.sales, L('A receita por tipo soma o total das linhas de itens (após descontos de linha).', 'Revenue by type adds item line totals (after line discounts).')],
  };
}

function deductionsSection(fin: MonthRun, pay: MonthRun, appts: MonthRun): ClosingSection {
  const cancelled = total(appts, 'cancelled');
  // payment-methods counts refunds by their own date, as the refunds report lists them, at a fraction of its cost.
  const refundCount = total(pay, 'refund_count') ?? 0;
  return {
    id: 'deductions',
    title: L('Deduções e faturamento líquido', 'Deductions and net revenue'),
    lines: [
      { label: L('Faturamento bruto', 'Gross revenue'), value: total(fin, 'gross'), kind: 'base', source: fin.report },
      { label: L('Descontos', 'Discounts'), value: total(fin, 'discounts'), kind: 'minus', source: fin.report },
      {
        label: L('Cancelamentos', 'Cancellations'),
        value: '0.00',
        kind: 'minus',
        note: L(`Vendas canceladas não entram no faturamento bruto (${cancelled ?? 0} agendamentos cancelados no mês).`, `Cancelled sales are never in gross revenue (${cancelled ?? 0} appointments cancelled this month).`),
        source: appts.report,
      },
      { label: L('Devoluções e estornos', 'Refunds and chargebacks'), value: total(fin, 'refunds'), kind: 'minus', source: fin.report, note: L(`${refundCount} devoluções, pela data da devolução.`, `${refundCount} refunds, dated by the refund.`) },
      { label: L('Faturamento líquido', 'Net revenue'), value: total(fin, 'net'), kind: 'result', source: fin.report },
      { label: L('Impostos destacados nas vendas', 'Tax on sales'), value: total(fin, 'tax'), kind: 'info', source: fin.report },
    ],
    tables: [],
    notes: [DATE_RULES.sales, DATE_RULES.refunds],
  };
}

async function receiptsSection(engine: Engine, fin: MonthRun, pay: MonthRun, locale: Locale): Promise<ClosingSection> {
  // One pass: a row per method plus the grand total (GROUPING = 1), net of fees in exact decimals.
  const all = await over<Row>(engine, pay, `SELECT method, GROUPING(method) AS g, CAST(sum(payments) AS DOUBLE) AS payments,
      CAST(coalesce(sum(CAST(amount AS DECIMAL(38,2))), 0) AS VARCHAR) AS amount, CAST(coalesce(sum(CAST(fees AS DECIMAL(38,2))), 0) AS VARCHAR) AS fees,
      CAST(coalesce(sum(CAST(amount AS DECIMAL(38,2))) - sum(CAST(fees AS DECIMAL(38,2))), 0) AS VARCHAR) AS net
    FROM r GROUP BY ROLLUP (method) HAVING GROUPING(method) = 1 OR sum(payments) > 0 ORDER BY g, sum(CAST(amount AS DECIMAL(38,2))) DESC, method`);
  const rows = all.filter((r) => Number(r.g) === 0);
  const net = all.find((r) => Number(r.g) === 1) ?? { net: '0.00' };
  const [payCol, amountCol, feesCol] = columnsOf(pay, ['payments', 'amount', 'fees']);
  return {
    id: 'receipts',
    title: L('Recebimentos por forma de pagamento', 'Receipts by payment method'),
    lines: [
      { label: L('Recebido no mês', 'Received this month'), value: total(fin, 'received'), kind: 'base', source: fin.report },
      { label: L('Taxas de cartão e intermediação', 'Card and platform fees'), value: total(fin, 'fees'), kind: 'minus', source: fin.report },
      { label: L('Recebido líquido de taxas', 'Received net of fees'), value: net.net, kind: 'result', source: pay.report },
    ],
    tables: [
      {
        columns: [textCol('method', 'Forma', 'Method'), payCol, amountCol, feesCol, money('net', 'Líquido', 'Net')],
        rows: rows.map((r) => [METHOD_LABELS.get(String(r.method))?.[locale] ?? str(r.method), r.payments, r.amount, r.fees, r.net]),
        total: [null, total(pay, 'payments'), total(pay, 'amount'), total(pay, 'fees'), net.net],
        source: pay.report,
      },
    ],
    notes: [DATE_RULES.receipts],
  };
}

async function commissionSections(engine: Engine, staff: MonthRun, locale: Locale): Promise<ClosingSection[]> {
  const pt = locale === 'pt-BR';
  const partners = await partnerIds(engine.db);
  // The accountant reads professionals by name (the codes stay in the report's own exports).
  const table = tableOf(staff, ['employee_name', 'base', 'rate', 'commission'], { title: L('Comissões por profissional', 'Commissions by employee') });
  table.columns.push(textCol('partner', 'Parceiro', 'Partner'));
  table.rows = staff.rows.map((r) => [
    r.employee_name ?? (r.employee_id === null ? NO_EMPLOYEE[locale] : r.employee_id),
    r.base,
    r.rate,
    r.commission,
    r.employee_id === null ? null : partners.has(String(r.employee_id)) ? (pt ? 'Sim' : 'Yes') : pt ? 'Não' : 'No',
  ]);
  table.total?.push(null);
  const ids = [...partners];
  const split = ids.length
    ? await over<Row>(engine, staff, `SELECT employee_name, CAST(base AS VARCHAR) AS base, CAST(commission AS VARCHAR) AS professional, CAST(CAST(base AS DECIMAL(38,2)) - CAST(commission AS DECIMAL(38,2)) AS VARCHAR) AS salon
        FROM r WHERE employee_id IN (${sqlStringList(ids)}) ORDER BY employee_name`)
    : [];
  const [sum] = ids.length
    ? await over<Row>(engine, staff, `SELECT CAST(coalesce(sum(CAST(base AS DECIMAL(38,2))), 0) AS VARCHAR) AS base, CAST(coalesce(sum(CAST(commission AS DECIMAL(38,2))), 0) AS VARCHAR) AS professional,
        CAST(coalesce(sum(CAST(base AS DECIMAL(38,2)) - CAST(commission AS DECIMAL(38,2))), 0) AS VARCHAR) AS salon FROM r WHERE employee_id IN (${sqlStringList(ids)})`)
    : [{ base: '0.00', professional: '0.00', salon: '0.00' }];
  return [
    {
      id: 'commissions',
      title: L('Comissões', 'Commissions'),
      lines: [{ label: L('Total de comissões', 'Total commissions'), value: total(staff, 'commission'), kind: 'result', source: staff.report }],
      tables: [table],
      notes: [DATE_RULES.commissions],
    },
    {
      id: 'partners',
      title: L('Salão-parceiro (Lei 13.352/2016)', 'Partner salon (Law 13.352/2016)'),
      lines: [
        { label: L('Receita de serviços dos profissionais-parceiros', 'Service revenue of partner professionals'), value: sum.base, kind: 'base', source: staff.report },
        { label: L('Cota-parte dos profissionais-parceiros', "Partner professionals' share"), value: sum.professional, kind: 'minus', source: staff.report },
        { label: L('Cota-parte do salão', "Salon's share (cota-parte)"), value: sum.salon, kind: 'result', source: staff.report },
      ],
      tables: split.length
        ? [
            {
              columns: [textCol('employee_name', 'Profissional-parceiro', 'Partner professional'), money('base', 'Receita', 'Revenue'), money('professional', 'Cota-parte do profissional', "Professional's share"), money('salon', 'Cota-parte do salão', "Salon's share")],
              rows: split.map((r) => [r.employee_name, r.base, r.professional, r.salon]),
              total: [null, sum.base, sum.professional, sum.salon],
              source: staff.report,
            },
          ]
        : [],
      notes: [
        ids.length
          ? L('A cota-parte do profissional-parceiro é o valor da sua comissão no mês; pela Lei 13.352/2016 ela não integra a receita bruta do salão, que tributa apenas a sua cota-parte.', "A partner's share is their commission of the month; under Law 13.352/2016 it is not part of the salon's gross revenue, which is taxed on the salon's share only.")
          : L('Nenhum profissional está marcado como parceiro (salão-parceiro); marque-os nas configurações da equipe.', 'No professional is marked as a partner; mark them in the team settings.'),
      ],
    },
  ];
}

async function reconciliationSection(engine: Engine, svr: MonthRun, open: MonthRun): Promise<ClosingSection> {
  const [b] = await over<Row>(engine, svr, `SELECT CAST(arg_min(CAST(open_balance AS DECIMAL(38,2)) - CAST(difference AS DECIMAL(38,2)), day) AS VARCHAR) AS opening, CAST(arg_max(CAST(open_balance AS DECIMAL(38,2)), day) AS VARCHAR) AS closing FROM r`);
  return {
    id: 'reconciliation',
    title: L('Conciliação vendas × recebimentos', 'Sales vs receipts reconciliation'),
    lines: [
      { label: L('Saldo em aberto no início do mês', 'Open balance at the start of the month'), value: b?.opening ?? '0.00', kind: 'base', source: svr.report },
      { label: L('Vendas concluídas (total)', 'Completed sales (total)'), value: total(svr, 'sales_value'), kind: 'plus', source: svr.report },
      { label: L('Devoluções de vendas concluídas', 'Refunds of completed sales'), value: total(svr, 'refunded_sales'), kind: 'minus', source: svr.report },
      { label: L('Recebido', 'Received'), value: total(svr, 'received'), kind: 'minus', source: svr.report },
      { label: L('Devoluções (dinheiro devolvido)', 'Refunds (money given back)'), value: total(svr, 'refunds'), kind: 'plus', source: svr.report },
      { label: L('Saldo em aberto no fim do mês', 'Open balance at the end of the month'), value: b?.closing ?? '0.00', kind: 'result', source: svr.report },
      { label: L('Vendas do mês sem pagamento ou com pagamento parcial', 'Sales of the month unpaid or partly paid'), value: open.count, kind: 'info', count: true, source: open.report },
      { label: L('Valor em aberto dessas vendas', 'Open value of those sales'), value: total(open, 'open') ?? '0.00', kind: 'info', source: open.report },
    ],
    tables: [],
    notes: [DATE_RULES.reconciliation],
  };
}

export async function buildClosing(engine: Engine, month: string, locale: Locale = 'pt-BR'): Promise<ClosingPack> {
  const { from, to } = monthRange(month);
  const run = (report: string, params = {}, rows = true) => runMonth(engine, report, from, to, params, rows);
  const [fin, daily, items, channels, pay, staff, svr, open, appts] = await Promise.all([
    run('financial-summary', {}, false),
    run('sales-summary', { granularity: 'day' }),
    run('sales-by-item', {}, false),
    run('sales-by-channel'),
    run('payment-methods', { granularity: 'month' }, false),
    run('staff-commissions'),
    run('sales-vs-receipts', {}, false),
    run('sales-vs-receipts', { view: 'open_sales' }, false),
    run('appointments-summary', { granularity: 'month' }, false),
  ]);
  const header = await closingHeader(engine, month, from, to, channels.rows.map((r) => String(r.source ?? '')).filter(Boolean), locale);
  const sections: ClosingSection[] = [
    deductionsSection(fin, pay, appts),
    await revenueSection(engine, daily, items, channels, locale),
    await receiptsSection(engine, fin, pay, locale),
    ...(await commissionSections(engine, staff, locale)),
    await reconciliationSection(engine, svr, open),
  ];
  const figures: Record<string, string> = {};
  for (const id of ['gross', 'discounts', 'refunds', 'net', 'tax', 'received', 'fees', 'commissions']) figures[id] = String(total(fin, id));
  return { header, sections, figures };
}
