// What each of a source's order statuses counts as in Painel (paid -> completed, cancelled/refunded -> cancelled...):
// listed by the source's own names (Bling situações with the default they were made from), changeable one by one.
import { useEffect, useState } from 'react';
import type { SourceKind, SyncStatusMapping } from '../../../../shared/api/sync';
import type { PainelErrorData } from '../../../../shared/errors';
import { call } from '../../api/client';
import { ErrorNote } from '../../components/ErrorNote';
import { useI18n } from '../../i18n/useI18n';
import { codeLabel } from '../../i18n/valueLabels';

const MEANINGS = ['booked', 'confirmed', 'completed', 'cancelled'] as const;
/** Sources whose orders carry their own statuses. */
export const MAPPED_SOURCES: SourceKind[] = ['woocommerce', 'bling', 'mercadolivre'];

export function StatusMapping({ sourceId }: { sourceId: SourceKind }) {
  const { t, locale } = useI18n();
  const [mapping, setMapping] = useState<SyncStatusMapping | null>(null);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [unknown, setUnknown] = useState<string>('confirmed');
  const [error, setError] = useState<PainelErrorData | null>(null);
  const [saved, setSaved] = useState(false);

  const load = async () => {
    const r = await call('sync.statuses', { sourceId });
    if (!r.ok) return setError(r.error);
    setMapping(r.value);
    setUnknown(r.value.unknownStatus);
    setChosen(Object.fromEntries(r.value.statuses.map((s) => [s.code, s.status])));
  };
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sourceId]);

  const save = async () => {
    if (!mapping) return;
    setError(null);
    // Only choices that differ from the source's default meaning are stored.
    const statusMap = mapping.statuses.filter((s) => chosen[s.code] && chosen[s.code] !== s.defaultStatus).map((s) => `${s.code}=${chosen[s.code]}`);
    const r = await call('sync.configure', { sourceId, config: { statusMap, unknownStatus: unknown } });
    if (!r.ok) return setError(r.error);
    setSaved(true);
    await load();
  };

  if (!mapping) return error ? <ErrorNote error={error} /> : null;
  const label = (s: string) => codeLabel(locale, s);
  return (
    <fieldset className="status-mapping" data-testid={`status-mapping-${sourceId}`}>
      <legend>{t('sync.statusMapping')}</legend>
      <p className="muted small">{t('sync.statusMappingHint')}</p>
      <table className="simple-table">
        <thead>
          <tr>
            <th>{t('sync.sourceStatus')}</th>
            <th>{t('sync.countsAs')}</th>
          </tr>
        </thead>
        <tbody>
          {mapping.statuses.map((s) => (
            <tr key={s.code}>
              <td>
                {s.name ?? s.code}
                {s.inheritedName && <span className="muted small"> · {t('sync.inherits', { name: s.inheritedName })}</span>}
              </td>
              <td>
                <select
                  aria-label={s.name ?? s.code}
                  value={chosen[s.code] ?? s.status}
                  onChange={(e) => {
                    setSaved(false);
                    setChosen({ ...chosen, [s.code]: e.target.value });
                  }}
                >
                  {MEANINGS.map((m) => (
                    <option key={m} value={m}>
                      {label(m)}
                      {m === s.defaultStatus ? ` (${t('sync.default')})` : ''}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="field field-inline">
        <label htmlFor={`unknown-${sourceId}`}>{t('sync.unknownStatus')}</label>
        <select
          id={`unknown-${sourceId}`}
          value={unknown}
          onChange={(e) => {
            setSaved(false);
            setUnknown(e.target.value);
          }}
        >
          {MEANINGS.map((m) => (
            <option key={m} value={m}>
              {label(m)}
            </option>
          ))}
        </select>
      </div>
      {error && <ErrorNote error={error} />}
      <div className="form-actions">
        <button type="button" className="btn" onClick={() => void save()}>
          {t('sync.saveStatuses')}
        </button>
        {saved && <span className="muted">{t('sync.statusesSaved')}</span>}
      </div>
    </fieldset>
  );
}
