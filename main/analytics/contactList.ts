// Contact lists as API values: a page of the list with its counts and template, and marking members contacted
// (one campaign 'sent' event per customer in the list's campaign of the month, so contacting twice counts once).
import { contactListLabel, parseContactList, type ContactListId, type ContactListResult, type MarkContactedResult } from '../../shared/contacts';
import type { Settings } from '../../shared/settings';
import type { ColumnFilter, SortSpec } from '../../shared/api/tableSpec';
import type { LocalizedText } from '../../shared/types';
import { ParamList } from '../sql/specSql';
import type { Db } from '../store/db';
import { recordConversions } from '../model/campaignConversions';
import { contactCampaignId, contactListSql, contactSummarySql, type ContactSqlOptions } from './contacts';
import { defaultTemplate, normalizeTemplate, suggestionSegment } from './contactTemplates';
import { cachedProfileSql } from './profileCache';
import { col, pageOver } from './paging';
import { businessToday, rfmOptions } from './rfm';
import { segmentDef } from './segmentDefs';

export const CONTACT_PAGE_COLUMNS = [
  col('customer_id', 'text', 'VARCHAR'),
  col('name', 'text', 'VARCHAR'),
  col('phone_e164', 'text', 'VARCHAR'),
  col('last_service', 'text', 'VARCHAR'),
  col('professional', 'text', 'VARCHAR'),
  col('last_visit', 'date', 'DATE'),
  col('days_since_last', 'integer', 'INTEGER', { total: 'none' }),
  col('contacted', 'boolean', 'BOOLEAN', { total: 'none' }),
  col('message', 'text', 'VARCHAR', { searchable: false }),
  col('whatsapp_url', 'text', 'VARCHAR', { searchable: false }),
];

export function listLabel(list: ContactListId): LocalizedText {
  return contactListLabel(list);
}

/** The campaign's name in the business language: channel, list and month. */
function campaignName(list: ContactListId, month: string, locale: 'pt-BR' | 'en'): string {
  return `WhatsApp · ${listLabel(list)[locale]} · ${month}`;
}

interface ListInput {
  list: ContactListId;
  asOf: string;
  template?: string;
}

async function sqlOptions(db: Db, settings: Settings, i: ListInput): Promise<ContactSqlOptions & { campaignId: string; defaultTemplate: string }> {
  const rfm = rfmOptions(settings, i.asOf);
  const def = defaultTemplate(i.list, settings.locale);
  const template = normalizeTemplate(i.template?.trim() ? i.template : def);
  const month = (await businessToday(db)).slice(0, 7);
  return { rfm, list: i.list, template, locale: settings.locale, campaignId: contactCampaignId(i.list, month), profile: await cachedProfileSql(db, rfm), defaultTemplate: def };
}

export interface PageInput {
  offset: number;
  limit: number;
  sort: SortSpec[];
  filters: ColumnFilter[];
  search: string;
  withTotal: boolean;
}

export async function contactList(db: Db, settings: Settings, i: ListInput & PageInput): Promise<ContactListResult> {
  const o = await sqlOptions(db, settings, i);
  const sp = new ParamList();
  const [summary] = await db.all<ContactListResult['summary']>(contactSummarySql(o, sp), sp.values);
  const p = new ParamList();
  const inner = contactListSql(o, p);
  // a stable order: marking a row contacted leaves it where it is, with its check mark
  const sort = i.sort.length ? i.sort : [{ column: 'days_since_last', desc: true }];
  const page = await pageOver(db, inner, p.values, CONTACT_PAGE_COLUMNS, { ...i, sort });
  return {
    list: i.list,
    label: listLabel(i.list),
    asOf: i.asOf,
    // as the person wrote it (their placeholder words); the rows used its normalized form
    template: i.template?.trim() ? i.template : o.defaultTemplate,
    defaultTemplate: o.defaultTemplate,
    campaign: segmentDef(suggestionSegment(i.list)).campaign,
    campaignId: o.campaignId,
    summary,
    page,
  };
}

/**
 * Records members of the list (the given customers, or all) who have a WhatsApp link as contacted now, in the list's
 * campaign of the month (created on first use; its budget is the suggestion's setup cost plus its cost per
 * member contacted). Customers already recorded in that campaign are not recorded again.
 */
export async function markContacted(db: Db, settings: Settings, i: { list: ContactListId; asOf: string; customerIds?: string[]; all?: boolean }): Promise<MarkContactedResult> {
  const o = await sqlOptions(db, settings, { list: i.list, asOf: i.asOf });
  const seg = segmentDef(suggestionSegment(i.list));
  const p = new ParamList();
  const rows = contactListSql(o, p);
  const campaign = p.add(o.campaignId);
  const ids = i.customerIds ? p.add(JSON.stringify([...new Set(i.customerIds)])) : null;
  // The requested customers: all of the list, or those named (read from a JSON list so any number binds as one value).
  const wanted = ids ? `(SELECT unnest(CAST(${ids} AS JSON)::VARCHAR[]) AS customer_id)` : `(SELECT customer_id FROM r)`;
  const eligible = `WITH r AS (${rows}) SELECT w.customer_id, r.phone_e164 IS NOT NULL AS has_link,
      EXISTS (SELECT 1 FROM campaign_events e WHERE e.campaign_id = ${campaign} AND e.customer_id = w.customer_id AND e.event_type = 'sent') AS already
    FROM ${wanted} w LEFT JOIN r ON r.customer_id = w.customer_id`;
  return db.transaction(async (tx) => {
    await tx.run(`CREATE OR REPLACE TEMP TABLE contact_marks AS ${eligible}`, p.values);
    const [c] = await tx.all<{ marked: number; already: number; skipped: number }>(
      `SELECT count(*) FILTER (WHERE has_link AND NOT already)::DOUBLE AS marked, count(*) FILTER (WHERE has_link AND already)::DOUBLE AS already,
         count(*) FILTER (WHERE has_link IS NOT TRUE)::DOUBLE AS skipped FROM contact_marks`,
    );
    if (c.marked > 0) {
      const month = o.campaignId.slice(-7);
      await tx.run(
        `INSERT INTO campaigns (campaign_id, name, channel, segment_id, started_at, budget)
         SELECT $1, $2, 'whatsapp', $3, now(), 0 WHERE NOT EXISTS (SELECT 1 FROM campaigns WHERE campaign_id = $1)`,
        [o.campaignId, campaignName(i.list, month, settings.locale), parseContactList(i.list).id],
      );
      await tx.run(
        `INSERT INTO campaign_events (event_id, campaign_id, customer_id, event_type, occurred_at, revenue_amount)
         SELECT $1 || ':' || customer_id || ':sent', $1, customer_id, 'sent', now(), NULL FROM contact_marks WHERE has_link AND NOT already`,
        [o.campaignId],
      );
      await tx.run(
        `UPDATE campaigns SET budget = CAST($2 + $3 * (SELECT count(DISTINCT customer_id) FROM campaign_events WHERE campaign_id = $1 AND event_type = 'sent') AS DECIMAL(18,2))
         WHERE campaign_id = $1`,
        [o.campaignId, seg.fixedCost, seg.costPerMember],
      );
      tx.touched('campaigns', 'campaign_events');
      await recordConversions(tx);
    }
    await tx.run(`DROP TABLE IF EXISTS contact_marks`);
    return { campaignId: o.campaignId, ...c };
  });
}
