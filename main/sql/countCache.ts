// Caches row counts by (SQL, parameters, data version): paging through a result never recounts it.
import type { DuckDBValue } from '@duckdb/node-api';
import type { Db } from '../store/db';

export class CountCache {
  private readonly map = new Map<string, Promise<number>>();
  constructor(private readonly max = 256) {}

  get(db: Db, sql: string, params: DuckDBValue[]): Promise<number> {
    const key = `${db.path}\u0000${db.dataVersion}\u0000${sql}\u0000${JSON.stringify(params, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))}`;
    let p = this.map.get(key);
    if (!p) {
      p = db.all<{ n: bigint | number }>(sql, params).then((r) => Number(r[0]?.n ?? 0));
      p.catch(() => this.map.delete(key));
      this.map.set(key, p);
      if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
    }
    return p;
  }
}
