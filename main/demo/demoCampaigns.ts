// Demo CRM campaigns: two a month (birthdays, win-back, seasonal dates) over e-mail, WhatsApp, SMS and Instagram,
// with sent/delivered/opened/clicked events and conversions that are real completed visits within ten days.
import type { Tx } from '../store/db';
import type { DemoParams } from './demoParams';

const MONTHS_PT = ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'];

export async function createCampaigns(tx: Tx, p: DemoParams): Promise<void> {
  await tx.run(`CREATE OR REPLACE TEMP TABLE __demo_camp AS
WITH m AS (SELECT CAST(x AS DATE) AS m FROM generate_series(date_trunc('month', DATE '${p.start}'), DATE '${p.end}', INTERVAL 1 MONTH) t(x)),
c AS (SELECT m, s, month(m) AS mo, year(m) AS y FROM m, range(0, 2) r(s))
SELECT row_number() OVER (ORDER BY m, s) AS cno, *,
  CASE WHEN s = 0 AND mo = 12 THEN 'whatsapp' WHEN s = 0 THEN 'whatsapp' WHEN mo IN (5, 11) THEN 'email'
    ELSE list_element(['email', 'sms', 'instagram', 'email'], 1 + (mo % 4)) END AS channel,
  CASE WHEN s = 0 AND mo = 12 THEN 'Natal ' || y WHEN s = 0 THEN 'Aniversariantes de ' || list_element(${`[${MONTHS_PT.map((x) => `'${x}'`).join(', ')}]`}, mo)
    WHEN mo = 5 THEN 'Dia das Mães ' || y WHEN mo = 11 THEN 'Black Friday ' || y
    ELSE list_element(['Volte a nos visitar', 'Saudades de você', 'Novidades da estação', 'Clube de vantagens'], 1 + (mo % 4)) || ' ' || mo || '/' || y END AS name,
  CASE WHEN s = 0 AND mo <> 12 THEN 'birthdays' WHEN mo IN (5, 11, 12) THEN NULL
    ELSE list_element(['at_risk', 'hibernating', NULL, 'champions'], 1 + (mo % 4)) END AS segment_id,
  timezone('${p.tz}', CAST(m AS TIMESTAMP) + CASE WHEN s = 0 THEN INTERVAL 2 DAY ELSE INTERVAL 16 DAY END + INTERVAL 10 HOUR) AS started_at
FROM c`);
  await tx.run(`DELETE FROM __demo_camp WHERE started_at > timezone('${p.tz}', CAST(DATE '${p.end}' AS TIMESTAMP))
    OR started_at < timezone('${p.tz}', CAST(DATE '${p.start}' AS TIMESTAMP))`);
  // Recipients: a sample of the opted-in salon customers (for birthday campaigns, of those born that month), drawn
  // by index into the eligible list so the work is proportional to the sends, not to campaigns x customers.
  await tx.run(`CREATE OR REPLACE TEMP TABLE __demo_elig AS
SELECT sc.p, sc.first_day, sc.salon_email, coalesce(month(sc.birth_date), 0) AS bm,
  row_number() OVER (ORDER BY sc.p) AS gi, row_number() OVER (PARTITION BY coalesce(month(sc.birth_date), 0) ORDER BY sc.p) AS bi
FROM __demo_salon_cust sc JOIN __demo_people pp USING (p) WHERE pp.opt_in`);
  await tx.run(`CREATE OR REPLACE TEMP TABLE __demo_recipients AS
WITH n AS (SELECT bm, count(*) AS cnt FROM __demo_elig GROUP BY bm),
c AS (
  SELECT c.cno, c.channel, c.started_at, CASE WHEN c.segment_id = 'birthdays' THEN c.mo END AS bm,
    CASE WHEN c.segment_id = 'birthdays' THEN coalesce(n.cnt, 0) ELSE (SELECT count(*) FROM __demo_elig) END AS cnt
  FROM __demo_camp c LEFT JOIN n ON n.bm = c.mo),
r AS (
  SELECT c.cno, c.channel, c.started_at, c.bm, 1 + CAST(hash(hash(${p.seed}, c.cno, x)) % c.cnt AS BIGINT) AS i
  FROM c, LATERAL range(0, least(c.cnt, ${p.campaignCap})) t(x) WHERE c.cnt > 0)
SELECT DISTINCT cno, channel, started_at, p FROM (
  SELECT r.cno, r.channel, r.started_at, e.p, e.first_day, e.salon_email FROM r JOIN __demo_elig e ON r.bm IS NULL AND e.gi = r.i
  UNION ALL
  SELECT r.cno, r.channel, r.started_at, e.p, e.first_day, e.salon_email FROM r JOIN __demo_elig e ON e.bm = r.bm AND e.bi = r.i)
WHERE first_day <= CAST(started_at AS DATE) AND (channel <> 'email' OR salon_email)`);
  await tx.run(`CREATE OR REPLACE TEMP TABLE __demo_funnel AS
SELECT cno, channel, p,
  started_at + to_minutes(CAST(floor(du3(cno, p, 'snt') * 120) AS BIGINT)) AS sent_at,
  channel <> 'instagram' AND du3(cno, p, 'dlv') < CASE channel WHEN 'email' THEN 0.95 WHEN 'whatsapp' THEN 0.98 ELSE 0.93 END AS delivered,
  du3(cno, p, 'opn') < CASE channel WHEN 'email' THEN 0.32 WHEN 'whatsapp' THEN 0.72 ELSE 0 END AS opened,
  du3(cno, p, 'clk') < CASE channel WHEN 'email' THEN 0.14 WHEN 'whatsapp' THEN 0.2 WHEN 'sms' THEN 0.04 ELSE 0.03 END AS clicked
FROM __demo_recipients`);
  await tx.run(`INSERT INTO campaigns
SELECT 'hubspot:' || (1000 + cno), name, channel, segment_id, started_at,
  CAST(CASE channel WHEN 'email' THEN 150 WHEN 'instagram' THEN 800 + 50 * (cno % 10)
    ELSE (SELECT count(*) FROM __demo_recipients r WHERE r.cno = c.cno) * CASE channel WHEN 'whatsapp' THEN 0.08 ELSE 0.12 END END AS DECIMAL(18,2))
FROM __demo_camp c`);
  const ev = (t: string) => `'hubspot:' || (1000 + cno) || ':' || (100000 + p) || ':${t}'`;
  // Nothing online happens after the demo was made (the end of its last day, or now during it).
  const endTs = p.aheadTs;
  await tx.run(`INSERT INTO campaign_events
SELECT * FROM (
  SELECT ${ev('s')} AS event_id, 'hubspot:' || (1000 + cno) AS campaign_id, 'salon:' || (100000 + p) AS customer_id, 'sent' AS event_type, sent_at AS occurred_at, NULL::DECIMAL(18,2) AS revenue_amount
  FROM __demo_funnel WHERE channel <> 'instagram'
  UNION ALL SELECT ${ev('d')}, 'hubspot:' || (1000 + cno), 'salon:' || (100000 + p), 'delivered', sent_at + INTERVAL 1 MINUTE, NULL FROM __demo_funnel WHERE delivered
  UNION ALL SELECT ${ev('o')}, 'hubspot:' || (1000 + cno), 'salon:' || (100000 + p), 'opened', sent_at + to_minutes(CAST(5 + floor(du3(cno, p, 'ot') * 2880) AS BIGINT)), NULL
    FROM __demo_funnel WHERE delivered AND opened
  UNION ALL SELECT ${ev('c')}, 'hubspot:' || (1000 + cno), 'salon:' || (100000 + p), 'clicked', sent_at + to_minutes(CAST(10 + floor(du3(cno, p, 'ot') * 2880) AS BIGINT)), NULL
    FROM __demo_funnel WHERE (delivered AND (opened OR channel = 'sms') AND clicked) OR (channel = 'instagram' AND clicked))
WHERE occurred_at < ${endTs}`);
  // A click converts when the customer completes a visit within ten days after the message.
  await tx.run(`INSERT INTO campaign_events
SELECT 'hubspot:' || (1000 + f.cno) || ':' || (100000 + f.p) || ':v', 'hubspot:' || (1000 + f.cno), 'salon:' || (100000 + f.p), 'converted', s.vat, money(s.total_c)
FROM (SELECT * FROM __demo_funnel WHERE (delivered AND (opened OR channel = 'sms') AND clicked) OR (channel = 'instagram' AND clicked)) f
JOIN (SELECT p, vat, total_c FROM __demo_sales WHERE status = 'completed' AND NOT anonymous AND vat < ${endTs}) s
  ON f.p = s.p AND s.vat BETWEEN f.sent_at AND f.sent_at + INTERVAL 10 DAY
QUALIFY row_number() OVER (PARTITION BY f.cno, f.p ORDER BY s.vat) = 1`);
}
