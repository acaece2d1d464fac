// The top bar's period picker (presets, custom range, comparison) and location filter, shared by every page.
import { useMemo } from 'react';
import { DATE_PRESETS, DATE_PRESET_LABELS, type DatePreset } from '../../../../shared/reports';
import { useCall } from '../../api/useCall';
import { arrowToRows } from '../../api/arrowRows';
import { useI18n } from '../../i18n/useI18n';
import { useFilterStore, type CompareMode } from '../../state/filterStore';

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export default function GlobalFilters() {
  const { t, l } = useI18n();
  const { period, compare, locations, setPeriod, setCompare, setLocations } = useFilterStore();
  const locs = useCall('query.page', { table: 'locations', limit: 500, sort: [{ column: 'name', desc: false }] }, { low: true });
  const options = useMemo(() => {
    if (!locs.data) return [];
    const { names, rows } = arrowToRows(locs.data.arrow);
    const id = names.indexOf('location_id');
    const name = names.indexOf('name');
    return rows.map((r) => ({ id: String(r[id]), name: String(r[name] ?? r[id]) }));
  }, [locs.data]);

  const onPreset = (preset: DatePreset) => {
    if (preset === 'custom') {
      const to = period.to ?? today();
      const from = period.from ?? `${to.slice(0, 8)}01`;
      setPeriod({ preset, from, to });
    } else setPeriod({ preset });
  };

  return (
    <div className="global-filters" role="group" aria-label={t('filters.group')}>
      <div className="field field-inline">
        <label htmlFor="period-preset">{t('filters.period')}</label>
        <select id="period-preset" value={period.preset} onChange={(e) => onPreset(e.target.value as DatePreset)}>
          {DATE_PRESETS.map((p) => (
            <option key={p} value={p}>
              {l(DATE_PRESET_LABELS[p])}
            </option>
          ))}
        </select>
      </div>
      {period.preset === 'custom' && (
        <>
          <div className="field field-inline">
            <label htmlFor="period-from">{t('filters.from')}</label>
            <input id="period-from" type="date" value={period.from ?? ''} max={period.to} onChange={(e) => e.target.value && setPeriod({ ...period, from: e.target.value })} />
          </div>
          <div className="field field-inline">
            <label htmlFor="period-to">{t('filters.to')}</label>
            <input id="period-to" type="date" value={period.to ?? ''} min={period.from} onChange={(e) => e.target.value && setPeriod({ ...period, to: e.target.value })} />
          </div>
        </>
      )}
      <div className="field field-inline">
        <label htmlFor="period-compare">{t('filters.compare')}</label>
        <select id="period-compare" value={compare} onChange={(e) => setCompare(e.target.value as CompareMode)}>
          <option value="previous">{t('filters.compare.previous')}</option>
          <option value="last_year">{t('filters.compare.lastYear')}</option>
          <option value="none">{t('filters.compare.none')}</option>
        </select>
      </div>
      <div className="field field-inline">
        <label htmlFor="location-filter">{t('filters.location')}</label>
        <select id="location-filter" value={locations[0] ?? ''} onChange={(e) => setLocations(e.target.value ? [e.target.value] : [])}>
          <option value="">{t('filters.allLocations')}</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
