// The benchmark harness: named cases, warm-up then N timed runs, median / p95 / peak RSS, a JSON file per case.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BenchCase {
  name: string;
  /** What the figure is compared with (the target), printed beside it. */
  target?: string;
  runs?: number;
  warmup?: number;
  /** Prepares state shared by every run (not timed). */
  setup?: () => Promise<unknown>;
  /** One timed run; may return extra numbers (rows, ratio, throughput) to record. */
  run: (state: unknown) => Promise<Record<string, number> | void>;
  teardown?: (state: unknown) => Promise<void>;
}

export interface BenchResult {
  name: string;
  target?: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
  peakRssMb: number;
  extra: Record<string, number>;
  at: string;
}

const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results');

export function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

/** Samples RSS every 20 ms while fn runs; returns the peak in MB. */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, peakMb: peak / 1e6 };
  } finally {
    clearInterval(timer);
  }
}

export async function runCase(c: BenchCase): Promise<BenchResult> {
  const state = c.setup ? await c.setup() : undefined;
  const times: number[] = [];
  const extras: Record<string, number[]> = {};
  const { peakMb } = await withPeakRss(async () => {
    for (let i = 0; i < (c.warmup ?? 1); i++) await c.run(state);
    for (let i = 0; i < (c.runs ?? 5); i++) {
      const t0 = performance.now();
      const extra = await c.run(state);
      times.push(performance.now() - t0);
      for (const [k, v] of Object.entries(extra ?? {})) (extras[k] ??= []).push(v);
    }
  });
  if (c.teardown) await c.teardown(state);
  const sorted = [...times].sort((a, b) => a - b);
  const extra: Record<string, number> = {};
  for (const [k, v] of Object.entries(extras)) extra[k] = quantile([...v].sort((a, b) => a - b), 0.5);
  const result: BenchResult = {
    name: c.name,
    target: c.target,
    runs: times.length,
    medianMs: quantile(sorted, 0.5),
    p95Ms: quantile(sorted, 0.95),
    minMs: sorted[0],
    maxMs: sorted[sorted.length - 1],
    peakRssMb: peakMb,
    extra,
    at: new Date().toISOString(),
  };
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, `${c.name.replace(/[^a-z0-9._-]+/gi, '_')}.json`), JSON.stringify(result, null, 2));
  return result;
}

export function printTable(results: BenchResult[]): void {
  const rows = results.map((r) => [
    r.name,
    r.medianMs.toFixed(1),
    r.p95Ms.toFixed(1),
    r.peakRssMb.toFixed(0),
    Object.entries(r.extra)
      .map(([k, v]) => `${k}=${Number.isInteger(v) ? v : v.toFixed(3)}`)
      .join(' '),
    r.target ?? '',
  ]);
  const head = ['case', 'median ms', 'p95 ms', 'peak RSS MB', 'extra', 'target'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(fmt(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(fmt(r));
}
