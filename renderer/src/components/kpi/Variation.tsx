// A variation shown as an arrow and a signed figure, coloured by whether the change is good: a relative change
// as a percentage ("+12,5 %"), a rate's change in percentage points ("+1,2 p.p.").
import { useI18n } from '../../i18n/useI18n';

export function Variation({ value, lowerIsBetter = false, label, points = false }: { value: number | null | undefined; lowerIsBetter?: boolean; label?: string; points?: boolean }) {
  const { f } = useI18n();
  if (value === null || value === undefined || !Number.isFinite(value)) return <span className="variation flat">–</span>;
  const dir = Math.abs(value) < 0.0005 ? 'flat' : value > 0 ? 'up' : 'down';
  const good = dir === 'flat' ? 'flat' : (dir === 'up') !== lowerIsBetter ? 'up' : 'down';
  const arrow = dir === 'flat' ? '→' : dir === 'up' ? '▲' : '▼';
  const text = points ? f.pp(value, 1) : f.percent(value, 1, true);
  return (
    <span className={`variation ${good}`} data-variation={value} data-good={good} title={label}>
      <span aria-hidden="true">{arrow}</span> {text}
      {label && <span className="visually-hidden"> {label}</span>}
    </span>
  );
}
