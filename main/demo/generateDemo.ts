// The demo job: generates the whole dataset in one transaction (all or nothing), step by step in DuckDB SQL,
// then links customers across sources. Same seed and end date give the same rows.
import { rebuildRollupsTx } from '../model/rollups';
import type { Db, Tx } from '../store/db';
import { AppError } from '../store/errors';
import type { DemoSummary } from '../../shared/api/demo';
import { CANONICAL_TABLES } from '../../shared/types';
import { createRandomMacros, resolveDemoParams, type DemoOptions, type DemoParams } from './demoParams';
import { createCalendar, createReference } from './demoReference';
import { createCustomers, createPeople, insertOnlineCustomers } from './demoPeople';
import { createSalonSales, createVisits } from './demoSalon';
import { createLoyalty, createSalonPayments } from './demoSalonMoney';
import { createListingSnapshots, createMercadoLivre, createWooOrders } from './demoOnline';
import { createCampaigns } from './demoCampaigns';
import { matchCustomersTx } from '../identity/matchCustomers';

export interface DemoRunOptions extends DemoOptions {
  replace?: boolean;
  progress?: (p: { done: number; total: number; phase: string }) => void;
  checkCancelled?: () => void;
  /** Aborting interrupts the running statement at once (cancel, or the engine closing). */
  signal?: AbortSignal;
}

const STEPS = [
  ['calendar', createCalendar],
  ['locations, staff and catalogue', createReference],
  ['people', createPeople],
  ['customers', createCustomers],
  ['appointments', createVisits],
  ['sales and lines', createSalonSales],
  ['payments', createSalonPayments],
  ['loyalty', createLoyalty],
  ['WooCommerce orders', createWooOrders],
  ['Mercado Livre orders', createMercadoLivre],
  ['online customers', insertOnlineCustomers],
  ['listing snapshots', createListingSnapshots],
  ['campaigns', createCampaigns],
] as const;

export async function generateDemo(db: Db, opts: DemoRunOptions = {}): Promise<DemoSummary> {
  const t0 = performance.now();
  const p = resolveDemoParams({ ...opts, timezone: opts.timezone ?? db.timezone });
  const total = STEPS.length + 1;
  const summary = await db.transaction(async (tx) => {
    const interrupt = () => tx.connection.interrupt();
    opts.signal?.addEventListener('abort', interrupt);
    try {
      return await generateInTx(tx, p, opts, total);
    } finally {
      opts.signal?.removeEventListener('abort', interrupt);
    }
  });
  opts.progress?.({ done: total, total, phase: 'done' });
  const order = new Map<string, number>(CANONICAL_TABLES.map((t, i) => [t, i]));
  return {
    seed: p.seed,
    customers: p.customers,
    months: p.months,
    from: p.start,
    to: p.end,
    tables: summary.rows.map((r) => ({ name: r.name, rows: Number(r.rows) })).sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0)),
    identity: summary.identity,
    ms: Math.round(performance.now() - t0),
  };
}

/** Every step inside the caller's transaction; refuses a database with data unless replace is set. */
async function generateInTx(tx: Tx, p: DemoParams, opts: DemoRunOptions, total: number) {
  const counts = await tx.all<{ n: bigint }>(CANONICAL_TABLES.map((t) => `SELECT count(*) AS n FROM (SELECT 1 FROM "${t}" LIMIT 1)`).join(' UNION ALL '));
  if (counts.some((c) => Number(c.n) > 0)) {
    if (!opts.replace) throw new AppError('CONFLICT', 'the database already holds data; generate the demo with replace to delete it first');
    for (const t of [...CANONICAL_TABLES, 'customer_identity', 'customer_identity_splits']) await tx.run(`DELETE FROM "${t}"`);
  }
  await createRandomMacros(tx, p.seed);
  // Row estimates of temp tables made inside this transaction are unknown, and DuckDB would then turn the ASOF
  // joins that sample days into nested loops; the setting is restored below.
  await tx.run('SET asof_loop_join_threshold = 0');
  let done = 0;
  try {
    for (const [phase, step] of STEPS) {
      opts.checkCancelled?.();
      opts.progress?.({ done, total, phase });
      await step(tx, p);
      done++;
    }
  } finally {
    // After an interrupt the transaction is aborted and refuses statements; the rollback restores nothing else.
    await tx.run('RESET asof_loop_join_threshold').catch(() => undefined);
  }
  opts.progress?.({ done, total, phase: 'identity' });
  const identity = await matchCustomersTx(tx);
  const temps = await tx.all<{ name: string }>(`SELECT table_name AS name FROM duckdb_tables() WHERE temporary AND table_name LIKE '__demo_%'`);
  for (const t of temps) await tx.run(`DROP TABLE "${t.name}"`);
  const rows = await tx.all<{ name: string; rows: bigint }>(CANONICAL_TABLES.map((t) => `SELECT '${t}' AS name, count(*) AS rows FROM "${t}"`).join(' UNION ALL '));
  // The demo replaces every row: its daily rollups are built whole, in the same transaction.
  await rebuildRollupsTx(tx);
  tx.touched(...CANONICAL_TABLES, 'customer_identity');
  return { rows, identity };
}
