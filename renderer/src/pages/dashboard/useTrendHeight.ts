// The revenue trend's chart height from the window height: what is left under the top bar, the title and the
// headline KPIs, so the whole chart card stays above the fold on a 1280x720 laptop and grows on large screens.
import { useEffect, useState } from 'react';

/** Top bar + page padding + title + headline KPI row + the chart card's own head, caption and padding (px). */
const ABOVE_AND_AROUND = 430;

export const trendHeightFor = (windowHeight: number): number => Math.max(200, Math.min(400, windowHeight - ABOVE_AND_AROUND));

export function useTrendHeight(): number {
  const [h, setH] = useState(() => trendHeightFor(window.innerHeight));
  useEffect(() => {
    const onResize = () => setH(trendHeightFor(window.innerHeight));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return h;
}
