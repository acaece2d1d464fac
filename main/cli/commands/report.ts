// painel report ID [--from --to | --preset] [--location ...] [--param k=v] [--format csv|json|table] [--out FILE]:
// any report of the registry, through the same engine (same SQL, same wire values) the app uses.
import { renameSync, writeFileSync } from 'node:fs';
import { reportRunInput, type CommonFilters, type PeriodInput } from '../../../shared/api/reports';
import { DATE_PRESETS, type DatePreset } from '../../../shared/reports';
import { RFM_CLUSTERS, type RfmCluster } from '../../../shared/rfm';
import type { Command } from '../command';
import { parse, toPrintableJson } from '../command';
import { pageSql, reportTotals } from '../../reports/engine';
import { resolveRequest } from '../../reports/prepare';
import { allReports, paramsOf } from '../../reports/registry';
import type { ParamValue } from '../../reports/types';
import { AppError } from '../../store/errors';
import { formatReport, type Cell } from '../reportFormat';
import { reportCsvText } from '../../export/reportExport';

const USAGE =
  'painel report ID|list [--preset P | --from YYYY-MM-DD --to YYYY-MM-DD | --month YYYY-MM] [--today YYYY-MM-DD] [--location ID,..] [--employee ID,..] ' +
  '[--source S,..] [--category C,..] [--cluster C,..] [--param NAME=VALUE ...] [--view V] [--sort COL[:desc]] [--search TEXT] ' +
  '[--format csv|json|table] [--lang pt-BR|en] [--out FILE]';

const list = (v: string | undefined) => (v === undefined ? undefined : v.split(',').map((x) => x.trim()).filter(Boolean));

/** A --param value typed by the report's declaration (numbers and booleans come as text on the command line). */
function paramValue(report: string, name: string, raw: string): ParamValue {
  const meta = paramsOf(allReports().find((r) => r.id === report) ?? allReports()[0]).find((p) => p.id === name);
  if (meta?.kind === 'integer') return Number.isFinite(Number(raw)) ? Number(raw) : raw;
  if (meta?.kind === 'boolean') return raw === 'true' || raw === '1' || raw === 'sim' || raw === 'yes' ? true : raw === 'false' || raw === '0' || raw === 'não' || raw === 'no' ? false : raw;
  return raw;
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'print any report (the same numbers as the app) as a table, CSV or JSON',
  usage: USAGE,
  async run(argv, ctx) {
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
    if (id === 'list') {
      const rows = allReports().map((r) => ({ id: r.id, category: r.category, title: r.title[lang] }));
      ctx.io.out(format === 'json' ? toPrintableJson(rows) + '\n' : rows.map((r) => `${r.id.padEnd(22)} ${r.category.padEnd(14)} ${r.title}`).join('\n') + '\n');
      return 0;
    }
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
      params[p.slice(0, eq)] = paramValue(id, p.slice(0, eq), p.slice(eq + 1));
    }
    if (v.view) params.view = v.view;
    const sort = (v.sort ?? []).map((s) => ({ column: s.replace(/:(asc|desc)$/, ''), desc: s.endsWith(':desc') }));
    const engine = await ctx.engine();
    // The same request path as reports.page / reports.totals: validation, period, filters, SQL.
    const checked = reportRunInput.safeParse({ report: id, period, common, params });
    if (!checked.success) throw new AppError('BAD_INPUT', checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const req = { ...checked.data, search: v.search ?? '', sort };
    const r = await resolveRequest(engine, req);
    const q = pageSql(r, req);
    const [reader, totals] = await Promise.all([engine.db.reader(q.sql, q.params.values), reportTotals(engine, req)]);
    const columns = r.columns;
    const data = reader.getColumnsJS() as Cell[][];
    const text = format === 'csv' ? await reportCsvText(engine, req, lang) : formatReport({ format: format as 'json' | 'table', lang, report: r.def, view: r.def.views?.length ? r.view.title : undefined, period: r.period, columns, data, totals: totals.values });
    if (v.out) {
      // Written beside the target and renamed, so an interrupted run never leaves a partial file under the final name.
      const tmp = `${v.out}.${process.pid}.partial`;
      writeFileSync(tmp, text);
      renameSync(tmp, v.out);
      ctx.io.err(`${reader.currentRowCount} rows written to ${v.out}\n`);
    } else ctx.io.out(text);
    return 0;
  },
};
