// The month-to-month RFM migration matrix as a table (rows: last month's cluster or "entered"; columns: this
// month's cluster or "left"), cells shaded by their share of the row, the diagonal marked as "stayed".
import type { RfmMigration } from '../../../../shared/analytics';
import { RFM_CLUSTERS } from '../../../../shared/rfm';
import { useI18n } from '../../i18n/useI18n';
import { codeLabel } from '../../i18n/valueLabels';

export function MigrationMatrix({ m }: { m: RfmMigration }) {
  const { t, f, locale } = useI18n();
  const cols = [...RFM_CLUSTERS, 'left'] as const;
  return (
    <div className="matrix-wrap">
      <table className="simple-table matrix" data-testid="migration-matrix">
        <caption>{t('seg.migrationCaption', { from: f.date(m.previousAsOf), to: f.date(m.asOf) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('seg.fromTo')}</th>
            {cols.map((c) => (
              <th key={c} scope="col" className="num">
                {codeLabel(locale, c)}
              </th>
            ))}
            <th scope="col" className="num">
              {t('seg.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {m.rows.map((r) => (
            <tr key={r.from}>
              <th scope="row">{codeLabel(locale, r.from)}</th>
              {cols.map((c) => {
                const n = r.counts[c] ?? 0;
                const share = r.total ? n / r.total : 0;
                return (
                  <td key={c} className={`num${c === r.from ? ' diag' : ''}`} style={{ background: n ? `color-mix(in srgb, var(--accent) ${Math.round(share * 70)}%, transparent)` : undefined }} title={f.percent(share, 0)}>
                    {n ? f.integer(n) : '·'}
                  </td>
                );
              })}
              <td className="num">{f.integer(r.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t('seg.migrationWords', { stayed: f.integer(m.stayed), entered: f.integer(m.entered), left: f.integer(m.left) })}</p>
    </div>
  );
}
