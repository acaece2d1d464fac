// Segments: RFM cluster sizes and value, the month-to-month migration matrix, the marketing segment cards with
// suggestions and ROI, and a segment's member list with the WhatsApp / e-mail export; as of the period's end.
import { useEffect, useRef, useState } from 'react';
import type { SegmentId } from '../../../shared/analytics';
import { useCall } from '../api/useCall';
import { ErrorNote } from '../components/ErrorNote';
import { useI18n } from '../i18n/useI18n';
import { useFilterStore } from '../state/filterStore';
import { useResolvedPeriod } from '../state/useResolvedPeriod';
import { ClusterSummary } from './segments/ClusterSummary';
import { MembersPanel } from './segments/MembersPanel';
import { MigrationMatrix } from './segments/MigrationMatrix';
import { SegmentCard } from './segments/SegmentCard';

export default function SegmentsPage() {
  const { t } = useI18n();
  const locations = useFilterStore((s) => s.locations);
  const { period, error: periodError } = useResolvedPeriod();
  const asOf = period?.to ?? null;
  const rfm = useCall('analytics.rfm', asOf ? { asOf, limit: 1, withTotal: false } : null);
  const migration = useCall('analytics.rfmMigration', asOf ? { month: asOf.slice(0, 7) } : null);
  const segments = useCall('analytics.segments', asOf ? { asOf } : null);
  const [open, setOpen] = useState<SegmentId | null>(null);
  const chosen = segments.data?.segments.find((s) => s.id === open) ?? null;
  // The member list opens under the cards, usually below the window: bring it into view and give it the focus.
  const panel = useRef<HTMLDivElement>(null);
  const shown = chosen !== null;
  useEffect(() => {
    if (!shown || !panel.current) return;
    panel.current.scrollIntoView({ block: 'start' });
    panel.current.focus({ preventScroll: true });
  }, [shown, open]);
  return (
    <section className="page segments" aria-labelledby="seg-title">
      <header className="page-head">
        <div>
          <h1 id="seg-title">{t('seg.title')}</h1>
          <p className="muted">{t('seg.intro')}</p>
          {locations.length > 0 && <p className="muted small">{t('seg.locationNote')}</p>}
        </div>
      </header>
      {periodError && <ErrorNote error={periodError} />}
      {rfm.error && <ErrorNote error={rfm.error} onRetry={rfm.reload} />}
      <div className="seg-top">
        {rfm.data && <ClusterSummary rfm={rfm.data} />}
        {migration.data && (
          <section className="card" aria-labelledby="seg-migration">
            <h2 id="seg-migration">{t('seg.migration')}</h2>
            <MigrationMatrix m={migration.data} />
          </section>
        )}
        {migration.error && <ErrorNote error={migration.error} />}
      </div>
      <h2>{t('seg.marketing')}</h2>
      {segments.error && <ErrorNote error={segments.error} onRetry={segments.reload} />}
      {segments.data && (
        <div className="grid segment-grid">
          {[...segments.data.segments]
            .sort((a, b) => a.suggestion.priority - b.suggestion.priority)
            .map((s) => (
              <SegmentCard key={s.id} s={s} selected={s.id === open} onOpen={() => setOpen(s.id === open ? null : s.id)} />
            ))}
        </div>
      )}
      {chosen && segments.data && (
        <div ref={panel} tabIndex={-1} className="panel-anchor">
          <MembersPanel segment={chosen} asOf={segments.data.asOf} />
        </div>
      )}
    </section>
  );
}
