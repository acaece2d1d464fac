// One figure, one text: the totals row of a report as the app shows it (Playwright), as the report's PDF draws it
// (pdftotext), as Excel draws its XLSX cell from the cell's number format (numfmt, in the export's locale) and as
// `painel report` prints it in its table, in pt-BR and en, all equal to the one formatter's text.
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { format as excelText } from 'numfmt';
import type { ExportJobResult } from '../../shared/api/export';
import type { ReportTotals } from '../../shared/api/reports';
import type { JobSnapshot } from '../../shared/events';
import { createFormatter, formatCell, NBSP, type Locale } from '../../shared/format';
import type { ReportMeta } from '../../shared/reports';
import { openApp, startDemoServer, type PainelServer } from './appServer';

let server: PainelServer;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startDemoServer();
});
test.afterAll(async () => server?.stop());

const REPORT = 'sales-summary';
const PERIOD = { preset: 'last_30_days' } as const;
const PARAMS = { granularity: 'day' };
/** Money, a count, a ratio of money and a percentage. */
const FIGURES = ['sales', 'gross', 'discounts', 'net', 'avg_ticket', 'net_variation'];

async function exportFile(format: 'pdf' | 'xlsx', locale: Locale): Promise<string> {
  const job = await server.call<JobSnapshot>('export.run', { report: REPORT, period: PERIOD, params: PARAMS, format, locale, fileName: `check-${locale}.${format}`, overwrite: true });
  const end = await server.call<JobSnapshot>('jobs.wait', { id: job.id, timeoutMs: 60_000 });
  expect(end.state, JSON.stringify(end.error)).toBe('done');
  return (end.result as ExportJobResult).path;
}

/** The totals row of the sheet by column label, each cell drawn from its number format in the export's locale. */
async function xlsxTotals(path: string, locale: Locale): Promise<Record<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0];
  const head = ws.getRow(1);
  const last = ws.getRow(ws.actualRowCount);
  const out: Record<string, string> = {};
  head.eachCell((h, i) => {
    const cell = last.getCell(i);
    const v = cell.value as number | { result?: number } | null;
    const n = typeof v === 'number' ? v : (v?.result ?? null);
    if (n !== null && cell.numFmt) out[String(h.value)] = excelText(cell.numFmt, n, { locale });
  });
  return out;
}

for (const locale of ['pt-BR', 'en'] as const) {
  test(`a report's totals read the same on screen, in the PDF, the XLSX and the CLI table (${locale})`, async ({ page }) => {
    test.setTimeout(120_000);
    const f = createFormatter({ locale });
    const meta = (await server.call<ReportMeta[]>('reports.list', {})).find((r) => r.id === REPORT)!;
    const totals = (await server.call<ReportTotals>('reports.totals', { report: REPORT, period: PERIOD, params: PARAMS })).values;
    const col = (id: string) => meta.columns.find((c) => c.id === id)!;
    const expected = Object.fromEntries(FIGURES.map((id) => [id, formatCell(f, col(id), totals[id])]));
    for (const id of FIGURES) expect(expected[id], id).not.toBe('');
    for (const id of ['gross', 'net']) expect(expected[id]).toContain(`R$${NBSP}`);

    // screen
    await openApp(page, server, { route: `/reports/${REPORT}`, locale });
    const row = page.getByTestId('totals-row');
    for (const id of FIGURES) await expect(row.locator(`[data-column="${id}"]`)).toHaveText(expected[id]);

    // PDF: the totals line, where pdftotext reads the NBSP back as a space
    const pdf = execFileSync('pdftotext', ['-layout', await exportFile('pdf', locale), '-'], { encoding: 'utf8' });
    const pdfTotals = pdf.split('\n').filter((l) => /^\s*Total\b/.test(l)).pop() ?? '';
    for (const id of FIGURES) expect(pdfTotals, id).toContain(expected[id].replaceAll(NBSP, ' '));

    // XLSX: the cell text Excel shows in this locale
    const sheet = await xlsxTotals(await exportFile('xlsx', locale), locale);
    for (const id of FIGURES) expect(sheet[col(id).label[locale]], id).toBe(expected[id]);

    // painel report's table, against the running app's engine
    const cli = execFileSync(process.execPath, [resolve('bin/painel.js'), '--db', server.dbPath, 'report', REPORT, '--preset', PERIOD.preset, '--param', `granularity=${PARAMS.granularity}`, '--lang', locale], { encoding: 'utf8', cwd: resolve('.') });
    const cliTotals = cli.split('\n').filter((l) => /^Total\b/.test(l)).pop() ?? '';
    for (const id of FIGURES) expect(cliTotals, id).toContain(expected[id]);
    await page.screenshot({ path: join('test-results', 'app', `format-check-${locale}.png`) });
  });
}
