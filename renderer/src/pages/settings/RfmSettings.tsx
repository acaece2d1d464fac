// The RFM window and how frequency is scored (rank scores, or fixed visit-count thresholds).
import type { Settings } from '../../../../shared/settings';
import { useI18n } from '../../i18n/useI18n';

type Rfm = Settings['rfm'];

export function RfmSettings({ value, onChange }: { value: Rfm; onChange(v: Rfm): void }) {
  const { t } = useI18n();
  return (
    <fieldset className="card">
      <legend>{t('settings.rfm')}</legend>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="s-rfm-window">{t('settings.rfmWindow')}</label>
          <input id="s-rfm-window" type="number" min={7} max={3650} value={value.windowDays} onChange={(e) => onChange({ ...value, windowDays: Number(e.target.value) })} />
        </div>
        <div className="field">
          <label htmlFor="s-rfm-mode">{t('settings.rfmMode')}</label>
          <select id="s-rfm-mode" value={value.frequencyMode} onChange={(e) => onChange({ ...value, frequencyMode: e.target.value as Rfm['frequencyMode'] })}>
            <option value="rank">{t('settings.rfmRank')}</option>
            <option value="fixed">{t('settings.rfmFixed')}</option>
          </select>
        </div>
        {value.frequencyMode === 'fixed' &&
          value.frequencyThresholds.map((n, i) => (
            <div className="field" key={i}>
              <label htmlFor={`s-rfm-f${i}`}>{t('settings.rfmThreshold', { score: i + 2 })}</label>
              <input
                id={`s-rfm-f${i}`}
                type="number"
                min={1}
                value={n}
                onChange={(e) => onChange({ ...value, frequencyThresholds: value.frequencyThresholds.map((x, j) => (j === i ? Number(e.target.value) : x)) })}
              />
            </div>
          ))}
      </div>
      <p className="muted">{t('settings.rfmHint')}</p>
    </fieldset>
  );
}
