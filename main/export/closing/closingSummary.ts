// export.closingSummary: the closing pack's statement lines for one month, built by the same buildClosing the
// PDF and XLSX use (so the page and the files show the same figures); the month defaults to the last complete one.
import type { z } from 'zod';
import type { ClosingSummary, closingSummaryInput } from '../../../shared/api/export';
import type { Engine } from '../../engine/engine';
import { addMonths, businessToday } from '../../reports/period';
import { buildClosing, monthRange } from './closingData';

/** The last calendar month that has ended by `today` ('YYYY-MM'). */
export const lastCompleteMonth = (today: string) => addMonths(`${today.slice(0, 7)}-01`, -1).slice(0, 7);

export async function closingSummary(engine: Engine, input: z.output<typeof closingSummaryInput>): Promise<ClosingSummary> {
  const settings = await engine.settings();
  const month = input.month ?? lastCompleteMonth(input.today ?? businessToday(settings.timezone));
  const pack = await buildClosing(engine, month, settings.locale === 'en' ? 'en' : 'pt-BR');
  return {
    month,
    ...monthRange(month),
    sections: pack.sections.map((s) => ({
      id: s.id,
      title: s.title,
      lines: s.lines.map((l) => ({ label: l.label, value: l.value, kind: l.kind, ...(l.note ? { note: l.note } : {}), ...(l.count ? { count: true } : {}) })),
    })),
  };
}
