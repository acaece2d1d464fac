// A day's sales (#/sales?day=YYYY-MM-DD, the drill-down of a day) or one sale with its lines (#/sales?sale=ID),
// from the business-time-zone sales view, paged and sorted in DuckDB; a customer opens Customer 360.
import { useCallback, useMemo, useState } from 'react';
import type { ColumnFilter, SortSpec } from '../../../shared/api/tableSpec';
import type { Route } from '../app/router';
import { navigate } from '../app/router';
import { arrowToRows } from '../api/arrowRows';
import { callOrThrow } from '../api/client';
import { useCall } from '../api/useCall';
import { ErrorNote } from '../components/ErrorNote';
import { DataTable } from '../components/table/DataTable';
import { usePagedRows, type PageFetcher } from '../components/table/usePagedRows';
import { useI18n } from '../i18n/useI18n';
import { formatValue } from '../i18n/reportFormat';
import type { LocalizedText } from '../../../shared/types';
import type { ReportColumnMeta } from '../../../shared/reports';
import { useAppStore } from '../state/appStore';
import { useFilterStore } from '../state/filterStore';

// Names beside the keys (v_sales_named / v_sale_lines_named); the keys ride along in the rows for the drill-downs.
const SALE_COLUMNS = ['biz_ts', 'status', 'kind', 'customer_name', 'location_name', 'employee_name', 'gross_amount', 'discount_amount', 'total_amount', 'coupon_code', 'source'];
const LINE_COLUMNS = ['line_no', 'item_name', 'staff_name', 'quantity', 'unit_price', 'discount_amount', 'line_total', 'duration_min'];
const L = (pt: string, en: string): LocalizedText => ({ 'pt-BR': pt, en });
const NO_LOCATION = L('Online', 'Online');
const NO_EMPLOYEE = L('Sem profissional', 'No professional');
const NO_COUPON = L('Sem cupom', 'No coupon');
/** Codes said in words, and what an empty unit, professional or coupon means. */
const WORDS: Record<string, Pick<ReportColumnMeta, 'codes' | 'empty'>> = {
  status: { codes: 'saleStatus' },
  kind: { codes: 'saleKind' },
  source: { codes: 'source' },
  customer_name: { empty: L('Cliente sem cadastro', 'Walk-in customer') },
  location_name: { empty: NO_LOCATION },
  employee_name: { empty: NO_EMPLOYEE },
  staff_name: { empty: NO_EMPLOYEE },
  coupon_code: { empty: NO_COUPON },
};
const LABELS: Record<string, LocalizedText> = {
  sale_id: { 'pt-BR': 'Venda', en: 'Sale' },
  biz_ts: { 'pt-BR': 'Data e hora', en: 'Date and time' },
  status: { 'pt-BR': 'Situação', en: 'Status' },
  kind: { 'pt-BR': 'Tipo', en: 'Kind' },
  customer_name: { 'pt-BR': 'Cliente', en: 'Customer' },
  location_name: { 'pt-BR': 'Unidade', en: 'Location' },
  employee_name: { 'pt-BR': 'Profissional', en: 'Professional' },
  staff_name: { 'pt-BR': 'Profissional', en: 'Professional' },
  gross_amount: { 'pt-BR': 'Bruto', en: 'Gross' },
  discount_amount: { 'pt-BR': 'Desconto', en: 'Discount' },
  total_amount: { 'pt-BR': 'Total', en: 'Total' },
  coupon_code: { 'pt-BR': 'Cupom', en: 'Coupon' },
  source: { 'pt-BR': 'Origem', en: 'Source' },
  line_no: { 'pt-BR': 'Linha', en: 'Line' },
  item_name: { 'pt-BR': 'Serviço ou produto', en: 'Service or product' },
  quantity: { 'pt-BR': 'Quantidade', en: 'Quantity' },
  unit_price: { 'pt-BR': 'Preço unitário', en: 'Unit price' },
  line_total: { 'pt-BR': 'Total da linha', en: 'Line total' },
  duration_min: { 'pt-BR': 'Duração (min)', en: 'Duration (min)' },
};

function useViewTable(table: string, wanted: string[], filters: ColumnFilter[], initialSort: SortSpec[]) {
  const listing = useCall('query.tables', {});
  const dataVersion = useAppStore((s) => s.dataVersion);
  const [sort, setSort] = useState<SortSpec[]>(initialSort);
  const info = listing.data?.find((x) => x.name === table);
  const columns = useMemo(
    () => (info ? wanted.map((id) => info.columns.find((c) => c.id === id)).filter((c) => !!c).map((c) => ({ ...c, label: LABELS[c.id] ?? c.label, ...WORDS[c.id] })) : []),
    [info, wanted],
  );
  const specKey = JSON.stringify([table, sort, filters, dataVersion]);
  const fetcher = useCallback<PageFetcher>(
    async (offset, limit, withTotal, signal) => {
      const page = await callOrThrow('query.page', { table, offset, limit, sort, filters, withTotal }, signal);
      return { rows: arrowToRows(page.arrow).rows, total: page.total };
    },
    // specKey carries every input of the fetch
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [specKey],
  );
  const data = usePagedRows(specKey, fetcher);
  // The page answer carries every column of the view; rows are read by position in that order.
  const wireOrder = info?.columns.map((c) => c.id);
  return { listing, columns, data, sort, setSort, wireOrder };
}

export default function SalesPage({ route }: { route: Route }) {
  const { t, f } = useI18n();
  const locations = useFilterStore((s) => s.locations);
  const day = route.query.get('day');
  const sale = route.query.get('sale');
  const filters = useMemo<ColumnFilter[]>(() => {
    const out: ColumnFilter[] = [];
    if (sale) out.push({ column: 'sale_id', op: 'eq', value: sale });
    else if (day) out.push({ column: 'biz_date', op: 'eq', value: day });
    if (!sale && locations.length) out.push({ column: 'location_id', op: 'in', value: locations });
    return out;
  }, [day, sale, locations]);
  const sales = useViewTable('v_sales_named', SALE_COLUMNS, filters, [{ column: 'biz_ts', desc: false }]);
  const lineFilters = useMemo<ColumnFilter[]>(() => (sale ? [{ column: 'sale_id', op: 'eq', value: sale }] : []), [sale]);
  const lines = useViewTable(sale ? 'v_sale_lines_named' : 'v_sales_named', sale ? LINE_COLUMNS : [], lineFilters, sale ? [{ column: 'line_no', desc: false }] : []);
  // A sale is titled by who and when (its id is a key, not a name).
  const first = sales.data.getRow(0);
  const at = (id: string) => (first && sales.wireOrder ? first[sales.wireOrder.indexOf(id)] : null);
  const saleTitle = first ? t('sales.saleOf', { who: String(at('customer_name') ?? t('sales.walkIn')), when: f.timestamp(at('biz_ts')) }) : t('sales.saleOne');
  const title = sale ? saleTitle : day ? t('sales.day', { day: f.date(day) }) : t('sales.title');
  const customerIdx = sales.wireOrder?.indexOf('customer_id') ?? -1;
  const saleIdx = sales.wireOrder?.indexOf('sale_id') ?? -1;

  return (
    <section className="page" aria-labelledby="sales-title">
      <header className="page-head">
        <div>
          <h1 id="sales-title">{title}</h1>
          <p className="muted">{t('sales.intro')}</p>
        </div>
        <div className="row-total" data-testid="row-total" data-total={sales.data.total ?? ''}>
          {sales.data.total === null ? t('common.loading') : t('tables.total', { n: f.integer(sales.data.total) })}
        </div>
      </header>
      {sales.listing.error && <ErrorNote error={sales.listing.error} />}
      {sales.data.error && <ErrorNote error={{ code: 'INTERNAL', message: sales.data.error }} />}
      {sales.columns.length > 0 && (
        <div className="fixed-table">
          <DataTable
            label={title}
            columns={sales.columns}
            data={sales.data}
            sort={sales.sort}
            onSortChange={sales.setSort}
            wireOrder={sales.wireOrder}
            renderCell={(v, c) => formatValue(f, c, v)}
            rowHint={t('report.drillHint')}
            onRowActivate={(row) => {
              const c = row[customerIdx];
              if (!sale && row[saleIdx]) navigate('/sales', { sale: String(row[saleIdx]) });
              else if (c) navigate(`/customers/${encodeURIComponent(String(c))}`);
            }}
          />
        </div>
      )}
      {sale && lines.columns.length > 0 && (
        <>
          <h2>{t('sales.lines')}</h2>
          <div className="fixed-table short">
            <DataTable label={t('sales.lines')} columns={lines.columns} data={lines.data} sort={lines.sort} onSortChange={lines.setSort} wireOrder={lines.wireOrder} renderCell={(v, c) => formatValue(f, c, v)} />
          </div>
        </>
      )}
    </section>
  );
}
