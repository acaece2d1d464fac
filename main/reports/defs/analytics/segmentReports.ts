// Reports of the marketing segments: all ten with size, value, campaign suggestion, ROI and priority; and one
// segment's contactable members (opt-in, E.164 phone / valid e-mail) for WhatsApp or e-mail lists.
import { SEGMENT_IDS } from '../../../../shared/analytics';
import { codeCol, dateCol, intCol, keyCol, L, moneyCol, pctCol, textCol } from '../../columns';
import type { ReportContext, ReportDefinition } from '../../types';
import { rfmOptions } from '../../../analytics/rfm';
import { segmentMembersSql, segmentsSql, type MemberChannel } from '../../../analytics/segments';
import { SEGMENTS } from '../../../analytics/segmentDefs';

const asOfOptions = (ctx: ReportContext) => rfmOptions(ctx.settings, ctx.period.to);

export const segmentsReport: ReportDefinition = {
  id: 'segments',
  category: 'customers',
  title: L('Segmentos de marketing', 'Marketing segments'),
  description: L('Grupos de clientes prontos para uma campanha, com a sugestão, o custo e o retorno esperado.', 'Customer groups ready for a campaign, with the suggestion, its cost and the expected return.'),
  formula: L(
    'Os dez segmentos no último dia do período: regra, tamanho, contatáveis, valor, ticket médio, campanha sugerida, conversão estimada, orçamento, ROI = (membros × conversão × ticket médio − orçamento) / orçamento, em %, e prioridade; a conversão vem das campanhas da própria loja.',
    'The ten segments on the last day of the period: rule, size, contactable, value, average ticket, suggested campaign, estimated conversion, budget, ROI = (members × conversion × average ticket − budget) / budget, in %, and priority; conversion comes from the shop’s own campaigns.',
  ),
  columns: [
    intCol('priority', 'Prioridade', 'Priority', { unit: undefined, total: 'none' }),
    keyCol('segment_id', 'Código do segmento', 'Segment id', { drill: { kind: 'report', report: 'segment-members', param: 'segment' } }),
    textCol('label', 'Segmento', 'Segment'),
    textCol('rule', 'Regra', 'Rule', { optional: true }),
    intCol('size', 'Membros', 'Members'),
    intCol('contactable', 'Contatáveis', 'Contactable'),
    moneyCol('total_value', 'Valor total', 'Total value'),
    moneyCol('avg_value', 'Valor médio', 'Average value', { total: 'none' }),
    moneyCol('avg_ticket', 'Ticket médio', 'Average ticket', { total: 'none' }),
    textCol('campaign', 'Campanha sugerida', 'Suggested campaign'),
    codeCol('channel', 'Canal', 'Channel', 'campaignChannel'),
    textCol('timing', 'Quando', 'Timing'),
    pctCol('conversion', 'Conversão estimada', 'Estimated conversion', null),
    textCol('conversion_basis', 'Base da conversão', 'Conversion basis', { optional: true }),
    moneyCol('budget', 'Orçamento', 'Budget'),
    moneyCol('expected_revenue', 'Receita esperada', 'Expected revenue'),
    pctCol('roi', 'ROI', 'ROI', null),
    codeCol('priority_level', 'Nível de prioridade', 'Priority level', 'priorityLevel'),
  ],
  params: [],
  filters: [],
  defaultPreset: 'today',
  defaultSort: [{ column: 'priority', desc: false }],
  charts: [{ id: 'sizes', title: L('Membros e valor por segmento', 'Members and value per segment'), kind: 'bar', x: 'label', series: [{ column: 'size' }, { column: 'expected_revenue', axis: 'right' }] }],
  comparable: false,
  sql(ctx) {
    return segmentsSql(asOfOptions(ctx), { add: ctx.p }, ctx.settings.locale);
  },
};

export const segmentMembersReport: ReportDefinition = {
  id: 'segment-members',
  category: 'customers',
  title: L('Membros do segmento', 'Segment members'),
  description: L('Os clientes de um segmento que podem ser contatados, com telefone ou e-mail.', 'The customers of a segment who may be contacted, with phone or e-mail.'),
  formula: L(
    'Clientes do segmento que aceitaram marketing e têm telefone (E.164, para WhatsApp) ou e-mail válido, no último dia do período.',
    'Customers of the segment who opted in to marketing and have a phone (E.164, for WhatsApp) or a valid e-mail, on the last day of the period.',
  ),
  columns: [
    keyCol('customer_id', 'Código do cliente', 'Customer id', { drill: { kind: 'customer' } }),
    textCol('name', 'Cliente', 'Customer'),
    textCol('phone_e164', 'WhatsApp', 'WhatsApp'),
    textCol('email', 'E-mail', 'E-mail'),
    dateCol('birth_date', 'Nascimento', 'Birth date'),
    intCol('visits', 'Visitas', 'Visits'),
    moneyCol('total_spent', 'Total gasto', 'Total spent'),
    moneyCol('avg_ticket', 'Ticket médio', 'Average ticket', { total: 'none' }),
    dateCol('first_visit', 'Primeira visita', 'First visit'),
    dateCol('last_visit', 'Última visita', 'Last visit'),
    intCol('days_since_last', 'Dias desde a última', 'Days since last', { unit: 'days', total: 'none' }),
    codeCol('cluster', 'Grupo RFM', 'RFM cluster', 'rfmCluster'),
    pctCol('churn_risk', 'Risco de abandono', 'Churn risk', 'avg("churn_risk")', { requires: 'customerValue' }),
    moneyCol('expected_value_365', 'Valor esperado (365 dias)', 'Expected value (365 days)', { requires: 'customerValue' }),
  ],
  params: [
    {
      id: 'segment',
      label: L('Segmento', 'Segment'),
      kind: 'enum',
      options: SEGMENTS.map((s) => ({ value: s.id, label: s.label })),
      default: SEGMENT_IDS[0],
    },
    {
      id: 'channel',
      label: L('Canal', 'Channel'),
      kind: 'enum',
      options: [
        { value: 'any', label: L('Qualquer', 'Any') },
        { value: 'whatsapp', label: L('WhatsApp (telefone)', 'WhatsApp (phone)') },
        { value: 'email', label: L('E-mail', 'E-mail') },
      ],
      default: 'any',
    },
  ],
  filters: [],
  defaultPreset: 'today',
  defaultSort: [{ column: 'total_spent', desc: true }],
  charts: [],
  comparable: false,
  sql(ctx) {
    const segment = SEGMENTS.find((s) => s.id === ctx.params.segment)?.id ?? SEGMENT_IDS[0];
    return segmentMembersSql(asOfOptions(ctx), segment, (ctx.params.channel as MemberChannel) ?? 'any', { add: ctx.p });
  },
};
