// Contact lists as SQL over the customer profile (profiles.ts): who is on a list (a segment, an RFM cluster,
// this week's or month's birthdays, or customers past their usual return interval), each member's last service
// and professional, the message rendered from the template and the wa.me link, all in one DuckDB query.
import type { LocalizedText } from '../../shared/types';
import { parseContactList, type ContactListId } from '../../shared/contacts';
import { sqlString } from '../sql/quote';
import type { Binder, RfmOptions } from './rfm';
import { profileSql } from './profiles';
import { salesFactsSql } from './salesFacts';
import { segmentDef } from './segmentDefs';

/** Campaign ids the app creates for contacts made from a list start with this (sources never use it). */
export const APP_CAMPAIGN_PREFIX = 'painel:whatsapp:';

/** The campaign a list's contacts are recorded in, one per list and calendar month of the contact. */
export function contactCampaignId(list: ContactListId, month: string): string {
  return `${APP_CAMPAIGN_PREFIX}${list.replace(':', '-')}:${month}`;
}

/** This month's campaign of a list as SQL (business time zone), for callers that build SQL without a clock. */
export function contactCampaignExpr(list: ContactListId): { sql: string } {
  return { sql: `(${sqlString(contactCampaignId(list, ''))} || strftime(timezone(getvariable('biz_tz'), now()), '%Y-%m'))` };
}

function campaignSql(o: ContactSqlOptions, b: Binder): string {
  return typeof o.campaignId === 'string' ? b.add(o.campaignId) : o.campaignId.sql;
}

/** Words used where a member has no last service or professional, so a message never shows a blank. */
const FALLBACK = {
  service: { 'pt-BR': 'atendimento', en: 'appointment' },
  professional: { 'pt-BR': 'nossa equipe', en: 'our team' },
} as const satisfies Record<string, LocalizedText>;

/** The birthday of `birth` in the year of `d` (29 February falls on the 28th in other years). */
function birthdayIn(birth: string, year: string): string {
  return `make_date(${year}, month(${birth}), least(day(${birth}), day(last_day(make_date(${year}, month(${birth}), 1)))))`;
}

/** The list's rule over profile columns (as_of is the profile's as-of date). */
export function listPredicate(list: ContactListId): string {
  const p = parseContactList(list);
  if (p.kind === 'segment') return segmentDef(p.id).sql;
  if (p.kind === 'cluster') return `cluster = ${sqlString(p.id)}`;
  if (p.id === 'birthdays_month') return `month(birth_date) = month(as_of)`;
  if (p.id === 'birthdays_week') {
    // the next birthday on or after D falls within D .. D + 6
    const thisYear = birthdayIn('birth_date', 'year(as_of)');
    const nextYear = birthdayIn('birth_date', 'year(as_of) + 1');
    return `date_diff('day', as_of, CASE WHEN ${thisYear} >= as_of THEN ${thisYear} ELSE ${nextYear} END) BETWEEN 0 AND 6`;
  }
  // Past the usual interval: two or more visits, the days since the last one exceed the average gap between
  // visits, and the last visit is within a year (older ones are the lost / dormant lists).
  return `visits >= 2 AND days_since_last <= 365 AND days_since_last > date_diff('day', first_visit, last_visit) / (visits - 1)`;
}

export interface ContactSqlOptions {
  rfm: RfmOptions;
  list: ContactListId;
  /** The normalized template ({nome}, {servico}, {profissional}). */
  template: string;
  locale: 'pt-BR' | 'en';
  /** The campaign of this month's contacts (for the contacted column): its id, or a SQL expression of it. */
  campaignId: string | { sql: string };
  /** A cached profile's SQL (profileCache.ts), or null to compute it. */
  profile?: string | null;
}

/** Columns of a contact list row, in order. */
export const CONTACT_COLUMNS = ['customer_id', 'name', 'phone_e164', 'last_service', 'professional', 'last_visit', 'days_since_last', 'contacted', 'message', 'whatsapp_url'] as const;

/** Everyone matching the list (opted in or not) with opt_in, phone and last visit: the base of rows and counts. */
function matchSql(o: ContactSqlOptions, b: Binder): string {
  return `SELECT customer_id, name, phone_e164, opt_in, last_visit, days_since_last, as_of
    FROM (${o.profile ?? profileSql(o.rfm, b)}) WHERE (${listPredicate(o.list)}) IS TRUE`;
}

/** One row per opted-in member: contact details, last completed sale's service and professional, message and link. */
export function contactListSql(o: ContactSqlOptions, b: Binder): string {
  const d = `CAST(${b.add(o.rfm.asOf)} AS DATE)`;
  const tpl = b.add(o.template);
  const campaign = campaignSql(o, b);
  const first = `nullif(split_part(trim(m.name), ' ', 1), '')`;
  // Placeholders are replaced one after the other; the customer's own words go in last so they are never re-read.
  const message = `replace(replace(replace(${tpl}, '{servico}', coalesce(ln.service, ${sqlString(FALLBACK.service[o.locale])})),
      '{profissional}', coalesce(pe.name, ${sqlString(FALLBACK.professional[o.locale])})), '{nome}', coalesce(${first}, ''))`;
  return `WITH cl_members AS (SELECT * FROM (${matchSql(o, b)}) WHERE opt_in),
    cl_last AS (
      SELECT f.customer_key, arg_max(f.sale_id, f.occurred_at) AS sale_id
      FROM ${salesFactsSql({ to: d, where: "s.status = 'completed'" })} f
      WHERE f.customer_key IN (SELECT customer_id FROM cl_members) GROUP BY 1
    ),
    cl_lines AS (
      -- the last sale's first service line (else first line) names the service; its first line with a professional names them
      SELECT l.sale_id, arg_min(i.name, CASE WHEN i.kind = 'service' THEN 0 ELSE 1000000 END + l.line_no) AS service,
        arg_min(l.employee_id, l.line_no) AS employee_id
      FROM sale_lines l LEFT JOIN items i ON i.item_id = l.item_id
      WHERE l.sale_id IN (SELECT sale_id FROM cl_last) GROUP BY 1
    ),
    cl_sent AS (SELECT DISTINCT customer_id FROM campaign_events WHERE campaign_id = ${campaign} AND event_type = 'sent')
    SELECT m.customer_id, m.name, m.phone_e164, ln.service AS last_service, pe.name AS professional, m.last_visit,
      m.days_since_last, (cs.customer_id IS NOT NULL) AS contacted, ${message} AS message,
      CASE WHEN m.phone_e164 IS NOT NULL THEN 'https://wa.me/' || substr(m.phone_e164, 2) || '?text=' || url_encode(${message}) END AS whatsapp_url
    FROM cl_members m
    LEFT JOIN cl_last la ON la.customer_key = m.customer_id
    LEFT JOIN sales s ON s.sale_id = la.sale_id
    LEFT JOIN cl_lines ln ON ln.sale_id = la.sale_id
    LEFT JOIN employees pe ON pe.employee_id = coalesce(ln.employee_id, s.employee_id)
    LEFT JOIN cl_sent cs ON cs.customer_id = m.customer_id`;
}

/** The list's counts: opted-in members, with and without a valid phone, left out for no opt-in, contacted. */
export function contactSummarySql(o: ContactSqlOptions, b: Binder): string {
  const campaign = campaignSql(o, b);
  return `SELECT count(*) FILTER (WHERE opt_in)::DOUBLE AS members,
      count(*) FILTER (WHERE opt_in AND phone_e164 IS NOT NULL)::DOUBLE AS "withPhone",
      count(*) FILTER (WHERE opt_in AND phone_e164 IS NULL)::DOUBLE AS "withoutPhone",
      count(*) FILTER (WHERE NOT opt_in)::DOUBLE AS "notOptedIn",
      count(*) FILTER (WHERE opt_in AND customer_id IN (SELECT customer_id FROM campaign_events WHERE campaign_id = ${campaign} AND event_type = 'sent'))::DOUBLE AS contacted
    FROM (${matchSql(o, b)})`;
}
