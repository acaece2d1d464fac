// The report explorer, generic over the registry, laid out so the table starts high on a laptop: a one-line
// description, the report's chart (collapsible) beside the comparison, parameters in the table's toolbar, and the
// virtualized table with server-side sort, per-column filters, search, totals, column resize and show/hide.
import { useCallback, useMemo } from 'react';
import type { ReportColumnMeta, ReportMeta } from '../../../../shared/reports';
import type { Route } from '../../app/router';
import { href, navigate } from '../../app/router';
import { arrowToRows, type Row } from '../../api/arrowRows';
import { callOrThrow } from '../../api/client';
import { useCall } from '../../api/useCall';
import { SearchBox } from '../../components/filters/SearchBox';
import { ErrorNote } from '../../components/ErrorNote';
import { buildFilters } from '../../components/table/buildFilters';
import { ColumnsMenu } from '../../components/table/ColumnsMenu';
import { DataTable } from '../../components/table/DataTable';
import { usePagedRows, type PageFetcher } from '../../components/table/usePagedRows';
import { formatValue } from '../../i18n/reportFormat';
import { useI18n } from '../../i18n/useI18n';
import { useAppStore } from '../../state/appStore';
import { useFilterStore } from '../../state/filterStore';
import { useReportViews } from '../../state/reportsStore';
import { CompareStrip } from './CompareStrip';
import { drillTarget } from './drill';
import { ExportMenu } from './ExportMenu';
import { PrintFilters } from './PrintFilters';
import { PrintTable } from './PrintTable';
import { ReportChart } from './ReportChart';
import { ReportParams } from './ReportParams';
import { useReportInput } from './useReportInput';

/** Financial reports the closing pack is made of: they link to the Fechamento page. */
const CLOSING_REPORTS = new Set(['financial-summary', 'sales-vs-receipts', 'staff-commissions', 'payment-methods']);

/** The month to close from a report's period end: that month when it has ended with the period, else the one before. */
function closingMonth(to: string | null): Record<string, string> | undefined {
  if (!to) return undefined;
  const [y, m, d] = to.split('-').map(Number);
  if (d === new Date(Date.UTC(y, m, 0)).getUTCDate()) return { month: to.slice(0, 7) };
  const prev = new Date(Date.UTC(y, m - 2, 1));
  return { month: prev.toISOString().slice(0, 7) };
}

export function ReportExplorer({ meta, route }: { meta: ReportMeta; route: Route }) {
  const { t, l, f } = useI18n();
  const { input, view, key } = useReportInput(meta, route);
  const update = useReportViews((s) => s.update);
  const dataVersion = useAppStore((s) => s.dataVersion);
  const compare = useFilterStore((s) => s.compare);
  const activeView = meta.views?.find((v) => v.id === input.params.view) ?? null;
  const columns: ReportColumnMeta[] = activeView?.columns ?? meta.columns;
  const charts = activeView?.charts ?? meta.charts;
  const defaultSort = activeView?.defaultSort ?? meta.defaultSort;
  const colIds = new Set(columns.map((c) => c.id));
  const sort = (view.sort ?? defaultSort).filter((s) => colIds.has(s.column));
  const search = view.search ?? '';
  const filterText = useMemo(() => view.filterText ?? {}, [view.filterText]);
  const filters = useMemo(() => buildFilters(columns, filterText), [columns, filterText]);
  const hidden = useMemo(() => {
    const h: Record<string, boolean> = {};
    for (const c of columns) h[c.id] = view.hidden?.[c.id] ?? !c.optional;
    return h;
  }, [columns, view.hidden]);

  const rowSpec = { ...input, filters, search };
  const specKey = JSON.stringify([key, sort, filters, search, dataVersion]);
  const fetcher = useCallback<PageFetcher>(
    async (offset, limit, withTotal, signal) => {
      const page = await callOrThrow('reports.page', { ...input, offset, limit, sort, filters, search, withTotal }, signal);
      return { rows: arrowToRows(page.arrow).rows, total: page.total };
    },
    // specKey carries every input of the fetch
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [specKey],
  );
  const data = usePagedRows(specKey, fetcher);
  // The rows come first; totals, comparison and chart follow as soon as the page has answered.
  const totals = useCall('reports.totals', rowSpec, { low: true });
  const comparison = useCall('reports.compare', meta.comparable && compare !== 'none' ? rowSpec : null, { low: true });

  const drillColumn = columns.find((c) => c.drill);
  const onRowActivate = drillColumn
    ? (row: Row) => {
        const i = columns.indexOf(drillColumn);
        const target = drillTarget(drillColumn, row[i]);
        if (target) navigate(target.path, target.query);
      }
    : undefined;

  const description = l(meta.description);
  const chartHidden = view.chartHidden === true;
  const against = comparison.data ? (compare === 'last_year' ? comparison.data.lastYear : comparison.data.previous) : null;
  return (
    <section className="page page-report" aria-labelledby="report-title" data-report={meta.id}>
      <header className="page-head report-head">
        <div>
          <h1 id="report-title">{l(meta.title)}</h1>
          <p className="muted report-desc" title={description}>
            {description}
          </p>
          {meta.formula && (
            <details className="report-formula" data-testid="report-formula">
              <summary>{t('report.howCalculated')}</summary>
              <p className="muted small">{l(meta.formula)}</p>
            </details>
          )}
        </div>
        <div className="head-actions">
          {CLOSING_REPORTS.has(meta.id) && (
            <a className="btn" href={href('/closing', closingMonth(totals.data?.period.to ?? null))} data-testid="open-closing">
              {t('closing.open')}
            </a>
          )}
          <ExportMenu input={rowSpec} sort={sort} title={l(meta.title)} />
        </div>
      </header>
      <PrintFilters
        meta={meta}
        input={input}
        columns={columns}
        period={totals.data?.period ?? null}
        compared={against ? t('report.compareWindow', { from: f.date(against.from), to: f.date(against.to) }) : null}
        search={search}
        filterText={filterText}
      />
      {(charts.length > 0 || comparison.data) && (
        <div className={`report-overview${charts.length > 0 && !chartHidden ? ' with-chart' : ''}`}>
          {charts.length > 0 && (
            <ReportChart
              meta={meta}
              charts={charts}
              columns={columns}
              input={rowSpec}
              chosen={view.chart}
              onChoose={(c) => update(meta.id, { chart: c })}
              hidden={chartHidden}
              onHiddenChange={(h) => update(meta.id, { chartHidden: h })}
            />
          )}
          {comparison.data && <CompareStrip meta={meta} columns={columns} comparison={comparison.data} mode={compare} />}
        </div>
      )}
      <div className="toolbar report-toolbar">
        <ReportParams meta={meta} input={input} route={route} onParam={(id, v) => update(meta.id, { params: { ...view.params, [id]: v } })} />
        <SearchBox id="report-search" label={t('tables.search')} placeholder={t('report.searchPlaceholder')} value={search} onChange={(v) => update(meta.id, { search: v })} />
        <ColumnsMenu columns={columns} visibility={hidden} onChange={(h) => update(meta.id, { hidden: h })} />
        {(filters.length > 0 || search) && (
          <button type="button" className="btn btn-small" onClick={() => update(meta.id, { filterText: {}, search: '' })}>
            {t('report.clearFilters')}
          </button>
        )}
        <div className="toolbar-spacer" />
        <div className="row-total" data-testid="row-total" data-total={data.total ?? ''} aria-live="polite">
          {data.total === null ? t('common.loading') : t('tables.total', { n: f.integer(data.total) })}
        </div>
      </div>
      {data.error && <ErrorNote error={{ code: 'INTERNAL', message: data.error }} />}
      <DataTable
        key={`${meta.id}:${activeView?.id ?? ''}`}
        label={l(meta.title)}
        columns={columns}
        data={data}
        sort={sort}
        onSortChange={(s) => update(meta.id, { sort: s })}
        filterText={filterText}
        onFilterTextChange={(c, v) => update(meta.id, { filterText: { ...filterText, [c]: v } })}
        totals={totals.data?.values ?? null}
        columnVisibility={hidden}
        columnSizing={view.sizing}
        onColumnSizingChange={(s) => update(meta.id, { sizing: s })}
        onRowActivate={onRowActivate}
        renderCell={(v, c) => formatValue(f, c as ReportColumnMeta, v)}
        renderTotal={(v, c) => formatValue(f, c as ReportColumnMeta, v)}
        rowHint={drillColumn ? t('report.drillHint') : undefined}
      />
      <PrintTable
        title={l(meta.title)}
        columns={columns}
        visibility={hidden}
        data={data}
        totals={totals.data?.values ?? null}
        version={`${specKey}:${data.getRow(0) ? 1 : 0}:${data.total ?? ''}:${data.loading ? 1 : 0}`}
      />
    </section>
  );
}
