import { Engine } from '../host/engine';
const e = await Engine.open({ dbPath: process.argv[2], log: () => undefined });
const c = e.db.readConnection();
const time = async (label: string, sql: string, params: unknown[] = []) => {
  const ts: number[] = [];
  for (let i = 0; i < 5; i++) { const t0 = performance.now(); await c.runAndReadAll(sql, params as never); ts.push(performance.now() - t0); }
  ts.sort((a, b) => a - b);
  console.log(label.padEnd(40), ts.map((x) => x.toFixed(1)).join(' '));
};
const P = ['2026-06-01', '2026-06-30'];
await time('biz_date only', `SELECT count(*), sum(total_amount) FROM v_sales WHERE biz_date BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE)`, P);
await time('cast margin', `SELECT count(*), sum(total_amount) FROM v_sales WHERE occurred_at >= CAST(CAST($1 AS DATE) - 1 AS TIMESTAMPTZ) AND occurred_at < CAST(CAST($2 AS DATE) + 2 AS TIMESTAMPTZ) AND biz_date BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE)`, P);
await time('tz exact', `SELECT count(*), sum(total_amount) FROM v_sales WHERE occurred_at >= timezone(getvariable('biz_tz'), CAST(CAST($1 AS DATE) AS TIMESTAMP)) AND occurred_at < timezone(getvariable('biz_tz'), CAST(CAST($2 AS DATE) + 1 AS TIMESTAMP)) AND biz_date BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE)`, P);
await time('bound ts params', `SELECT count(*), sum(total_amount) FROM v_sales WHERE occurred_at >= CAST($3 AS TIMESTAMPTZ) AND occurred_at < CAST($4 AS TIMESTAMPTZ) AND biz_date BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE)`, [...P, '2026-06-01T03:00:00Z', '2026-07-01T03:00:00Z']);
await time('raw ts only', `SELECT count(*), sum(total_amount) FROM sales WHERE occurred_at >= CAST($1 AS TIMESTAMPTZ) AND occurred_at < CAST($2 AS TIMESTAMPTZ)`, ['2026-06-01T03:00:00Z', '2026-07-01T03:00:00Z']);
const ex = await c.runAndReadAll(`EXPLAIN SELECT count(*) FROM v_sales WHERE occurred_at >= CAST(CAST($1 AS DATE) - 1 AS TIMESTAMPTZ) AND biz_date BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE)`, P as never);
console.log(String(ex.getRowObjectsJS()[0].explain_value));
e.close();
