// The six RFM clusters of specs/data-model.md: stable ids, labels, and the (R, F) rule each covers.
import type { LocalizedText } from './types';

export const RFM_CLUSTERS = ['champions', 'loyal', 'promising', 'at_risk', 'hibernating', 'lost'] as const;
export type RfmCluster = (typeof RFM_CLUSTERS)[number];

export const RFM_CLUSTER_LABELS: Record<RfmCluster, LocalizedText> = {
  champions: { 'pt-BR': 'Campeões', en: 'Champions' },
  loyal: { 'pt-BR': 'Fiéis', en: 'Loyal' },
  promising: { 'pt-BR': 'Oportunistas', en: 'Promising' },
  at_risk: { 'pt-BR': 'Em Risco', en: 'At risk' },
  hibernating: { 'pt-BR': 'Hibernando', en: 'Hibernating' },
  lost: { 'pt-BR': 'Perdidos', en: 'Lost' },
};

/** The cluster of an (R, F) score pair; the six rules cover every pair exactly once. */
export function rfmCluster(r: number, f: number): RfmCluster {
  if (r >= 4 && f >= 4) return 'champions';
  if (r >= 3 && f >= 3) return 'loyal';
  if (r >= 3) return 'promising';
  if (f >= 3) return 'at_risk';
  if (r === 2) return 'hibernating';
  return 'lost';
}
