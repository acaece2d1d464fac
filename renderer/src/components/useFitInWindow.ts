// Keeps a popover (columns, export menu) inside the window: it opens downwards with the room left below its
// button, or upwards when there is more room above (a toolbar near the window's bottom).
import { useLayoutEffect, type RefObject } from 'react';

const MARGIN = 12;
const MAX = 360;
const MIN = 120;

export function useFitInWindow(pop: RefObject<HTMLElement | null>, open: boolean): void {
  useLayoutEffect(() => {
    const el = pop.current;
    const anchor = el?.parentElement?.getBoundingClientRect();
    if (!open || !el || !anchor) return;
    const below = window.innerHeight - anchor.bottom - MARGIN;
    const above = anchor.top - MARGIN;
    const up = below < 200 && above > below;
    el.classList.toggle('menu-up', up);
    el.style.maxHeight = `${Math.max(MIN, Math.min(MAX, up ? above : below))}px`;
  }, [pop, open]);
}
