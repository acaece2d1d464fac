// Monthly RFM history: one rfm_snapshots row per scored customer per month end, with the settings and a data
// fingerprint in rfm_snapshot_runs, so a stored month is reused until its data or the RFM settings change.
import type { RfmSnapshotInfo } from '../../shared/analytics';
import type { JobContext } from '../jobs/jobRunner';
import { ParamList } from '../sql/specSql';
import type { Db } from '../store/db';
import { AppError } from '../store/errors';
import { businessToday, monthAsOf, monthEnd, rfmSql, type RfmOptions } from './rfm';

/**
 * What a snapshot at D depends on: the sales that can fall on or before D (status, customer, instant, amount),
 * the identity links and the time zone. One scan of sales; far cheaper than rescoring.
 */
export async function snapshotFingerprint(db: Db, asOf: string): Promise<string> {
  const [row] = await db.all<{ fp: string }>(
    `SELECT concat_ws(':', getvariable('biz_tz'), count(*), coalesce(sum(total_amount), 0),
        coalesce(bit_xor(hash(sale_id, status, customer_id, occurred_at, total_amount)), 0),
        (SELECT concat_ws(':', count(*), coalesce(bit_xor(hash(customer_id, unified_id)), 0)) FROM customer_identity)) AS fp
     FROM sales WHERE occurred_at < CAST(CAST($1 AS DATE) + 2 AS TIMESTAMPTZ)`,
    [asOf],
  );
  return row.fp;
}

interface RunRow {
  as_of: string;
  window_days: number;
  frequency_mode: 'rank' | 'fixed';
  frequency_thresholds: number[] | null;
  customers: number;
  fingerprint: string;
  built_at: string;
}

const RUN_COLUMNS = `strftime(as_of, '%Y-%m-%d') AS as_of, window_days, frequency_mode, frequency_thresholds, customers::DOUBLE AS customers, fingerprint,
  strftime(timezone('UTC', built_at), '%Y-%m-%dT%H:%M:%SZ') AS built_at`;

function toInfo(r: RunRow): RfmSnapshotInfo {
  return {
    asOf: r.as_of,
    windowDays: r.window_days,
    frequencyMode: r.frequency_mode,
    frequencyThresholds: r.frequency_thresholds ?? [],
    customers: r.customers,
    builtAt: r.built_at,
  };
}

function sameSettings(r: RunRow, o: RfmOptions): boolean {
  if (r.window_days !== o.windowDays || r.frequency_mode !== o.frequencyMode) return false;
  return o.frequencyMode === 'rank' || JSON.stringify(r.frequency_thresholds ?? []) === JSON.stringify(o.frequencyThresholds);
}

/** Scores every customer as of D and replaces that month's snapshot in one transaction. */
export async function buildRfmSnapshot(db: Db, o: RfmOptions, fingerprint?: string): Promise<RfmSnapshotInfo> {
  const fp = fingerprint ?? (await snapshotFingerprint(db, o.asOf));
  const p = new ParamList();
  const as = p.add(o.asOf);
  const sql = rfmSql(o, p);
  await db.transaction(async (tx) => {
    // One snapshot per month: a running month's snapshot (as of today) replaces that month's earlier ones.
    await tx.run(`DELETE FROM rfm_snapshots WHERE date_trunc('month', as_of) = date_trunc('month', CAST($1 AS DATE))`, [o.asOf]);
    await tx.run(`DELETE FROM rfm_snapshot_runs WHERE date_trunc('month', as_of) = date_trunc('month', CAST($1 AS DATE))`, [o.asOf]);
    await tx.run(`INSERT INTO rfm_snapshots SELECT CAST(${as} AS DATE), customer_id, recency, frequency, monetary, r, f, m, cluster FROM (${sql})`, p.values);
    await tx.run(`DELETE FROM rfm_snapshot_runs WHERE as_of = CAST($1 AS DATE)`, [o.asOf]);
    await tx.run(
      `INSERT INTO rfm_snapshot_runs (as_of, window_days, frequency_mode, frequency_thresholds, customers, fingerprint)
       SELECT CAST($1 AS DATE), $2, $3, $4::INTEGER[], (SELECT count(*) FROM rfm_snapshots WHERE as_of = CAST($1 AS DATE)), $5`,
      [o.asOf, o.windowDays, o.frequencyMode, `[${o.frequencyThresholds.join(',')}]`, fp],
    );
    tx.touched('rfm_snapshots');
  });
  const [run] = await db.all<RunRow>(`SELECT ${RUN_COLUMNS} FROM rfm_snapshot_runs WHERE as_of = CAST($1 AS DATE)`, [o.asOf]);
  return toInfo(run);
}

/** The stored snapshot of D when it was built with these settings from the same data; else builds it. */
export async function ensureRfmSnapshot(db: Db, o: RfmOptions): Promise<{ info: RfmSnapshotInfo; rebuilt: boolean }> {
  const [run] = await db.all<RunRow>(`SELECT ${RUN_COLUMNS} FROM rfm_snapshot_runs WHERE as_of = CAST($1 AS DATE)`, [o.asOf]);
  const fp = await snapshotFingerprint(db, o.asOf);
  if (run && sameSettings(run, o) && run.fingerprint === fp) return { info: toInfo(run), rebuilt: false };
  return { info: await buildRfmSnapshot(db, o, fp), rebuilt: true };
}

export async function listRfmSnapshots(db: Db): Promise<RfmSnapshotInfo[]> {
  return (await db.all<RunRow>(`SELECT ${RUN_COLUMNS} FROM rfm_snapshot_runs ORDER BY as_of`)).map(toInfo);
}

/** The months from..to inclusive ('YYYY-MM'). */
export function monthRange(from: string, to: string): string[] {
  monthEnd(from);
  monthEnd(to);
  if (from > to) throw new AppError('BAD_INPUT', `the first month (${from}) is after the last (${to})`);
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  for (;;) {
    const cur = `${y}-${String(m).padStart(2, '0')}`;
    out.push(cur);
    if (cur === to) return out;
    if (out.length > 600) throw new AppError('BAD_INPUT', 'at most 600 months at once');
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
}

/** Builds (or reuses) the month-end snapshot of every month (as of today for the running month), reporting progress to a job. */
export async function buildRfmHistory(
  db: Db,
  months: string[],
  options: (asOf: string) => RfmOptions,
  job?: JobContext,
): Promise<{ months: number; rebuilt: number; snapshots: RfmSnapshotInfo[] }> {
  const out: RfmSnapshotInfo[] = [];
  let rebuilt = 0;
  const today = await businessToday(db);
  for (const [i, month] of months.entries()) {
    job?.checkCancelled();
    job?.progress({ done: i, total: months.length, phase: 'rfm', message: month });
    const r = await ensureRfmSnapshot(db, options(monthAsOf(month, today)));
    if (r.rebuilt) rebuilt++;
    out.push(r.info);
  }
  job?.progress({ done: months.length, total: months.length, phase: 'done' });
  return { months: months.length, rebuilt, snapshots: out };
}
