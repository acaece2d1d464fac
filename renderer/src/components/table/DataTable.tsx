// The virtualized table used by the table browser and the report explorer: TanStack Table for the column
// model (sizing, visibility, headers), @tanstack/react-virtual for rows, fixed row height, sticky header and totals.
import { useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { getCoreRowModel, useReactTable, type ColumnDef, type ColumnSizingState, type VisibilityState } from '@tanstack/react-table';
import { elementScroll, observeElementOffset, useVirtualizer } from '@tanstack/react-virtual';
import type { SortSpec } from '../../../../shared/api/tableSpec';
import { formatCell } from '../../../../shared/format';
import type { ColumnType, LocalizedText } from '../../../../shared/types';
import type { Cell, Row } from '../../api/arrowRows';
import { useI18n } from '../../i18n/useI18n';
import type { PagedRows } from './usePagedRows';
import { ColumnFilterInput } from './ColumnFilterInput';

export const ROW_HEIGHT = 32;
/** Browsers cap element heights (~33M px in Chromium); beyond this the scrollbar maps proportionally. */
const MAX_PHYSICAL_HEIGHT = 8_000_000;
const NUMERIC = new Set(['integer', 'decimal', 'money', 'percent']);
const ID_COLUMN = /(^|_)id$/;

/** What the table needs to know of a column (query columns and report columns both fit). */
export interface TableColumn {
  id: string;
  label?: LocalizedText;
  type: ColumnType;
  /** An identifier shown as stored (drawn apart from the values, and known to the page checks as such). */
  isKey?: boolean;
}

export interface DataTableProps<C extends TableColumn> {
  label: string;
  columns: C[];
  data: PagedRows;
  sort: SortSpec[];
  onSortChange(sort: SortSpec[]): void;
  /** Per-column filter texts; the filter row shows only when this is given. */
  filterText?: Record<string, string>;
  onFilterTextChange?(column: string, text: string): void;
  totals?: Record<string, Cell> | null;
  columnVisibility?: VisibilityState;
  columnSizing?: ColumnSizingState;
  onColumnSizingChange?(sizing: ColumnSizingState): void;
  /** Makes rows activatable (click / Enter), e.g. drill-down. */
  onRowActivate?(row: Row, index: number): void;
  renderCell?(value: Cell, column: C, row: Row): string | null;
  renderTotal?(value: Cell, column: C): string;
  /** Tooltip of activatable rows. */
  rowHint?: string;
  /** Column ids of the data rows in wire order (defaults to `columns`). */
  wireOrder?: string[];
}

function typeWidth(c: TableColumn): number {
  if (c.type === 'timestamp') return 170;
  if (c.type === 'money') return 130;
  if (c.type === 'date') return 110;
  if (NUMERIC.has(c.type) || c.type === 'boolean') return 100;
  return 170;
}

/**
 * Wide enough for the values and for the header on at most two lines (about 7.5 px a character at the header's
 * size, plus the sort mark and padding), so a header reads whole instead of "Minutos agen…".
 */
export function defaultWidth(c: TableColumn, header: string): number {
  const longestWord = Math.max(0, ...header.split(/\s+/).map((w) => w.length));
  const twoLines = Math.max(Math.ceil(header.length / 2), longestWord);
  return Math.min(260, Math.max(typeWidth(c), Math.round(twoLines * 7.5 + 34)));
}

export function DataTable<C extends TableColumn>(props: DataTableProps<C>) {
  const { columns, data, sort, onSortChange, filterText, totals, onRowActivate } = props;
  const { f, l, t } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  const scaleRef = useRef(1);
  const [localSizing, setLocalSizing] = useState<ColumnSizingState>({});
  const sizing = props.columnSizing ?? localSizing;

  const defs = useMemo<ColumnDef<Row>[]>(
    () => columns.map((c) => ({ id: c.id, header: l(c.label, c.id), size: defaultWidth(c, l(c.label, c.id)), minSize: 60, maxSize: 800 })),
    [columns, l],
  );
  const table = useReactTable<Row>({
    data: [],
    columns: defs,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualFiltering: true,
    columnResizeMode: 'onChange',
    state: { columnVisibility: props.columnVisibility ?? {}, columnSizing: sizing },
    onColumnSizingChange: (u) => {
      const next = typeof u === 'function' ? u(sizing) : u;
      if (props.onColumnSizingChange) props.onColumnSizingChange(next);
      else setLocalSizing(next);
    },
  });
  const visible = table.getVisibleLeafColumns();
  const order = props.wireOrder ?? columns.map((c) => c.id);
  const colIndex = useMemo(() => new Map(order.map((id, i) => [id, i])), [order]);
  const metaById = useMemo(() => new Map(columns.map((c) => [c.id, c])), [columns]);
  const width = table.getVisibleLeafColumns().reduce((s, c) => s + c.getSize(), 0);

  const total = data.total ?? 0;
  const virtualHeight = total * ROW_HEIGHT;
  const physicalHeight = Math.min(virtualHeight, MAX_PHYSICAL_HEIGHT);
  const viewport = scrollRef.current?.clientHeight ?? 600;
  scaleRef.current = virtualHeight > MAX_PHYSICAL_HEIGHT ? (virtualHeight - viewport) / (physicalHeight - viewport) : 1;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    observeElementOffset: (inst, cb) => observeElementOffset(inst, (offset, isScrolling) => cb(offset * scaleRef.current, isScrolling)),
    scrollToFn: (offset, opts, inst) => elementScroll(offset / scaleRef.current, opts, inst),
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;
  const { request } = data;
  useEffect(() => {
    request(firstIndex, lastIndex);
  }, [firstIndex, lastIndex, request]);

  // A different result set starts at the top.
  const sortKey = JSON.stringify(sort);
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [sortKey, filterText]);

  const physicalScroll = scrollRef.current?.scrollTop ?? 0;
  const virtualOffset = virtualizer.scrollOffset ?? 0;

  const toggleSort = (id: string, multi: boolean) => {
    const cur = sort.find((s) => s.column === id);
    const next: SortSpec | null = !cur ? { column: id, desc: false } : !cur.desc ? { column: id, desc: true } : null;
    const rest = multi ? sort.filter((s) => s.column !== id) : [];
    onSortChange(next ? [...rest, next] : rest);
  };

  const cellText = (row: Row, id: string): string => {
    const meta = metaById.get(id);
    const v = row[colIndex.get(id) ?? -1] ?? null;
    if (!meta) return String(v ?? '');
    const custom = props.renderCell?.(v, meta, row);
    if (custom !== undefined && custom !== null) return custom;
    // Identifiers are names, not quantities: no digit grouping.
    if (meta.type === 'integer' && ID_COLUMN.test(meta.id) && v !== null) return String(v);
    return formatCell(f, meta, v);
  };

  const onRowKey = (e: KeyboardEvent<HTMLDivElement>, row: Row, index: number) => {
    if ((e.key === 'Enter' || e.key === ' ') && onRowActivate) {
      e.preventDefault();
      onRowActivate(row, index);
    }
  };

  const cellStyle = (id: string, size: number): CSSProperties => ({ width: size, textAlign: NUMERIC.has(metaById.get(id)?.type ?? '') ? 'right' : 'left' });

  return (
    <div className="dt" role="table" aria-label={props.label} aria-rowcount={total + 1} data-state={data.loading ? 'loading' : 'ready'} aria-busy={data.loading}>
      <div className="dt-scroll" ref={scrollRef} data-testid="table-scroll">
        <div className="dt-inner" style={{ width: Math.max(width, 100) }}>
          <div className="dt-head" role="rowgroup">
            <div className={`dt-row dt-header-row${filterText ? ' with-filters' : ''}`} role="row" aria-rowindex={1}>
              {table.getHeaderGroups()[0]?.headers.map((h) => {
                const s = sort.find((x) => x.column === h.id);
                const label = String(h.column.columnDef.header ?? h.id);
                return (
                  <div key={h.id} className="dt-th" role="columnheader" aria-sort={s ? (s.desc ? 'descending' : 'ascending') : 'none'} style={cellStyle(h.id, h.getSize())}>
                    <button type="button" className="dt-sort" onClick={(e) => toggleSort(h.id, e.shiftKey)} title={label}>
                      <span className="dt-th-label">{label}</span>
                      <span className="dt-sort-mark" aria-hidden="true">
                        {s ? (s.desc ? '▼' : '▲') : ''}
                        {s && sort.length > 1 ? sort.indexOf(s) + 1 : ''}
                      </span>
                    </button>
                    {filterText && metaById.get(h.id) && (
                      <ColumnFilterInput column={metaById.get(h.id)!} value={filterText[h.id] ?? ''} onChange={(v) => props.onFilterTextChange?.(h.id, v)} />
                    )}
                    <div
                      className={`dt-resizer${h.column.getIsResizing() ? ' active' : ''}`}
                      role="separator"
                      aria-orientation="vertical"
                      aria-label={t('table.resize', { name: label })}
                      onMouseDown={h.getResizeHandler()}
                      onTouchStart={h.getResizeHandler()}
                      onDoubleClick={() => h.column.resetSize()}
                      tabIndex={0}
                      aria-valuenow={h.getSize()}
                      onKeyDown={(e) => {
                        // Keyboard resizing: arrows change the width by 16 px.
                        if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
                        e.preventDefault();
                        const size = Math.max(60, Math.min(800, h.getSize() + (e.key === 'ArrowRight' ? 16 : -16)));
                        table.setColumnSizing((old) => ({ ...old, [h.id]: size }));
                      }}
                    />
                  </div>
                );
              })}
            </div>
          </div>
          {/* With no rows the body holds the message in the flow, so the sticky totals row sits under it, not over it. */}
          <div className="dt-body" role="rowgroup" style={{ height: data.total === 0 && !data.loading ? undefined : physicalHeight }}>
            {items.map((vi) => {
              const row = data.getRow(vi.index);
              const top = vi.start - virtualOffset + physicalScroll;
              return (
                <div
                  key={vi.key}
                  className={`dt-row${row ? '' : ' dt-placeholder'}${onRowActivate && row ? ' dt-clickable' : ''}${vi.index % 2 ? ' odd' : ''}`}
                  role="row"
                  aria-rowindex={vi.index + 2}
                  tabIndex={onRowActivate && row ? 0 : undefined}
                  title={onRowActivate && row ? props.rowHint : undefined}
                  style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
                  onClick={onRowActivate && row ? () => onRowActivate(row, vi.index) : undefined}
                  onKeyDown={row ? (e) => onRowKey(e, row, vi.index) : undefined}
                >
                  {visible.map((c) => {
                    const text = row ? cellText(row, c.id) : '…';
                    // A long value may be cut at the column's edge: the whole of it shows on hover.
                    return (
                      <div key={c.id} className={`dt-td${metaById.get(c.id)?.isKey ? ' dt-key' : ''}`} role="cell" data-column={c.id} title={text.length > 18 ? text : undefined} style={cellStyle(c.id, c.getSize())}>
                        {text}
                      </div>
                    );
                  })}
                </div>
              );
            })}
            {data.total === 0 && !data.loading && (
              <div className="dt-empty" data-testid="table-empty">
                {t('table.empty')}
              </div>
            )}
          </div>
          {totals && (
            <div className="dt-foot" role="rowgroup">
              <div className="dt-row dt-totals" role="row" data-testid="totals-row">
                {visible.map((c, i) => {
                  const meta = metaById.get(c.id);
                  const v = totals[c.id];
                  return (
                    <div key={c.id} className="dt-td" role="cell" style={cellStyle(c.id, c.getSize())} data-column={c.id}>
                      {i === 0 && (v === undefined || v === null) ? t('table.totals') : v === undefined || v === null || !meta ? '' : (props.renderTotal?.(v, meta) ?? formatCell(f, meta, v))}
                    </div>
                  );
                })}
              </div>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
