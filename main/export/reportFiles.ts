// Recognises a file Painel wrote as a report export (CSV with people-facing labels or column ids, XLSX data sheet)
// from its header alone, so importing it back can be refused with the report's name instead of mapping a summary
// into sales (and, in the same database, repeating them).
import type { LocalizedText } from '../../shared/types';
import { allReports, viewsOf } from '../reports/registry';

const norm = (s: string) => s.replace(/^\uFEFF/, '').trim().toLowerCase();

interface ReportHeaders {
  title: LocalizedText;
  /** Each way the table's header can be written: pt-BR labels, en labels, column ids. */
  headers: Set<string>[];
}

let cache: ReportHeaders[] | null = null;

function reportHeaders(): ReportHeaders[] {
  if (cache) return cache;
  cache = allReports().flatMap((def) =>
    viewsOf(def).map((v) => ({
      title: v.id === (def.view?.id ?? 'main') ? def.title : { 'pt-BR': `${def.title['pt-BR']} — ${v.title['pt-BR']}`, en: `${def.title.en} — ${v.title.en}` },
      headers: [(['pt-BR', 'en'] as const).map((l) => new Set(v.columns.map((c) => norm(c.label?.[l] ?? c.id)))), [new Set(v.columns.map((c) => norm(c.id)))]].flat(),
    })),
  );
  return cache;
}

/**
 * The report a header is the export of, or null. An export carries the report's columns (those its data has), in
 * one language or as ids: every header cell is one of them and they are most of the table's columns.
 */
export function reportExportOf(header: string[]): LocalizedText | null {
  const cells = header.map(norm).filter(Boolean);
  if (cells.length < 2) return null;
  let best: { title: LocalizedText; share: number } | null = null;
  for (const r of reportHeaders()) {
    for (const h of r.headers) {
      if (!cells.every((c) => h.has(c))) continue;
      const share = cells.length / h.size;
      if (share >= 0.5 && (!best || share > best.share)) best = { title: r.title, share };
    }
  }
  return best?.title ?? null;
}
