// The month-over-month RFM migration matrix: previous month-end cluster x this month-end cluster, with "entered"
// (scored now, not before) and "left" (scored before, not now), from two scored sets joined by customer.
import type { MigrationFrom, MigrationTo, RfmMigration } from '../../shared/analytics';
import { RFM_CLUSTERS, type RfmCluster } from '../../shared/rfm';
import type { Db } from '../store/db';
import { ensureRfmSnapshot } from './rfmSnapshots';
import { monthEnd, previousMonth, type RfmOptions } from './rfm';

export const MIGRATION_FROM: MigrationFrom[] = [...RFM_CLUSTERS, 'entered'];
export const MIGRATION_TO: MigrationTo[] = [...RFM_CLUSTERS, 'left'];

/** SQL of (from_cluster, to_cluster, customers) over two scored sets with customer_id and cluster columns. */
export function migrationPairsSql(previousSql: string, currentSql: string): string {
  return `SELECT coalesce(p.cluster, 'entered') AS from_cluster, coalesce(c.cluster, 'left') AS to_cluster, count(*) AS customers
    FROM (${previousSql}) p FULL OUTER JOIN (${currentSql}) c ON c.customer_id = p.customer_id
    GROUP BY ALL`;
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** Assembles the matrix from (from, to, count) pairs; row sums give previous sizes, column sums current sizes. */
export function migrationMatrix(month: string, asOf: string, previousAsOf: string, pairs: { from_cluster: string; to_cluster: string; customers: number }[]): RfmMigration {
  const rows = MIGRATION_FROM.map((from) => ({ from, counts: zeros(MIGRATION_TO), total: 0 }));
  const byFrom = new Map(rows.map((r) => [r.from as string, r]));
  for (const p of pairs) {
    const row = byFrom.get(p.from_cluster);
    if (!row || !(p.to_cluster in row.counts)) continue;
    row.counts[p.to_cluster as MigrationTo] += p.customers;
    row.total += p.customers;
  }
  const previousSizes = zeros<RfmCluster>(RFM_CLUSTERS);
  const currentSizes = zeros<RfmCluster>(RFM_CLUSTERS);
  let stayed = 0;
  for (const r of rows) {
    for (const c of RFM_CLUSTERS) {
      currentSizes[c] += r.counts[c];
      if (r.from === c) stayed += r.counts[c];
    }
    if (r.from !== 'entered') previousSizes[r.from] = r.total;
  }
  return {
    month,
    asOf,
    previousAsOf,
    rows,
    previousSizes,
    currentSizes,
    entered: byFrom.get('entered')?.total ?? 0,
    left: rows.reduce((s, r) => s + r.counts.left, 0),
    stayed,
  };
}

/** The matrix for a month from the stored month-end snapshots (built or refreshed first when needed). */
export async function rfmMigration(db: Db, month: string, options: (asOf: string) => RfmOptions): Promise<RfmMigration> {
  const asOf = monthEnd(month);
  const previousAsOf = monthEnd(previousMonth(month));
  await ensureRfmSnapshot(db, options(previousAsOf));
  await ensureRfmSnapshot(db, options(asOf));
  const snap = (p: string) => `SELECT customer_id, cluster FROM rfm_snapshots WHERE as_of = CAST(${p} AS DATE)`;
  const pairs = await db.all<{ from_cluster: string; to_cluster: string; customers: number }>(
    `SELECT from_cluster, to_cluster, customers::DOUBLE AS customers FROM (${migrationPairsSql(snap('$1'), snap('$2'))})`,
    [previousAsOf, asOf],
  );
  return migrationMatrix(month, asOf, previousAsOf, pairs);
}
