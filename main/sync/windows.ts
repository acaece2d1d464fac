// Date-window walking for APIs searched by a change-time range (Bling, Mercado Livre). Windows are read oldest
// first. A window read in one response cannot have shifted pages, so a window whose page is full is split in half
// until each fits one page; when the API states its total (Mercado Livre), a window of a few pages is paged
// through instead, and a total that changes between pages (a record left or entered the window) restarts it.
// A record changed during the sync is thus never skipped: it moves past the run's end and is read next time. The
// cursor is the end of the last window fully read.
export interface TimeWindow {
  /** Epoch ms, both ends inclusive, whole seconds. */
  from: number;
  to: number;
}

export interface WindowPage<T> {
  items: T[];
  /** More records may exist in this window than this response holds. */
  full: boolean;
  /** Records in the window, when the API says. */
  total?: number;
}

export interface WindowStep<T> {
  items: T[];
  window: TimeWindow;
  /** Last page of the window: `until` (the window's end) is safe to store as the cursor. */
  complete: boolean;
  until: number;
}

/** Windows whose stated total needs at most this many pages are paged through rather than split. */
const PAGED_MAX_PAGES = 6;
const MAX_RESTARTS = 3;

export async function* walkWindows<T>(start: number, end: number, maxSpanMs: number, fetch: (w: TimeWindow, page: number) => Promise<WindowPage<T>>): AsyncGenerator<WindowStep<T>> {
  const sec = (ms: number) => Math.floor(ms / 1000) * 1000;
  const stack: TimeWindow[] = [];
  for (let a = sec(start); a <= end; a += maxSpanMs) stack.push({ from: a, to: Math.min(sec(end), a + maxSpanMs - 1000) });
  stack.reverse();
  while (stack.length) {
    const w = stack.pop()!;
    let first = await fetch(w, 1);
    const pageSize = first.items.length;
    const paged = first.full && first.total !== undefined && pageSize > 0 && first.total <= pageSize * PAGED_MAX_PAGES;
    if (first.full && !paged && w.to > w.from) {
      const mid = sec((w.from + w.to) / 2);
      stack.push({ from: mid + 1000, to: w.to }, { from: w.from, to: mid });
      continue;
    }
    for (let restarts = 0; ; restarts++) {
      let res = first;
      let shifted = false;
      for (let page = 1; ; page++) {
        if (page > 1) res = await fetch(w, page);
        if (first.total !== undefined && res.total !== undefined && res.total !== first.total) {
          shifted = true;
          break;
        }
        const last = !res.full;
        yield { items: res.items, window: w, complete: last, until: w.to };
        if (last) break;
      }
      if (!shifted) break;
      if (restarts + 1 >= MAX_RESTARTS && w.to > w.from) {
        // Still moving: fall back to halves, each read on its own.
        const mid = sec((w.from + w.to) / 2);
        stack.push({ from: mid + 1000, to: w.to }, { from: w.from, to: mid });
        break;
      }
      first = await fetch(w, 1);
    }
  }
}
