// Which mapping a non-canonical file is loaded with: the one given for it, a template named by the caller, the
// template saved for its header shape, or (when the caller accepts it) the suggestion. Without any, the file is
// refused with the suggestion attached, and nothing is written.
import { basename } from 'node:path';
import type { Db, Tx } from '../../store/db';
import { AppError } from '../../store/errors';
import { LINE_COLUMN } from '../xlsxSheets';
import type { LocalizedText } from '../../../shared/types';
import type { Locale } from '../../model/rules';
import { missingFields, type SheetMapping } from './fields';
import type { FlatPlan } from './flatFile';
import { suggestMapping } from './suggest';
import { checkMapping, saveTemplate, templateByName, templateForHeader } from './templates';

export interface SheetChoice {
  /** Explicit mappings per file path (the app's confirmed mapping step). */
  plans?: Record<string, FlatPlan & { saveAs?: string }>;
  /** A saved template to use for every non-canonical file. */
  template?: string;
  /** Use the suggested mapping when no template fits. */
  acceptSuggested?: boolean;
  /** The report a header is Painel's own export of (given by the caller, which knows the reports), or null. */
  reportOf?: (header: string[]) => LocalizedText | null;
}

/** Why a report export is not imported, and what moves data instead (a person reads it). */
export function reportRefusal(file: string, title: LocalizedText, locale: Locale): string {
  return locale === 'pt-BR'
    ? `${basename(file)} é a exportação do relatório "${title['pt-BR']}" do Painel: um relatório é um resumo dos dados e não é importado de volta (criaria vendas repetidas). Para levar os dados a outro Painel, use um backup ou a exportação de dados em Parquet; para importar vendas, use a planilha de atendimentos do sistema de origem.`
    : `${basename(file)} is Painel's export of the report "${title.en}": a report is a summary of the data and is not imported back (it would repeat sales). To move the data to another Painel, use a backup or the Parquet data export; to import sales, use the source system's sales sheet.`;
}

export interface ResolvedPlan extends FlatPlan {
  how: 'given' | 'template' | 'suggested';
  template?: string;
}

/** Field ids a person reads, for messages. */
export const FIELD_NAMES: Record<string, string> = {
  'sale.date': 'sale date (Data)',
  'line.total': 'amount (Valor)',
};

/** Resolves the plan for a file, or throws BAD_INPUT carrying the suggestion. */
export async function resolvePlan(db: Db | Tx, file: string, header: string[], sample: string[][], choice: SheetChoice = {}, locale: Locale = 'en'): Promise<ResolvedPlan> {
  const cols = header.filter((h) => h !== LINE_COLUMN);
  const report = choice.reportOf?.(cols);
  if (report) throw new AppError('BAD_INPUT', reportRefusal(file, report, locale), { report });
  const sampleCols = sample.map((r) => r.filter((_, i) => header[i] !== LINE_COLUMN));
  let plan: ResolvedPlan | null = null;
  const given = choice.plans?.[file];
  if (given) plan = { mapping: given.mapping, dec: given.dec, dateOrder: given.dateOrder, how: 'given' };
  else if (choice.template) {
    const t = await templateByName(db, choice.template);
    plan = { ...t, how: 'template', template: t.name };
  } else {
    const t = await templateForHeader(db, cols);
    if (t) plan = { mapping: t.mapping, dec: t.dec, dateOrder: t.dateOrder, how: 'template', template: t.name };
  }
  const suggestion = suggestMapping(cols, sampleCols);
  if (!plan && choice.acceptSuggested) plan = { mapping: suggestion.mapping, dec: suggestion.decimal, dateOrder: suggestion.dateOrder, how: 'suggested' };
  if (!plan) {
    throw new AppError('BAD_INPUT', `${basename(file)}: its columns need to be mapped to Painel's fields (confirm the suggested mapping)`, {
      needsMapping: true,
      suggestion,
    });
  }
  checkMapping(plan.mapping, cols);
  const missing = missingFields(plan.mapping);
  if (missing.length) {
    throw new AppError('BAD_INPUT', `${basename(file)}: no column is mapped to ${missing.map((f) => FIELD_NAMES[f] ?? f).join(' and ')}`, {
      missingFields: missing,
      suggestion,
    });
  }
  if (given?.saveAs) await saveTemplate(db, given.saveAs, cols, plan);
  return plan;
}

export type { SheetMapping };
