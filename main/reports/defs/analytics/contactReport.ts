// The contact list as a report, so a list leaves through the one export path (CSV, XLSX, PDF): a segment's,
// RFM cluster's, birthday or "did not come back" list on the last day of the period, with the message rendered
// from the template and its wa.me link (the Contacts page shows the same rows from contacts.list).
import { CONTACT_LISTS, TEMPLATE_MAX, type ContactListId } from '../../../../shared/contacts';
import { dateCol, intCol, keyCol, L, textCol } from '../../columns';
import type { ReportDefinition } from '../../types';
import { rfmOptions } from '../../../analytics/rfm';
import { contactCampaignExpr, contactListSql } from '../../../analytics/contacts';
import { defaultTemplate, normalizeTemplate } from '../../../analytics/contactTemplates';
import { listLabel } from '../../../analytics/contactList';

export const contactListReport: ReportDefinition = {
  id: 'contact-list',
  category: 'customers',
  title: L('Lista de contatos (WhatsApp)', 'Contact list (WhatsApp)'),
  description: L(
    'Clientes da lista que aceitaram marketing, no último dia do período: telefone, último serviço, profissional, última visita, a mensagem pronta e o link do WhatsApp (só para telefones válidos).',
    'Customers on the list who opted in to marketing, on the last day of the period: phone, last service, professional, last visit, the ready message and the WhatsApp link (valid phones only).',
  ),
  columns: [
    keyCol('customer_id', 'Código do cliente', 'Customer id', { drill: { kind: 'customer' } }),
    textCol('name', 'Cliente', 'Customer'),
    textCol('phone_e164', 'Telefone', 'Phone'),
    textCol('last_service', 'Último serviço', 'Last service'),
    textCol('professional', 'Profissional', 'Professional'),
    dateCol('last_visit', 'Última visita', 'Last visit'),
    intCol('days_since_last', 'Dias desde a última visita', 'Days since the last visit', { unit: 'days', total: 'none' }),
    { id: 'contacted', label: L('Contatado neste mês', 'Contacted this month'), type: 'boolean', sqlType: 'BOOLEAN', total: 'none', searchable: false },
    textCol('message', 'Mensagem', 'Message', { searchable: false }),
    textCol('whatsapp_url', 'Link do WhatsApp', 'WhatsApp link', { searchable: false }),
  ],
  params: [
    { id: 'list', label: L('Lista', 'List'), kind: 'enum', options: CONTACT_LISTS.map((id) => ({ value: id, label: listLabel(id) })), default: 'segment:winback_high_value' },
    { id: 'template', label: L('Mensagem ({nome}, {servico}, {profissional})', 'Message ({name}, {service}, {professional})'), kind: 'text', default: null, max: TEMPLATE_MAX },
  ],
  filters: [],
  defaultPreset: 'today',
  defaultSort: [{ column: 'days_since_last', desc: true }],
  charts: [],
  comparable: false,
  sql(ctx) {
    const list = (CONTACT_LISTS as readonly string[]).includes(String(ctx.params.list)) ? (ctx.params.list as ContactListId) : 'segment:winback_high_value';
    const locale = ctx.settings.locale;
    const given = typeof ctx.params.template === 'string' && ctx.params.template.trim() ? ctx.params.template : defaultTemplate(list, locale);
    return contactListSql(
      { rfm: rfmOptions(ctx.settings, ctx.period.to), list, template: normalizeTemplate(given), locale, campaignId: contactCampaignExpr(list) },
      { add: ctx.p },
    );
  },
};
