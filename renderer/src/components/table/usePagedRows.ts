// Fetches table rows page by page around the viewport, caches recent pages, and drops answers to stale specs,
// so a 10-million-row result scrolls without ever holding it whole.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Row } from '../../api/arrowRows';

export interface FetchedPage {
  rows: Row[];
  total: number | null;
}

export type PageFetcher = (offset: number, limit: number, withTotal: boolean, signal: AbortSignal) => Promise<FetchedPage>;

export interface PagedRows {
  total: number | null;
  error: string | null;
  /** Time of the last answer for the current spec (ms); for the status line and tests. */
  lastLatencyMs: number | null;
  /** Pages are being fetched for the current spec. */
  loading: boolean;
  getRow(index: number): Row | undefined;
  /** Asks for the rows in [start, end] to be loaded (debounced, newest range wins). */
  request(start: number, end: number): void;
}

const MAX_PAGES = 60;
const MAX_IN_FLIGHT = 3;

export function usePagedRows(specKey: string, fetcher: PageFetcher, pageSize = 200): PagedRows {
  const [state, setState] = useState<{ readyKey: string | null; total: number | null; error: string | null; latency: number | null }>({
    readyKey: null,
    total: null,
    error: null,
    latency: null,
  });
  const [, setTick] = useState(0);
  const pages = useRef(new Map<number, Row[]>());
  const pending = useRef(new Map<number, AbortController>());
  const wanted = useRef<[number, number]>([0, pageSize]);
  const gen = useRef(0);
  const keyRef = useRef(specKey);
  const timer = useRef<number | null>(null);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;

  const pump = useCallback(() => {
    const myGen = gen.current;
    const myKey = keyRef.current;
    const [start, end] = wanted.current;
    const first = Math.floor(Math.max(0, start) / pageSize);
    const last = Math.floor(Math.max(0, end) / pageSize);
    // Pages no longer near the viewport are not worth waiting for.
    for (const [p, ctrl] of pending.current) {
      if (p < first - 1 || p > last + 1) {
        ctrl.abort();
        pending.current.delete(p);
      }
    }
    for (let p = first; p <= last && pending.current.size < MAX_IN_FLIGHT; p++) {
      if (pages.current.has(p) || pending.current.has(p)) continue;
      const ctrl = new AbortController();
      pending.current.set(p, ctrl);
      const t0 = performance.now();
      const needTotal = p === first && !pages.current.size;
      fetcherRef
        .current(p * pageSize, pageSize, needTotal || p === 0, ctrl.signal)
        .then((page) => {
          if (gen.current !== myGen || ctrl.signal.aborted) return;
          pending.current.delete(p);
          pages.current.set(p, page.rows);
          if (pages.current.size > MAX_PAGES) {
            // Evict the page farthest from the viewport.
            const mid = (first + last) / 2;
            let far = -1;
            for (const k of pages.current.keys()) if (far < 0 || Math.abs(k - mid) > Math.abs(far - mid)) far = k;
            pages.current.delete(far);
          }
          const latency = performance.now() - t0;
          setState((s) => ({
            ...s,
            readyKey: myKey,
            total: page.total ?? s.total,
            error: null,
            latency,
          }));
          setTick((x) => x + 1);
          pump();
        })
        .catch((err: unknown) => {
          if (gen.current !== myGen || ctrl.signal.aborted) return;
          pending.current.delete(p);
          setState((s) => ({ ...s, error: err instanceof Error ? err.message : String(err) }));
        });
    }
  }, [pageSize]);

  // A new spec (table, sort, filters, search): forget every page and stale request.
  useEffect(() => {
    gen.current++;
    keyRef.current = specKey;
    for (const c of pending.current.values()) c.abort();
    pending.current.clear();
    pages.current = new Map();
    wanted.current = [0, pageSize];
    setState((s) => ({ ...s, error: null }));
    pump();
    return () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    };
  }, [specKey, pump, pageSize]);

  const request = useCallback(
    (start: number, end: number) => {
      const [a, b] = wanted.current;
      if (a === start && b === end) return;
      wanted.current = [start, end];
      if (timer.current !== null) window.clearTimeout(timer.current);
      // Rows already cached render at once; fetching waits for the scroll to pause briefly.
      timer.current = window.setTimeout(() => {
        timer.current = null;
        pump();
      }, 40);
    },
    [pump],
  );

  const getRow = useCallback((index: number) => pages.current.get(Math.floor(index / pageSize))?.[index % pageSize], [pageSize]);

  return {
    total: state.total,
    error: state.error,
    lastLatencyMs: state.latency,
    // Derived from the spec being rendered, so a new sort or filter reads as loading in the same frame.
    loading: state.readyKey !== specKey,
    getRow,
    request,
  };
}
