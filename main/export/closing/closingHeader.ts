// The closing pack's header (razão social, CNPJ, competência, tax regime, basis, data sources with their last
// sync or import) and the notes that say which date rule each figure follows.
import type { LocalizedText } from '../../../shared/types';
import type { Engine } from '../../engine/engine';
import type { Locale } from '../types';
import type { ClosingHeader } from './closingTypes';

const L = (pt: string, en: string): LocalizedText => ({ 'pt-BR': pt, en });

const REGIMES: Record<string, LocalizedText> = {
  simples_nacional: L('Simples Nacional', 'Simples Nacional'),
  lucro_presumido: L('Lucro Presumido', 'Lucro Presumido (presumed profit)'),
  lucro_real: L('Lucro Real', 'Lucro Real (actual profit)'),
  mei: L('MEI — Microempreendedor Individual', 'MEI (individual micro-entrepreneur)'),
};

export const DATE_RULES = {
  sales: L(
    'Faturamento (regime de competência): vendas com situação “concluída”, pela data do atendimento ou da conclusão do pedido (occurred_at) no fuso horário da empresa.',
    'Revenue (accrual basis): sales with status completed, by the date the service happened or the order was completed (occurred_at), in the business time zone.',
  ),
  refunds: L('Devoluções e estornos: pela data da própria devolução, qualquer que seja a situação da venda.', 'Refunds: by the date of the refund itself, whatever the status of its sale.'),
  receipts: L(
    'Recebimentos (regime de caixa): pagamentos pela data do pagamento, incluindo sinais de agendamentos que depois faltaram; taxas pela mesma data.',
    'Receipts (cash basis): payments by the payment date, including deposits of appointments that later became no-shows; fees by the same date.',
  ),
  commissions: L(
    'Comissões: receita das linhas de vendas concluídas por profissional no mês × percentual, arredondada ao centavo sobre o total mensal.',
    'Commissions: line revenue of completed sales per employee in the month × rate, rounded to the cent on the monthly total.',
  ),
  reconciliation: L(
    'Conciliação: vendas pela data de competência, recebimentos e devoluções pela data de caixa; o saldo em aberto acumula todos os dias anteriores.',
    'Reconciliation: sales by accrual date, receipts and refunds by cash date; the open balance carries every earlier day.',
  ),
};

export async function closingHeader(engine: Engine, month: string, from: string, to: string, channels: string[], locale: Locale): Promise<ClosingHeader> {
  const s = await engine.settings();
  const sources = await engine.db.all<{ name: string; kind: string; last: string | null }>(`
    SELECT coalesce(any_value(s.name), s.source_id) AS name, any_value(s.kind) AS kind,
      strftime(timezone(getvariable('biz_tz'), max(st.last_success_at)), '%Y-%m-%d %H:%M') AS last
    FROM sources s LEFT JOIN sync_state st ON st.source_id = s.source_id GROUP BY s.source_id ORDER BY name`);
  const [imp] = await engine.db.all<{ last: string | null; n: number }>(`
    SELECT strftime(timezone(getvariable('biz_tz'), max(coalesce(finished_at, started_at))), '%Y-%m-%d %H:%M') AS last, count(*)::DOUBLE AS n FROM import_log`);
  const list = sources.map((r) => ({ name: r.name, kind: r.kind, lastSync: r.last }));
  if (imp && imp.n > 0) list.push({ name: locale === 'pt-BR' ? 'Importação de arquivos' : 'File imports', kind: 'import', lastSync: imp.last });
  return {
    legalName: s.legalName,
    businessName: s.businessName,
    cnpj: s.cnpj,
    taxRegime: REGIMES[s.taxRegime] ?? L(s.taxRegime, s.taxRegime),
    month,
    from,
    to,
    basis: L('Faturamento por competência (data do atendimento/venda); recebimentos por caixa (data do pagamento).', 'Revenue on an accrual basis (service/sale date); receipts on a cash basis (payment date).'),
    sources: list,
    channels,
  };
}
