// Settings: the business (name, time zone, currency, locale, opening hours, RFM), this window's language and
// theme, where the data lives, and backup/restore of the database file.
import { useEffect, useState } from 'react';
import type { Settings } from '../../../shared/settings';
import type { PainelErrorData } from '../../../shared/errors';
import { call } from '../api/client';
import { useCall } from '../api/useCall';
import { ErrorNote } from '../components/ErrorNote';
import { useI18n } from '../i18n/useI18n';
import { useAppStore } from '../state/appStore';
import { useUiStore } from '../state/uiStore';
import { BackupPanel } from './settings/BackupPanel';
import { ParquetExportButton } from '../components/DataExport';
import { OpeningHours } from './settings/OpeningHours';
import { HolidaySettings } from './settings/HolidaySettings';
import { RfmSettings } from './settings/RfmSettings';

const ZONES = ['America/Sao_Paulo', 'America/Manaus', 'America/Belem', 'America/Fortaleza', 'America/Recife', 'America/Cuiaba', 'America/Porto_Velho', 'America/Rio_Branco', 'America/Noronha', 'UTC'];
const CURRENCIES = ['BRL', 'USD', 'EUR'];

export default function SettingsPage() {
  const { t, f } = useI18n();
  const stored = useCall('settings.get', {});
  const info = useAppStore((s) => s.info);
  const { locale, theme, setLocale, setTheme } = useUiStore();
  const [draft, setDraft] = useState<Settings | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<PainelErrorData | null>(null);
  useEffect(() => {
    if (stored.data) setDraft(stored.data);
  }, [stored.data]);

  if (stored.error) return <ErrorNote error={stored.error} onRetry={stored.reload} />;
  if (!draft || !stored.data) return <div className="page-loading">{t('common.loading')}</div>;
  const set = <K extends keyof Settings>(k: K, v: Settings[K]) => {
    setSaved(false);
    setDraft({ ...draft, [k]: v });
  };
  const changed = (Object.keys(draft) as (keyof Settings)[]).filter((k) => JSON.stringify(draft[k]) !== JSON.stringify(stored.data?.[k]));
  const save = async () => {
    setSaving(true);
    setError(null);
    const patch = Object.fromEntries(changed.map((k) => [k, draft[k]]));
    const r = await call('settings.set', patch);
    setSaving(false);
    if (r.ok) {
      setSaved(true);
      setDraft(r.value);
    } else setError(r.error);
  };

  return (
    <section className="page settings" aria-labelledby="settings-title">
      <header className="page-head">
        <div>
          <h1 id="settings-title">{t('nav.settings')}</h1>
          <p className="muted">{t('settings.intro')}</p>
        </div>
        <a className="btn" href="#/import" data-testid="link-import">
          {t('nav.import')}
        </a>
      </header>
      <form
        className="settings-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset className="card">
          <legend>{t('settings.business')}</legend>
          <div className="form-grid">
            <div className="field">
              <label htmlFor="s-name">{t('settings.businessName')}</label>
              <input id="s-name" value={draft.businessName} maxLength={200} onChange={(e) => set('businessName', e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="s-legal">{t('settings.legalName')}</label>
              <input id="s-legal" value={draft.legalName} maxLength={200} onChange={(e) => set('legalName', e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="s-cnpj">CNPJ</label>
              <input id="s-cnpj" value={draft.cnpj} maxLength={32} onChange={(e) => set('cnpj', e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="s-regime">{t('settings.taxRegime')}</label>
              <select id="s-regime" value={draft.taxRegime} onChange={(e) => set('taxRegime', e.target.value as Settings['taxRegime'])}>
                <option value="simples_nacional">Simples Nacional</option>
                <option value="lucro_presumido">Lucro Presumido</option>
                <option value="lucro_real">Lucro Real</option>
                <option value="mei">MEI</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="s-tz">{t('settings.timezone')}</label>
              <select id="s-tz" value={draft.timezone} onChange={(e) => set('timezone', e.target.value)}>
                {[...new Set([draft.timezone, ...ZONES])].map((z) => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="s-currency">{t('settings.currency')}</label>
              <select id="s-currency" value={draft.currency} onChange={(e) => set('currency', e.target.value)}>
                {[...new Set([draft.currency, ...CURRENCIES])].map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="s-locale">{t('settings.businessLocale')}</label>
              <select id="s-locale" value={draft.locale} onChange={(e) => set('locale', e.target.value as Settings['locale'])}>
                <option value="pt-BR">Português (BR)</option>
                <option value="en">English</option>
              </select>
            </div>
          </div>
        </fieldset>
        <OpeningHours value={draft.openingHours} onChange={(v) => set('openingHours', v)} />
        <RfmSettings value={draft.rfm} onChange={(v) => set('rfm', v)} />
        <HolidaySettings value={draft.holidays} onChange={(v) => set('holidays', v)} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={!changed.length || saving}>
            {t('common.save')}
          </button>
          {saved && !changed.length && (
            <span className="muted" role="status">
              {t('common.saved')}
            </span>
          )}
          {error && <ErrorNote error={error} />}
        </div>
      </form>
      <fieldset className="card">
        <legend>{t('settings.appearance')}</legend>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="s-ui-locale">{t('settings.uiLocale')}</label>
            <select id="s-ui-locale" value={locale} onChange={(e) => setLocale(e.target.value as 'pt-BR' | 'en')}>
              <option value="pt-BR">Português (BR)</option>
              <option value="en">English</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="s-theme">{t('top.theme')}</label>
            <select id="s-theme" value={theme} onChange={(e) => setTheme(e.target.value as 'light' | 'dark')}>
              <option value="light">{t('top.theme.light')}</option>
              <option value="dark">{t('top.theme.dark')}</option>
            </select>
          </div>
        </div>
      </fieldset>
      <fieldset className="card">
        <legend>{t('settings.data')}</legend>
        {info && (
          <dl className="facts">
            <dt>{t('settings.dataFile')}</dt>
            <dd data-testid="db-path">{info.dbPath}</dd>
            <dt>{t('settings.dataSize')}</dt>
            <dd>{f.bytes(info.dbSizeBytes)}</dd>
            <dt>{t('settings.engine')}</dt>
            <dd>
              Painel {info.version} · DuckDB {info.duckdbVersion} · {t('settings.schema', { n: info.schemaVersion })}
            </dd>
          </dl>
        )}
        <p className="muted">{t('settings.dataFolderHint')}</p>
        <BackupPanel />
        <div className="settings-export">
          <h3>{t('data.exportParquet')}</h3>
          <ParquetExportButton withNote />
        </div>
      </fieldset>
    </section>
  );
}
