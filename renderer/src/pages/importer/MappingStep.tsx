// The mapping step of one sheet: what each column is (suggested, editable), how dates and decimals are written,
// an optional name to save the mapping, and the first rows exactly as they will land with problem cells marked.
import { useEffect, useState } from 'react';
import type { SheetInspect, SheetPreview } from '../../../../shared/api/import';
import { call } from '../../api/client';
import { codeLabel } from '../../i18n/valueLabels';
import { FIELD_LABELS, useImportText } from './importText';

export interface SheetPlan {
  mapping: Record<string, string>;
  dateOrder: 'dmy' | 'mdy';
  decimal: '.' | ',';
  saveAs?: string;
}

const FIELDS = Object.keys(FIELD_LABELS);
const MONEY = new Set(['sale.total', 'sale.shipping', 'sale.discount', 'line.unitPrice', 'line.total', 'payment.amount']);

export function MappingStep({ look, plan, onPlan }: { look: SheetInspect; plan: SheetPlan; onPlan: (p: SheetPlan) => void }) {
  const { tx, field, problem, locale, f } = useImportText();
  const [preview, setPreview] = useState<SheetPreview | null>(null);
  const fieldOf = (column: string) => Object.entries(plan.mapping).find(([, c]) => c === column)?.[0] ?? '';
  const by = (column: string) => look.suggestion?.columns.find((c) => c.column === column && c.field === fieldOf(column))?.by ?? null;

  useEffect(() => {
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      void call('import.preview', { path: look.file, plan: { mapping: plan.mapping, dateOrder: plan.dateOrder, decimal: plan.decimal } }, ctl.signal).then(
        (r) => r.ok && setPreview(r.value),
      );
    }, 150);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [look.file, plan.mapping, plan.dateOrder, plan.decimal]);

  const setField = (column: string, fieldId: string) => {
    const mapping = Object.fromEntries(Object.entries(plan.mapping).filter(([fid, c]) => c !== column && fid !== fieldId));
    if (fieldId) mapping[fieldId] = column;
    onPlan({ ...plan, mapping });
  };

  const show = (fid: string, value: string | null) => {
    if (value === null) return '';
    if (fid === 'payment.method' || fid === 'sale.status') return codeLabel(locale, value);
    if (MONEY.has(fid)) return f.money(value);
    const dt = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}:\d{2}))?$/.exec(value);
    if (dt && locale === 'pt-BR') return `${dt[3]}/${dt[2]}/${dt[1]}${dt[4] && dt[4] !== '00:00' ? ` ${dt[4]}` : ''}`;
    if (fid === 'customer.optIn') return value === 'true' ? (locale === 'pt-BR' ? 'Sim' : 'Yes') : locale === 'pt-BR' ? 'Não' : 'No';
    return value;
  };
  const bad = preview?.rows.reduce((a, r) => a + r.cells.filter((c) => c.problem).length, 0) ?? 0;

  return (
    <div className="mapping-step" data-testid="mapping-step">
      <h3>{tx('mapTitle', { name: look.sheet ? `${look.name} [${look.sheet}]` : look.name })}</h3>
      {look.template ? <p className="muted">{tx('templateUsed', { name: look.template })}</p> : <p className="muted">{tx('mapIntro')}</p>}
      <table className="simple-table mapping-table">
        <thead>
          <tr>
            <th scope="col">{tx('column')}</th>
            <th scope="col">{tx('field')}</th>
            <th scope="col">{tx('examples')}</th>
          </tr>
        </thead>
        <tbody>
          {look.header.map((column, ci) => (
            <tr key={column}>
              <th scope="row">{column}</th>
              <td>
                <select aria-label={column} value={fieldOf(column)} onChange={(e) => setField(column, e.target.value)}>
                  <option value="">{tx('notImported')}</option>
                  {FIELDS.map((fid) => (
                    <option key={fid} value={fid}>
                      {field(fid)}
                    </option>
                  ))}
                </select>
                {by(column) === 'values' && <span className="chip">{tx('byValues')}</span>}
                {by(column) === 'template' && <span className="chip">{tx('byTemplate')}</span>}
              </td>
              <td className="muted">{look.rows.slice(0, 3).map((r) => r[ci]).filter(Boolean).join(' · ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-grid mapping-options">
        <label>
          {tx('dates')}
          <select value={plan.dateOrder} onChange={(e) => onPlan({ ...plan, dateOrder: e.target.value as 'dmy' | 'mdy' })}>
            <option value="dmy">DD/MM/AAAA</option>
            <option value="mdy">MM/DD/YYYY</option>
          </select>
        </label>
        <label>
          {tx('decimal')}
          <select value={plan.decimal} onChange={(e) => onPlan({ ...plan, decimal: e.target.value as '.' | ',' })}>
            <option value=",">1.234,56</option>
            <option value=".">1,234.56</option>
          </select>
        </label>
        <label>
          {tx('saveAs')}
          <input type="text" value={plan.saveAs ?? ''} maxLength={120} onChange={(e) => onPlan({ ...plan, saveAs: e.target.value || undefined })} />
        </label>
      </div>
      {preview && preview.missing.length > 0 && (
        <p className="source-error" role="alert" data-testid="mapping-missing">
          {tx('missing', { fields: preview.missing.map(field).join(', ') })}
        </p>
      )}
      {preview && preview.rows.length > 0 && preview.columns.length > 0 && (
        <div className="matrix-wrap">
          <table className="simple-table preview-table" data-testid="mapping-preview">
            <caption>{tx('preview')}</caption>
            <thead>
              <tr>
                <th scope="col">{tx('line')}</th>
                {preview.columns.map((c) => (
                  <th scope="col" key={c.field}>
                    {field(c.field)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.line}>
                  <td>{r.line}</td>
                  {r.cells.map((c, i) => (
                    <td key={preview.columns[i].field} className={c.problem ? 'cell-bad' : undefined} title={c.problem ? `${c.raw}: ${problem(c.problem)}` : c.raw}>
                      {c.problem ? `${c.raw} — ${problem(c.problem)}` : show(preview.columns[i].field, c.value)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {bad > 0 && <p className="muted">{tx('problems', { n: bad })}</p>}
        </div>
      )}
    </div>
  );
}
