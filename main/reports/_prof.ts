import { Engine } from '../host/engine';
import { resolveRequest } from './prepare';
import { pageSql } from './engine';
const e = await Engine.open({ dbPath: process.argv[2], log: () => undefined });
const id = process.argv[3];
const c = e.db.readConnection();
const time = async (label: string, sql: string, params: unknown[] = []) => {
  const ts: number[] = [];
  for (let i = 0; i < 4; i++) { const t0 = performance.now(); await c.runAndReadAll(sql, params as never); ts.push(performance.now() - t0); }
  console.log(label.padEnd(40), ts.map((x) => x.toFixed(0)).join(' '));
};
await time('count v_sales biz_date', `SELECT count(*) FROM v_sales WHERE biz_date BETWEEN DATE '2026-06-01' AND DATE '2026-06-30'`);
await time('count sales occurred', `SELECT count(*) FROM sales WHERE occurred_at >= TIMESTAMPTZ '2026-06-01 03:00:00+00' AND occurred_at < TIMESTAMPTZ '2026-07-01 03:00:00+00'`);
await time('count sales tz all', `SELECT count(*) FROM sales WHERE CAST(timezone('America/Sao_Paulo', occurred_at) AS DATE) BETWEEN DATE '2026-06-01' AND DATE '2026-06-30'`);
if (id) {
  const r = await resolveRequest(e, { report: id, period: { today: '2026-06-30' } });
  const q = pageSql(r, { report: id, limit: 200 });
  await time(id + ' page', q.sql, q.params.values);
  const prof = await c.runAndReadAll('EXPLAIN ANALYZE ' + q.sql, q.params.values as never);
  console.log(String(prof.getRowObjectsJS()[0].explain_value).slice(0, 6000));
}
e.close();
