// A chart height from the window height: what is left once `reserve` pixels (top bar, title, cards around the
// chart) are taken, within [min, max]; so a chart stays above the fold on a 1280x720 laptop and grows on large screens.
import { useEffect, useState } from 'react';

export const fitHeight = (windowHeight: number, reserve: number, min: number, max: number): number => Math.max(min, Math.min(max, windowHeight - reserve));

export function useFitHeight(reserve: number, min: number, max: number): number {
  const [h, setH] = useState(() => fitHeight(window.innerHeight, reserve, min, max));
  useEffect(() => {
    const onResize = () => setH(fitHeight(window.innerHeight, reserve, min, max));
    onResize();
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [reserve, min, max]);
  return h;
}
