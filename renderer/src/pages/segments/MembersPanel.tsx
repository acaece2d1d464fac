// A segment's members, paged from the engine, and the contact list export for WhatsApp or e-mail: the engine
// keeps only opted-in customers with a usable E.164 phone or e-mail; the list is written as a CSV file.
import { useCallback, useMemo, useState } from 'react';
import type { SegmentId, SegmentSummary } from '../../../../shared/analytics';
import type { SortSpec } from '../../../../shared/api/tableSpec';
import type { ColumnMeta } from '../../../../shared/types';
import { arrowToRows, type Row } from '../../api/arrowRows';
import { call } from '../../api/client';
import { href, navigate } from '../../app/router';
import { ErrorNote } from '../../components/ErrorNote';
import { DataTable } from '../../components/table/DataTable';
import { usePagedRows, type PageFetcher } from '../../components/table/usePagedRows';
import { formatValue } from '../../i18n/reportFormat';
import { useI18n } from '../../i18n/useI18n';
import { cellWords } from '../../i18n/valueLabels';
import { useAppStore } from '../../state/appStore';
import { csvText, saveTextFile } from './csv';
import { useWords } from '../contacts/contactText';
import type { PainelErrorData } from '../../../../shared/errors';

type Channel = 'any' | 'whatsapp' | 'email';

/** The customer id rides along for the drill-down; people see the name. */
const HIDDEN = { customer_id: false };

export function MembersPanel({ segment, asOf }: { segment: SegmentSummary; asOf: string }) {
  const { t, f, l, locale } = useI18n();
  const w = useWords();
  const dataVersion = useAppStore((s) => s.dataVersion);
  const [channel, setChannel] = useState<Channel>('any');
  const [sort, setSort] = useState<SortSpec[]>([]);
  const [columns, setColumns] = useState<ColumnMeta[]>([]);
  const [exporting, setExporting] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<PainelErrorData | null>(null);
  const specKey = JSON.stringify([segment.id, asOf, channel, sort, dataVersion]);
  const fetcher = useCallback<PageFetcher>(
    async (offset, limit, withTotal, signal) => {
      const r = await call('analytics.segmentMembers', { segment: segment.id as SegmentId, asOf, channel, offset, limit, sort, withTotal }, signal);
      if (!r.ok) throw new Error(r.error.message);
      setColumns((c) => (c.length === r.value.page.columns.length ? c : r.value.page.columns));
      return { rows: arrowToRows(r.value.page.arrow).rows, total: r.value.page.total };
    },
    // specKey carries every input of the fetch
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [specKey],
  );
  const data = usePagedRows(specKey, fetcher);
  const customerIdx = useMemo(() => columns.findIndex((c) => c.id === 'customer_id'), [columns]);

  const exportList = async (ch: 'whatsapp' | 'email') => {
    setError(null);
    const rows: Row[] = [];
    let cols: ColumnMeta[] = [];
    let total = Infinity;
    const limit = 5000;
    setExporting({ done: 0, total: 0 });
    for (let offset = 0; offset < total; offset += limit) {
      const r = await call('analytics.segmentMembers', { segment: segment.id as SegmentId, asOf, channel: ch, offset, limit, withTotal: offset === 0 });
      if (!r.ok) {
        setExporting(null);
        return setError(r.error);
      }
      if (offset === 0) total = r.value.page.total ?? 0;
      cols = r.value.page.columns;
      rows.push(...arrowToRows(r.value.page.arrow).rows);
      setExporting({ done: rows.length, total });
      if (r.value.page.rowCount < limit) break;
    }
    // Codes (the RFM cluster) in words; phones, e-mails and amounts as stored, so the file imports anywhere.
    const words = (v: unknown, i: number) => (cols[i]?.type === 'text' ? cellWords(locale, cols[i], v) ?? v : v);
    saveTextFile(`${segment.id}-${ch}-${asOf}.csv`, csvText(cols, rows, locale, words));
    setExporting(null);
  };

  return (
    <section className="card members" aria-labelledby="members-title" data-testid="segment-members">
      <header className="page-head">
        <h2 id="members-title">{t('seg.memberList', { name: l(segment.label) })}</h2>
        <div className="row-total" data-testid="row-total" data-total={data.total ?? ''}>
          {data.total === null ? t('common.loading') : t('tables.total', { n: f.integer(data.total) })}
        </div>
      </header>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="members-channel">{t('seg.show')}</label>
          <select id="members-channel" value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
            <option value="any">{t('seg.channel.any')}</option>
            <option value="whatsapp">{t('seg.channel.whatsapp')}</option>
            <option value="email">{t('seg.channel.email')}</option>
          </select>
        </div>
        <div className="toolbar-spacer" />
        <a className="btn btn-whatsapp" href={href(`/contacts/segment:${segment.id}`)} data-testid="open-contact-list">
          {w('contacts.openList')}
        </a>
        <span className="field-label">{t('seg.exportFor')}</span>
        <button type="button" className="btn" disabled={!!exporting} onClick={() => void exportList('whatsapp')}>
          ⤓ WhatsApp
        </button>
        <button type="button" className="btn" disabled={!!exporting} onClick={() => void exportList('email')}>
          ⤓ E-mail
        </button>
      </div>
      <p className="muted small">{t('seg.exportOptIn')}</p>
      {exporting && (
        <div className="progress" role="progressbar" aria-label={t('seg.exportFor')} aria-valuenow={exporting.total ? Math.round((exporting.done / exporting.total) * 100) : undefined}>
          <div style={{ width: `${exporting.total ? (exporting.done / exporting.total) * 100 : 10}%` }} />
        </div>
      )}
      {error && <ErrorNote error={error} />}
      {data.error && <ErrorNote error={{ code: 'INTERNAL', message: data.error }} />}
      {columns.length > 0 && (
        <div className="fixed-table short">
          <DataTable
            label={t('seg.memberList', { name: l(segment.label) })}
            columns={columns}
            data={data}
            sort={sort}
            onSortChange={setSort}
            rowHint={t('report.drillHint')}
            columnVisibility={HIDDEN}
            renderCell={(v, c) => formatValue(f, c, v)}
            onRowActivate={customerIdx >= 0 ? (row) => navigate(`/customers/${encodeURIComponent(String(row[customerIdx]))}`) : undefined}
          />
        </div>
      )}
    </section>
  );
}
