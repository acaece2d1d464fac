// Renders a report result for the terminal or a file: JSON (rows, columns and the totals row, values exactly as
// the engine sends them: money as decimal text, dates ISO) or an aligned text table of the values as the app shows
// them (the one formatter, shared/format). CSV goes through the one CSV writer (export/csvExport.ts).
import type { ReportColumnMeta, ReportValues, ResolvedPeriod } from '../../shared/reports';
import type { LocalizedText } from '../../shared/types';
import { codeWord } from '../../shared/codeLists';
import { createFormatter, formatCell } from '../../shared/format';

type ReportColumnDef = Pick<ReportColumnMeta, 'id' | 'label' | 'type' | 'unit'> & Partial<Pick<ReportColumnMeta, 'format' | 'decimals' | 'codes' | 'empty'>>;

export type Cell = string | number | boolean | null;

export interface ReportOutput {
  format: 'json' | 'table';
  lang: 'pt-BR' | 'en';
  /** The business's currency and time zone (settings), for the table. */
  currency?: string;
  timezone?: string;
  report: { id: string; title: LocalizedText };
  /** The table shown, when the report has several. */
  view?: LocalizedText;
  period: ResolvedPeriod;
  columns: ReportColumnDef[];
  /** Column-major values in wire form, one array per column. */
  data: Cell[][];
  totals: ReportValues;
}

function rowsOf(o: ReportOutput): Cell[][] {
  const n = o.data[0]?.length ?? 0;
  return Array.from({ length: n }, (_x, i) => o.columns.map((_c, j) => o.data[j]?.[i] ?? null));
}

export function formatReport(o: ReportOutput): string {
  const rows = rowsOf(o);
  if (o.format === 'json') {
    return (
      JSON.stringify(
        {
          report: o.report.id,
          title: o.report.title[o.lang],
          ...(o.view ? { view: o.view[o.lang] } : {}),
          period: o.period,
          columns: o.columns.map((c) => ({ id: c.id, label: c.label[o.lang], type: c.type, unit: c.unit ?? null })),
          rows: rows.map((r) => Object.fromEntries(o.columns.map((c, j) => [c.id, r[j]]))),
          totals: o.totals,
        },
        null,
        2,
      ) + '\n'
    );
  }
  const f = createFormatter({ locale: o.lang, currency: o.currency, timeZone: o.timezone });
  // as the app shows a cell: codes in words, an empty value that means something by its word, the rest formatted
  const show = (v: Cell, c: ReportColumnDef) => {
    if ((v === null || v === '') && c.empty) return c.empty[o.lang];
    if (c.codes && typeof v === 'string') return codeWord(c.codes, v, o.lang);
    return formatCell(f, c, v);
  };
  const head = o.columns.map((c) => c.label[o.lang]);
  const body = rows.map((r) => r.map((v, j) => show(v, o.columns[j])));
  const total = o.columns.map((c, j) => (j === 0 && o.totals[c.id] == null ? 'Total' : show(o.totals[c.id] ?? null, c)));
  const widths = head.map((h, j) => Math.max(h.length, total[j].length, ...body.map((r) => r[j].length)));
  const right = o.columns.map((c) => c.type !== 'text' && c.type !== 'date');
  const line = (r: string[]) => r.map((x, j) => (right[j] ? x.padStart(widths[j]) : x.padEnd(widths[j]))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const title = o.view ? `${o.report.title[o.lang]} — ${o.view[o.lang]}` : o.report.title[o.lang];
  return [`${title} · ${f.date(o.period.from)} – ${f.date(o.period.to)}`, '', line(head), rule, ...body.map(line), rule, line(total), ''].join('\n');
}
