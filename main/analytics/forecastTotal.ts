// The one "revenue forecast for the next 30 days": the daily forecast from the last complete business day (through
// the holiday calendar of the settings), summed over its first 30 days. The dashboard KPI and the forecast page
// both call this; the forecast behind it is stored (forecast report, exports) and kept in memory until sales,
// locations or the holiday settings change or the business day turns.
import type { ForecastTotal } from '../../shared/analytics';
import type { Settings } from '../../shared/settings';
import type { Db } from '../store/db';
import { StateKey } from '../store/state';
import { computeForecast } from './forecast';
import { storeForecast } from './forecastStore';

export const NEXT_DAYS = 30;
const BASE_TABLES = new Set(['sales', 'locations']);

interface CacheState {
  version: number;
  entry: { key: string; value: Promise<ForecastTotal> } | null;
}
// Owned by the database (no module-level engine state): made on first use, counting changes to the base tables.
const STATE = new StateKey<CacheState, Db>('analytics.forecastTotal', (db) => {
  const st: CacheState = { version: 0, entry: null };
  db.on('changed', (e: { tables: string[] }) => {
    if (e.tables.some((t) => BASE_TABLES.has(t))) st.version++;
  });
  return st;
});

function stateOf(db: Db): CacheState {
  return db.state(STATE);
}

async function compute(db: Db, holidays: Settings['holidays']): Promise<ForecastTotal> {
  const f = await computeForecast(db, 'day', NEXT_DAYS, null, holidays);
  await storeForecast(db, f);
  const points = f.points.slice(0, NEXT_DAYS);
  const total = Math.round(points.reduce((s, p) => s + p.point, 0) * 100) / 100;
  return {
    from: points[0]?.date ?? null,
    to: points[points.length - 1]?.date ?? null,
    days: points.length,
    total: points.length ? total : null,
    model: f.model,
    historyEnd: f.historyEnd,
    backtest: f.backtest,
    notes: f.notes,
    points,
  };
}

/** Revenue expected in the 30 days after the last complete business day (null total when there is too little history). */
export async function forecastNext30(db: Db, holidays: Settings['holidays']): Promise<ForecastTotal> {
  const s = stateOf(db);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: db.timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const key = JSON.stringify([s.version, today, db.timezone, holidays]);
  if (s.entry?.key !== key) {
    const value = compute(db, holidays);
    s.entry = { key, value };
    value.catch(() => {
      if (s.entry?.value === value) s.entry = null;
    });
  }
  return s.entry.value;
}
