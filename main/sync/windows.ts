// Date-window walking for APIs searched by a change-time range (Bling, Mercado Livre): windows are read oldest
// first, and a window whose one page is full is split in half until each fits in one page. A window read in one
// response cannot have shifted pages, so a record changed during the sync is never skipped (it simply moves past
// the run's end and is read next time); the cursor is the end of the last window fully read.
export interface TimeWindow {
  /** Epoch ms, both ends inclusive, whole seconds. */
  from: number;
  to: number;
}

export interface WindowPage<T> {
  items: T[];
  /** More records may exist in this window than this response holds. */
  full: boolean;
}

/**
 * Yields the items of every window in [start, end]; `complete` is true on the last page of a window, and `until`
 * is then the window's end (safe to store as the cursor).
 */
export async function* walkWindows<T>(
  start: number,
  end: number,
  maxSpanMs: number,
  fetch: (w: TimeWindow, page: number) => Promise<WindowPage<T>>,
): AsyncGenerator<{ items: T[]; window: TimeWindow; complete: boolean; until: number }> {
  const sec = (ms: number) => Math.floor(ms / 1000) * 1000;
  const stack: TimeWindow[] = [];
  for (let a = sec(start); a <= end; a += maxSpanMs) stack.push({ from: a, to: Math.min(sec(end), a + maxSpanMs - 1000) });
  stack.reverse();
  while (stack.length) {
    const w = stack.pop()!;
    const first = await fetch(w, 1);
    if (first.full && w.to > w.from) {
      const mid = sec((w.from + w.to) / 2);
      stack.push({ from: mid + 1000, to: w.to }, { from: w.from, to: mid });
      continue;
    }
    let res = first;
    for (let page = 1; ; page++) {
      // A one-second window still full: page through it (the only case where pages could shift).
      if (page > 1) res = await fetch(w, page);
      const last = !res.full;
      yield { items: res.items, window: w, complete: last, until: w.to };
      if (last) break;
    }
  }
}
