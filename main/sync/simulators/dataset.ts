// A simulator's data: canonical rows in a private in-memory DuckDB (copied from a demo or fixture database), each
// with a `_mod` change time the APIs filter on. Changes between syncs are made here, canonically, and every API
// renders its native payloads from it, so "what the source holds" is always these tables.
import { CANONICAL_TABLES, type CanonicalTable } from '../../../shared/types';
import { Db, type Params } from '../../store/db';
import { MIGRATIONS } from '../../store/migrations/index';
import { TABLE_KEYS } from '../../model/schema';
import { sqlIdent, sqlString } from '../../sql/quote';

const BASE = `TIMESTAMPTZ '2020-01-01 00:00:00+00'`;
const MOD_DEFAULT: Record<CanonicalTable, string> = {
  locations: BASE,
  employees: BASE,
  customers: `coalesce(created_at, ${BASE})`,
  items: BASE,
  sales: 'coalesce(updated_at, created_at, occurred_at)',
  sale_lines: BASE,
  payments: 'occurred_at',
  loyalty_transactions: 'occurred_at',
  campaigns: `coalesce(started_at, ${BASE})`,
  campaign_events: 'occurred_at',
  listing_snapshots: 'observed_at',
};

export class SimDataset {
  private lastStamp = 0;
  private constructor(
    readonly db: Db,
    readonly timezone: string,
  ) {}

  /** Empty canonical tables (with `_mod`) in memory. */
  static async create(timezone = 'America/Sao_Paulo'): Promise<SimDataset> {
    const db = await Db.open({ path: ':memory:', timezone, readers: 4, threads: 2 });
    const m002 = MIGRATIONS.find((m) => m.version === 2);
    if (!m002) throw new Error('canonical schema migration missing');
    await db.run(m002.sql);
    for (const t of CANONICAL_TABLES) await db.run(`ALTER TABLE ${t} ADD COLUMN _mod TIMESTAMPTZ`);
    return new SimDataset(db, timezone);
  }

  /** Copies the canonical tables of a DuckDB file (a demo database, a fixture) whose ids start with one of `prefixes`. */
  static async fromDatabase(path: string, prefixes: string[], timezone = 'America/Sao_Paulo'): Promise<SimDataset> {
    const d = await SimDataset.create(timezone);
    await d.db.run(`ATTACH ${sqlString(path)} AS src (READ_ONLY)`);
    try {
      for (const t of CANONICAL_TABLES) {
        const cols = await d.db.all<{ c: string }>(
          `SELECT column_name AS c FROM information_schema.columns WHERE table_catalog = 'src' AND table_name = $1 AND column_name IN (SELECT column_name FROM information_schema.columns WHERE table_catalog = current_database() AND table_name = $1)`,
          [t],
        );
        if (!cols.length) continue;
        const key = TABLE_KEYS[t][0];
        const where = prefixes.map((p) => `starts_with(${key}, '${p}:')`).join(' OR ');
        const list = cols.map((c) => sqlIdent(c.c)).join(', ');
        await d.db.run(`INSERT INTO ${t} (${list}) SELECT ${list} FROM src.${t} WHERE ${where}`);
      }
    } finally {
      await d.db.run(`DETACH src`);
    }
    await d.initMods();
    return d;
  }

  /** Gives every row without a change time its default one (sale lines follow their sale). */
  async initMods(): Promise<void> {
    for (const t of CANONICAL_TABLES) {
      if (t === 'sale_lines') continue;
      await this.db.run(`UPDATE ${t} SET _mod = ${MOD_DEFAULT[t]} WHERE _mod IS NULL`);
    }
    await this.db.run(`UPDATE sale_lines l SET _mod = s._mod FROM sales s WHERE s.sale_id = l.sale_id AND l._mod IS NULL`);
    await this.db.run(`UPDATE sale_lines SET _mod = ${BASE} WHERE _mod IS NULL`);
    // A source never reports a change in the future (generated data may hold ones past "now").
    for (const t of CANONICAL_TABLES) await this.db.run(`UPDATE ${t} SET _mod = date_trunc('second', now()) - INTERVAL 1 SECOND WHERE _mod > now()`);
  }

  all<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T[]> {
    return this.db.all<T>(sql, params);
  }

  run(sql: string, params?: Params): Promise<void> {
    return this.db.run(sql, params);
  }

  /** A change time for a mutation: now, whole seconds (what every API can represent). */
  stamp(): string {
    const s = Math.max(Math.floor(Date.now() / 1000) * 1000, this.lastStamp);
    this.lastStamp = s;
    return new Date(s).toISOString();
  }

  /** Updates one row and marks it (and, for a sale, its lines) changed now. */
  async touch(table: CanonicalTable, id: string, set: string, params: Params = []): Promise<void> {
    const key = TABLE_KEYS[table][0];
    const at = this.stamp();
    const n = Array.isArray(params) ? params.length : 0;
    const extra = table === 'sales' ? `, updated_at = $${n + 1}::TIMESTAMPTZ` : '';
    await this.db.run(`UPDATE ${table} SET ${set ? `${set}, ` : ''}_mod = $${n + 1}::TIMESTAMPTZ${extra} WHERE ${key} = $${n + 2}`, [...(params as unknown[]), at, id] as Params);
    if (table === 'sales') await this.db.run(`UPDATE sale_lines SET _mod = $1::TIMESTAMPTZ WHERE sale_id = $2`, [at, id]);
  }

  /** Canonical rows of one table for ids with this prefix, in key order, without `_mod` (what a full sync must give). */
  async expected(table: CanonicalTable, prefix: string, exclude: string[] = []): Promise<Record<string, unknown>[]> {
    const keys = TABLE_KEYS[table];
    return this.db.all(
      `SELECT * EXCLUDE (_mod${exclude.map((c) => `, ${c}`).join('')}) FROM ${table} WHERE starts_with(${keys[0]}, $1) ORDER BY ${keys.join(', ')}`,
      [`${prefix}:`],
    );
  }

  close(): void {
    this.db.close();
  }
}

/** ISO text of a TIMESTAMPTZ column in UTC with microseconds, e.g. 2024-05-01T13:00:00.000000+00:00 (PostgREST). */
export const isoUtcMicros = (col: string) => `strftime(timezone('UTC', ${col}), '%Y-%m-%dT%H:%M:%S.%f+00:00')`;
/** UTC without zone, whole seconds (WooCommerce *_gmt). */
export const gmtSeconds = (col: string) => `strftime(timezone('UTC', ${col}), '%Y-%m-%dT%H:%M:%S')`;
/** Business-local "YYYY-MM-DD HH:MM:SS" (Bling). */
export const localSeconds = (col: string) => `strftime(timezone(getvariable('biz_tz'), ${col}), '%Y-%m-%d %H:%M:%S')`;
/** ISO with milliseconds and the business zone's offset, e.g. 2024-05-01T10:00:00.000-03:00 (Mercado Livre). */
export const isoLocalMillis = (col: string) => {
  const off = `(epoch(timezone(getvariable('biz_tz'), ${col})) - epoch(${col}))::BIGINT`;
  return `strftime(timezone(getvariable('biz_tz'), ${col}), '%Y-%m-%dT%H:%M:%S.%g') || printf('%s%02d:%02d', CASE WHEN ${off} < 0 THEN '-' ELSE '+' END, abs(${off}) // 3600, (abs(${off}) % 3600) // 60)`;
};
