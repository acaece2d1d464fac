// The ten segments as API values: the SQL economics (segments.ts) joined with each definition's documented
// rule, campaign text, channel and timing.
import type { SegmentId, SegmentSummary } from '../../shared/analytics';
import { ParamList } from '../sql/specSql';
import type { Db } from '../store/db';
import type { RfmOptions } from './rfm';
import { segmentDef } from './segmentDefs';
import { segmentsSql } from './segments';
import { cachedProfileSql } from './profileCache';

interface Row {
  segment_id: SegmentId;
  size: number;
  contactable: number;
  total_value: string;
  avg_value: string | null;
  avg_ticket: string;
  conversion: number;
  conversion_source: 'history' | 'shop' | 'default';
  conversion_prior: number;
  conversion_sent: number;
  budget: string;
  expected_revenue: string;
  roi: number | null;
  priority: number;
  priority_level: 'high' | 'medium' | 'low';
}

export async function segmentsSummary(db: Db, rfm: RfmOptions): Promise<SegmentSummary[]> {
  const profile = await cachedProfileSql(db, rfm);
  const p = new ParamList();
  const rows = await db.all<Row>(
    `SELECT segment_id, size::DOUBLE AS size, contactable::DOUBLE AS contactable, total_value::VARCHAR AS total_value, avg_value::VARCHAR AS avg_value,
       avg_ticket::VARCHAR AS avg_ticket, conversion, conversion_source, conversion_prior, conversion_sent::DOUBLE AS conversion_sent, budget::VARCHAR AS budget, expected_revenue::VARCHAR AS expected_revenue,
       roi, priority, priority_level
     FROM (${segmentsSql(rfm, p, 'pt-BR', profile)}) ORDER BY priority`,
    p.values,
  );
  return rows.map((r) => {
    const d = segmentDef(r.segment_id);
    return {
      id: r.segment_id,
      label: d.label,
      rule: d.rule,
      size: r.size,
      contactable: r.contactable,
      totalValue: r.total_value,
      avgValue: r.avg_value ?? '0.00',
      avgTicket: r.avg_ticket,
      suggestion: {
        campaign: d.campaign,
        channel: d.channel,
        conversion: r.conversion,
        conversionSource: r.conversion_source,
        conversionPrior: r.conversion_prior,
        conversionSent: r.conversion_sent,
        timing: d.timing,
        budget: r.budget,
        expectedRevenue: r.expected_revenue,
        roi: r.roi,
        priority: r.priority,
        priorityLevel: r.priority_level,
      },
    };
  });
}
