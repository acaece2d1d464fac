// Short constructors for report column definitions, so each report file reads as a table of its columns.
import type { LocalizedText } from '../../shared/types';
import type { ReportColumnDef, TotalSql } from './types';

type Opts = Partial<Omit<ReportColumnDef, 'id' | 'label'>>;
const L = (pt: string, en: string): LocalizedText => ({ 'pt-BR': pt, en });

export const textCol = (id: string, pt: string, en: string, o: Opts = {}): ReportColumnDef => ({
  id, label: L(pt, en), type: 'text', sqlType: 'VARCHAR', total: 'none', searchable: true, ...o,
});
export const moneyCol = (id: string, pt: string, en: string, o: Opts = {}): ReportColumnDef => ({
  id, label: L(pt, en), type: 'money', sqlType: 'DECIMAL(18,2)', unit: 'currency', decimals: 2, total: 'sum', searchable: false, ...o,
});
export const intCol = (id: string, pt: string, en: string, o: Opts = {}): ReportColumnDef => ({
  id, label: L(pt, en), type: 'integer', sqlType: 'BIGINT', unit: 'count', total: 'sum', searchable: false, ...o,
});
/** A 0..1 ratio; its total must be recomputed from parts (totalSql). */
export const pctCol = (id: string, pt: string, en: string, totalSql: TotalSql | null, o: Opts = {}): ReportColumnDef => ({
  id, label: L(pt, en), type: 'percent', sqlType: 'DOUBLE', unit: 'percent', decimals: 1, searchable: false,
  ...(totalSql ? { total: 'ratio' as const, totalSql } : { total: 'none' as const }), ...o,
});
export const numCol = (id: string, pt: string, en: string, o: Opts = {}): ReportColumnDef => ({
  id, label: L(pt, en), type: 'decimal', sqlType: 'DECIMAL(18,2)', decimals: 2, total: 'none', searchable: false, ...o,
});
export const dateCol = (id: string, pt: string, en: string, o: Opts = {}): ReportColumnDef => ({
  id, label: L(pt, en), type: 'date', sqlType: 'DATE', format: 'day', total: 'none', searchable: false, ...o,
});
/** Average ticket style money ratio: its total is recomputed as div_money(sum(num), sum(den)). */
export const moneyRatioCol = (id: string, pt: string, en: string, num: string, den: string, o: Opts = {}): ReportColumnDef =>
  moneyCol(id, pt, en, { total: 'ratio', totalSql: `div_money(sum("${num}"), sum("${den}"))`, ...o });

export { L };

/** An internal key (customer_id, location_id...): hidden until the analyst picks it, searchable, always exported. */
export const keyCol = (id: string, pt: string, en: string, o: Opts = {}): ReportColumnDef => textCol(id, pt, en, { key: true, optional: true, ...o });
/** A column of codes from one closed list: people read the list's words. */
export const codeCol = (id: string, pt: string, en: string, codes: NonNullable<Opts['codes']>, o: Opts = {}): ReportColumnDef => textCol(id, pt, en, { codes, ...o });

/** What an empty unit, professional or coupon means, in words. */
export const NO_LOCATION: LocalizedText = L('Online', 'Online');
export const NO_EMPLOYEE: LocalizedText = L('Sem profissional', 'No professional');
export const NO_COUPON: LocalizedText = L('Sem cupom', 'No coupon');
export const NO_CUSTOMER: LocalizedText = L('Cliente sem cadastro', 'Walk-in customer');
