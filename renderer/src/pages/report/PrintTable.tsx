// The report's table as it prints: a plain table of the visible columns with the first rows loaded (the
// on-screen table is virtualized and cannot print), the totals, and how many rows the paper leaves out.
import { memo } from 'react';
import type { ReportColumnMeta } from '../../../../shared/reports';
import type { Cell } from '../../api/arrowRows';
import type { PagedRows } from '../../components/table/usePagedRows';
import { formatValue } from '../../i18n/reportFormat';
import { useI18n } from '../../i18n/useI18n';

/** One page of rows: what the table has loaded at the top, and a sensible length for paper. */
export const PRINT_ROWS = 200;
const NUMERIC = new Set(['integer', 'decimal', 'money', 'percent']);

export interface PrintTableProps {
  title: string;
  columns: ReportColumnMeta[];
  /** Column visibility as the table has it (false: hidden). */
  visibility: Record<string, boolean>;
  data: PagedRows;
  totals: Record<string, Cell> | null;
  /** Changes whenever the printable content does (spec, first page loaded, total): the only thing memo compares. */
  version: string;
}

function PrintTableImpl({ title, columns, visibility, data, totals }: PrintTableProps) {
  const { t, f, l } = useI18n();
  const shown = columns.map((c, i) => ({ c, i })).filter(({ c }) => visibility[c.id] !== false);
  const total = data.total ?? 0;
  const rows = [];
  for (let r = 0; r < Math.min(total, PRINT_ROWS); r++) {
    const row = data.getRow(r);
    if (!row) break;
    rows.push(row);
  }
  const align = (c: ReportColumnMeta) => (NUMERIC.has(c.type) ? 'num' : undefined);
  return (
    <div className="print-only print-table-wrap" data-testid="print-table">
      <table className="simple-table print-table">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            {shown.map(({ c }) => (
              <th key={c.id} className={align(c)} scope="col">
                {l(c.label, c.id)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {shown.map(({ c, i }) => (
                <td key={c.id} className={align(c)}>
                  {formatValue(f, c, row[i] ?? null)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {totals && (
          <tfoot>
            <tr>
              {shown.map(({ c }, k) => {
                const v = totals[c.id];
                return (
                  <td key={c.id} className={align(c)}>
                    {v === undefined || v === null ? (k === 0 ? t('table.totals') : '') : formatValue(f, c, v)}
                  </td>
                );
              })}
            </tr>
          </tfoot>
        )}
      </table>
      {total === 0 && data.total !== null && <p>{t('table.empty')}</p>}
      {total > rows.length && <p className="muted">{t('report.printRows', { shown: f.integer(rows.length), total: f.integer(total) })}</p>}
    </div>
  );
}

export const PrintTable = memo(PrintTableImpl, (a, b) => a.version === b.version && a.totals === b.totals && a.columns === b.columns && a.visibility === b.visibility && a.title === b.title);
