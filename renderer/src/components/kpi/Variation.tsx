// A variation shown as an arrow and a signed percentage, coloured by whether the change is good.
import { useI18n } from '../../i18n/useI18n';

export function Variation({ value, lowerIsBetter = false, label }: { value: number | null | undefined; lowerIsBetter?: boolean; label?: string }) {
  const { f } = useI18n();
  if (value === null || value === undefined || !Number.isFinite(value)) return <span className="variation flat">–</span>;
  const dir = Math.abs(value) < 0.0005 ? 'flat' : value > 0 ? 'up' : 'down';
  const good = dir === 'flat' ? 'flat' : (dir === 'up') !== lowerIsBetter ? 'up' : 'down';
  const arrow = dir === 'flat' ? '→' : dir === 'up' ? '▲' : '▼';
  const text = `${value > 0 ? '+' : ''}${f.percent(value, 1)}`;
  return (
    <span className={`variation ${good}`} data-variation={value} title={label}>
      <span aria-hidden="true">{arrow}</span> {text}
      {label && <span className="visually-hidden"> {label}</span>}
    </span>
  );
}
