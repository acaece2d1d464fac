// What export writers share about showing values: the one formatter (shared/format) in the export's locale,
// currency and business zone, and a rough column width in characters for sheets and PDFs.
import { createFormatter, type Formatter } from '../../shared/format';
import type { ExportColumn, ExportContext } from './types';

export function formatterOf(ctx: Pick<ExportContext, 'locale' | 'currency' | 'timezone'>): Formatter {
  return createFormatter({ locale: ctx.locale, currency: ctx.currency, timeZone: ctx.timezone });
}

export function columnWidth(c: ExportColumn, label: string): number {
  const byType: Record<string, number> = { money: 14, decimal: 12, integer: 10, percent: 9, date: 11, timestamp: 16, boolean: 6, text: 24, json: 24 };
  return Math.min(48, Math.max(byType[c.type] ?? 14, Math.min(label.length + 2, 28)));
}
