// The table browser: the canonical tables in words (Painel's internal tables and views on request, by their own
// names), paged by query.page, sorted, filtered and searched in DuckDB; a canonical table exports as CSV or XLSX
// that imports back unchanged, and all the data as Parquet.
import { useCallback, useMemo } from 'react';
import { DataTable } from '../components/table/DataTable';
import { usePagedRows, type PageFetcher } from '../components/table/usePagedRows';
import { SearchBox } from '../components/filters/SearchBox';
import { callOrThrow } from '../api/client';
import { arrowToRows } from '../api/arrowRows';
import { useCall } from '../api/useCall';
import { useI18n } from '../i18n/useI18n';
import { useAppStore } from '../state/appStore';
import { useTablesStore } from '../state/tablesStore';
import { ErrorNote } from '../components/ErrorNote';
import { ParquetExportButton, TableExportButtons } from '../components/DataExport';
import { CANONICAL_TABLES, isCanonicalTable, modelTable } from '../../../shared/model';
import { browseCell, browseColumns, browseFilters } from './tables/browseColumns';

export default function TablesPage() {
  const { t, f, l, locale } = useI18n();
  const listing = useCall('query.tables', {});
  const dataVersion = useAppStore((s) => s.dataVersion);
  const { table: chosen, sort, search, filterText, internals, setTable, setSort, setSearch, setFilterText, setInternals } = useTablesStore();
  const all = listing.data ?? [];
  // The canonical tables in the model's order (parents before children), then the others when asked for.
  const canonical = CANONICAL_TABLES.flatMap((name) => all.filter((x) => x.name === name));
  const others = internals ? all.filter((x) => !isCanonicalTable(x.name)) : [];
  const tables = [...canonical, ...others];
  const table = tables.find((x) => x.name === chosen) ?? tables.find((x) => x.name === 'sales') ?? tables[0] ?? null;
  const columns = useMemo(() => (table ? browseColumns(table.name, table.columns) : []), [table]);
  const filters = useMemo(() => browseFilters(columns, filterText, locale), [columns, filterText, locale]);
  // Canonical tables by their names in the reader's language; other tables and views by their own.
  const tableWord = (name: string) => (isCanonicalTable(name) ? l(modelTable(name).label, name) : name);

  const specKey = JSON.stringify([table?.name, sort, filters, search, dataVersion]);
  const fetcher = useCallback<PageFetcher>(
    async (offset, limit, withTotal, signal) => {
      if (!table) return { rows: [], total: 0 };
      const page = await callOrThrow('query.page', { table: table.name, offset, limit, sort, filters, search, withTotal }, signal);
      return { rows: arrowToRows(page.arrow).rows, total: page.total };
    },
    // specKey carries every input of the fetch
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [specKey],
  );
  const data = usePagedRows(specKey, fetcher);

  return (
    <section className="page page-fill" aria-labelledby="tables-title">
      <header className="page-head">
        <div>
          <h1 id="tables-title">{t('tables.title')}</h1>
          <p className="muted">{t('tables.subtitle')}</p>
        </div>
        <div className="head-actions data-head-actions">
          <a className="btn" href="#/import" data-testid="link-import">
            {t('nav.import')}
          </a>
          <ParquetExportButton />
        </div>
      </header>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="table-select">{t('tables.table')}</label>
          <select id="table-select" value={table?.name ?? ''} onChange={(e) => setTable(e.target.value)}>
            {canonical.map((x) => (
              <option key={x.name} value={x.name}>
                {tableWord(x.name)}
              </option>
            ))}
            {others.length > 0 && (
              <optgroup label={t('tables.internalGroup')}>
                {others.map((x) => (
                  <option key={x.name} value={x.name}>
                    {x.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </div>
        <label className="menu-check tables-internal">
          <input type="checkbox" checked={internals} onChange={(e) => setInternals(e.target.checked)} />
          {t('tables.showInternal')}
        </label>
        <SearchBox id="table-search" label={t('tables.search')} placeholder={t('tables.searchPlaceholder')} value={search} onChange={setSearch} />
        {table && isCanonicalTable(table.name) && <TableExportButtons key={table.name} table={table.name} tableLabel={tableWord(table.name)} />}
        <div className="toolbar-spacer" />
        <div className="row-total" data-testid="row-total" aria-live="polite" data-total={data.total ?? ''}>
          {data.total === null ? t('common.loading') : t('tables.total', { n: f.integer(data.total) })}
        </div>
      </div>
      {listing.error && <ErrorNote error={listing.error} onRetry={listing.reload} />}
      {data.error && <ErrorNote error={{ code: 'INTERNAL', message: data.error }} />}
      {listing.data && !table && <p>{t('tables.none')}</p>}
      {table && (
        <DataTable
          key={table.name}
          label={t('table.grid', { name: tableWord(table.name) })}
          columns={columns}
          data={data}
          sort={sort}
          onSortChange={setSort}
          filterText={filterText}
          onFilterTextChange={setFilterText}
          renderCell={(v, c) => browseCell(f, c, v)}
        />
      )}
    </section>
  );
}
