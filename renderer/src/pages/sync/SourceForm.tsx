// A source's settings and write-only credentials: stored secrets are never shown back, only whether one is set;
// a blank field keeps the stored value, "remove" clears it.
import { useState } from 'react';
import type { SyncSourceInfo } from '../../../../shared/api/sync';
import type { PainelErrorData } from '../../../../shared/errors';
import { secretWords } from '../../../../shared/secretWords';
import { call } from '../../api/client';
import { ErrorNote } from '../../components/ErrorNote';
import { useI18n } from '../../i18n/useI18n';
import { useSyncStore } from '../../state/syncStatus';
import { MAPPED_SOURCES, StatusMapping } from './StatusMapping';

export function SourceForm({ source, onDone }: { source: SyncSourceInfo; onDone(): void }) {
  const { t, l } = useI18n();
  const [baseUrl, setBaseUrl] = useState(source.baseUrl ?? '');
  const [enabled, setEnabled] = useState(source.enabled || !source.configured);
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [remove, setRemove] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<PainelErrorData | null>(null);
  const [saving, setSaving] = useState(false);
  const id = (name: string) => `cred-${source.sourceId}-${name}`;

  const save = async () => {
    setSaving(true);
    setError(null);
    const credentials: Record<string, string> = {};
    for (const c of source.credentials) {
      if (remove[c.name]) credentials[c.name] = '';
      else if (secrets[c.name]) credentials[c.name] = secrets[c.name];
    }
    const r = await call('sync.configure', {
      sourceId: source.sourceId,
      baseUrl: baseUrl.trim() ? baseUrl.trim() : null,
      enabled,
      ...(Object.keys(credentials).length ? { credentials } : {}),
    });
    setSaving(false);
    if (!r.ok) return setError(r.error);
    // The typed secrets are dropped from memory as soon as they are saved.
    setSecrets({});
    setRemove({});
    await useSyncStore.getState().load();
    onDone();
  };

  return (
    <form
      className="source-form"
      autoComplete="off"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="field">
        <label htmlFor={`url-${source.sourceId}`}>{t('sync.baseUrl')}</label>
        <input id={`url-${source.sourceId}`} type="url" value={baseUrl} placeholder="https://" onChange={(e) => setBaseUrl(e.target.value)} />
      </div>
      <label className="menu-check">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        {t('sync.enabled')}
      </label>
      {source.credentials.map((c) => (
        <div className="field" key={c.name}>
          <label htmlFor={id(c.name)}>
            {l(secretWords(source.sourceId, c.name).label)}
            {c.required ? ' *' : ''} <span className="muted">({c.set ? t('sync.secretSet') : t('sync.secretMissing')})</span>
          </label>
          <input
            id={id(c.name)}
            type="password"
            autoComplete="new-password"
            value={secrets[c.name] ?? ''}
            placeholder={c.set ? t('sync.keepSecret') : ''}
            disabled={remove[c.name]}
            onChange={(e) => setSecrets({ ...secrets, [c.name]: e.target.value })}
            data-testid={`secret-${c.name}`}
          />
          {c.set && (
            <label className="menu-check small">
              <input type="checkbox" checked={!!remove[c.name]} onChange={(e) => setRemove({ ...remove, [c.name]: e.target.checked })} />
              {t('sync.removeSecret')}
            </label>
          )}
          {l(secretWords(source.sourceId, c.name).help) && <span className="muted small">{l(secretWords(source.sourceId, c.name).help)}</span>}
          <span className="muted small">{t('sync.envHint', { env: c.envVar })}</span>
        </div>
      ))}
      {source.configured && MAPPED_SOURCES.includes(source.sourceId) && <StatusMapping sourceId={source.sourceId} />}
      {error && <ErrorNote error={error} />}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {t('common.save')}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
