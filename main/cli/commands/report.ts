// painel report ID [--from --to | --preset] [--location ...] [--param k=v] [--format csv|json|table] [--out FILE]:
// any report of the registry through the dispatcher (reports.list, reports.page, reports.totals): the same SQL and
// wire values the app gets, also from the app's engine when it runs.
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import type { CommonFilters, PeriodInput, ReportPage, ReportTotals } from '../../../shared/api/reports';
import type { JobSnapshot } from '../../../shared/events';
import { DATE_PRESETS, type DatePreset, type ReportMeta } from '../../../shared/reports';
import { RFM_CLUSTERS, type RfmCluster } from '../../../shared/rfm';
import type { Settings } from '../../../shared/settings';
import type { CommandRun } from '../command';
import { parse, toPrintableJson } from '../command';
import { AppError } from '../../store/errors';
import { formatReport, type Cell } from '../reportFormat';
import { finishedResult } from '../../../shared/jobs';

type ParamValue = string | number | boolean;
/** Rows per reports.page call (the contract's largest page). */
const PAGE = 5000;

const list = (v: string | undefined) => (v === undefined ? undefined : v.split(',').map((x) => x.trim()).filter(Boolean));

/** A --param value typed by the report's declaration (numbers and booleans come as text on the command line). */
function paramValue(report: ReportMeta, name: string, raw: string): ParamValue {
  const meta = report.params.find((p) => p.id === name);
  if (meta?.kind === 'integer') return Number.isFinite(Number(raw)) ? Number(raw) : raw;
  if (meta?.kind === 'boolean') return raw === 'true' || raw === '1' || raw === 'sim' || raw === 'yes' ? true : raw === 'false' || raw === '0' || raw === 'não' || raw === 'no' ? false : raw;
  return raw;
}

export const run: CommandRun = async (argv, ctx) => {
  const USAGE = ctx.usage;
  const { values: v, positionals } = parse(
    argv,
    {
      preset: { type: 'string' },
      month: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      today: { type: 'string' },
      location: { type: 'string' },
      employee: { type: 'string' },
      source: { type: 'string' },
      category: { type: 'string' },
      cluster: { type: 'string' },
      param: { type: 'string', multiple: true },
      view: { type: 'string' },
      sort: { type: 'string', multiple: true },
      search: { type: 'string' },
      format: { type: 'string' },
      lang: { type: 'string' },
      out: { type: 'string' },
    },
    USAGE,
    true,
  );
  const id = positionals[0];
  if (!id || positionals.length > 1) throw new AppError('BAD_INPUT', `name one report — usage: ${USAGE}`);
  const format = v.format ?? (v.out ? 'csv' : 'table');
  if (!['csv', 'json', 'table'].includes(format)) throw new AppError('BAD_INPUT', `--format must be csv, json or table, got ${format}`);
  const lang = v.lang ?? 'pt-BR';
  if (lang !== 'pt-BR' && lang !== 'en') throw new AppError('BAD_INPUT', `--lang must be pt-BR or en, got ${lang}`);
  const reports = await ctx.call<ReportMeta[]>('reports.list', {});
  if (id === 'list') {
    const rows = reports.map((r) => ({ id: r.id, category: r.category, title: r.title[lang] }));
    ctx.io.out(format === 'json' ? toPrintableJson(rows) + '\n' : rows.map((r) => `${r.id.padEnd(22)} ${r.category.padEnd(14)} ${r.title}`).join('\n') + '\n');
    return 0;
  }
  const report = reports.find((r) => r.id === id);
  if (!report) throw new AppError('NOT_FOUND', `no report ${id} (painel report list shows them)`);
  if (v.preset !== undefined && !(DATE_PRESETS as readonly string[]).includes(v.preset)) throw new AppError('BAD_INPUT', `--preset must be one of ${DATE_PRESETS.join(', ')}`);
  if (v.month !== undefined) {
    // A calendar month as a custom period (first to last day); RFM and other as-of reports take its last day.
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(v.month)) throw new AppError('BAD_INPUT', `--month must be YYYY-MM, got ${v.month}`);
    if (v.preset || v.from || v.to) throw new AppError('BAD_INPUT', '--month does not go with --preset, --from or --to');
    const [y, m] = v.month.split('-').map(Number);
    v.from = `${v.month}-01`;
    v.to = `${v.month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  }
  const period: PeriodInput = {
    ...(v.preset ? { preset: v.preset as DatePreset } : v.from || v.to ? { preset: 'custom' as const } : {}),
    ...(v.from ? { from: v.from } : {}),
    ...(v.to ? { to: v.to } : {}),
    ...(v.today ? { today: v.today } : {}),
  };
  const clusters = list(v.cluster);
  if (clusters?.some((c) => !(RFM_CLUSTERS as readonly string[]).includes(c))) throw new AppError('BAD_INPUT', `--cluster must be among ${RFM_CLUSTERS.join(', ')}`);
  const common: CommonFilters = {
    ...(v.location ? { location: list(v.location) } : {}),
    ...(v.employee ? { employee: list(v.employee) } : {}),
    ...(v.source ? { source: list(v.source) } : {}),
    ...(v.category ? { category: list(v.category) } : {}),
    ...(clusters ? { rfmCluster: clusters as RfmCluster[] } : {}),
  };
  const params: Record<string, ParamValue> = {};
  for (const p of v.param ?? []) {
    const eq = p.indexOf('=');
    if (eq < 1) throw new AppError('BAD_INPUT', `--param must be NAME=VALUE, got ${p}`);
    params[p.slice(0, eq)] = paramValue(report, p.slice(0, eq), p.slice(eq + 1));
  }
  if (v.view) params.view = v.view;
  const sort = (v.sort ?? []).map((s) => ({ column: s.replace(/:(asc|desc)$/, ''), desc: s.endsWith(':desc') }));
  const input = { report: id, period, common, params, search: v.search ?? '', sort };
  if (format === 'csv') {
    const csv = await csvText(ctx, input, lang);
    if (v.out) writeAtomically(v.out, csv.text);
    else ctx.io.out(csv.text);
    if (v.out) ctx.io.err(`${csv.rows} rows written to ${v.out}\n`);
    return 0;
  }
  const totals = ctx.call<ReportTotals>('reports.totals', { report: id, period, common, params, search: v.search ?? '' });
  totals.catch(() => undefined);
  // Every page, in order: the CLI prints the whole report.
  const pages: ReportPage[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await ctx.call<ReportPage>('reports.page', { ...input, offset, limit: PAGE });
    pages.push(page);
    if (page.rowCount < PAGE) break;
  }
  const columns = pages[0].columns;
  const data: Cell[][] = columns.map(() => []);
  for (const page of pages) {
    const table = tableFromIPC(page.arrow);
    columns.forEach((_c, j) => {
      const col = table.getChildAt(j);
      for (let r = 0; r < table.numRows; r++) data[j].push(wireCell(col?.get(r)));
    });
  }
  const rows = data[0]?.length ?? 0;
  const viewMeta = report.views?.length ? (report.views.find((x) => x.id === v.view) ?? report.views[0]) : undefined;
  const settings = format === 'table' ? await ctx.call<Settings>('settings.get', {}) : null;
  const text = formatReport({ format: format as 'json' | 'table', lang, currency: settings?.currency, timezone: settings?.timezone, report, view: viewMeta?.title, period: pages[0].period, columns, data, totals: (await totals).values });
  if (v.out) {
    writeAtomically(v.out, text);
    ctx.io.err(`${rows} rows written to ${v.out}\n`);
  } else ctx.io.out(text);
  return 0;
};

/** An Arrow cell in wire form: text, number or boolean (64-bit integers arrive as bigint). */
function wireCell(v: unknown): Cell {
  if (v === undefined || v === null) return null;
  if (typeof v === 'bigint') return Number(v);
  return v as Cell;
}

/** Written beside the target and renamed, so an interrupted run never leaves a partial file under the final name. */
function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.partial`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** CSV through the one CSV writer (export.run: formula protection, exact decimals), column ids as the header. */
async function csvText(ctx: Parameters<CommandRun>[1], input: Record<string, unknown>, lang: 'pt-BR' | 'en'): Promise<{ text: string; rows: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'painel-report-'));
  try {
    const job = await ctx.call<JobSnapshot>('export.run', { ...input, format: 'csv', csvDialect: 'standard', csvHeader: 'ids', locale: lang, folder: dir, fileName: 'report.csv', overwrite: true });
    const result = finishedResult(await ctx.follow(job, () => undefined), 'export');
    return { text: readFileSync(result.path, 'utf8'), rows: result.rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
