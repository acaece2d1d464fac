// A tiny inline SVG trend line for KPI cards (cheaper than a chart instance per card; paints with the page).
export function Sparkline({ values, label, width = 120, height = 32 }: { values: (string | number | null)[]; label: string; width?: number; height?: number }) {
  const nums = values.map((v) => (v === null || v === '' ? null : Number(v)));
  const finite = nums.filter((n): n is number => n !== null && Number.isFinite(n));
  if (finite.length < 2) return <svg className="sparkline" width={width} height={height} role="img" aria-label={label} />;
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const span = max - min || 1;
  const step = width / (nums.length - 1);
  let d = '';
  let pen = false;
  nums.forEach((n, i) => {
    if (n === null || !Number.isFinite(n)) {
      pen = false;
      return;
    }
    const x = (i * step).toFixed(1);
    const y = (height - 2 - ((n - min) / span) * (height - 4)).toFixed(1);
    d += `${pen ? 'L' : 'M'}${x},${y} `;
    pen = true;
  });
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} preserveAspectRatio="none">
      <path d={d.trim()} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}
