// Job kinds and the result each one ends with, so a finished job's result is read typed (jobResult) instead of
// cast; and job titles as pt-BR/en pairs, so each locale shows its own language.
import type { CustomerValueModel, RfmSnapshotInfo } from './analytics';
import type { DemoSummary } from './api/demo';
import type { ExportJobResult } from './api/export';
import type { IdentityResult } from './api/identity';
import type { ImportSummary } from './api/import';
import type { BackupFile, BackupResult, RestoreResult } from './api/settings';
import type { SyncSummary } from './api/sync';
import type { JobKind, JobSnapshot } from './events';
import { MODEL_TABLES } from './model/tables';
import type { LocalizedText } from './types';

export interface JobResults {
  export: ExportJobResult;
  backup: BackupResult;
  /** The rotating automatic copy: null when none was due. */
  'backup.auto': BackupFile | null;
  restore: RestoreResult;
  import: ImportSummary;
  demo: DemoSummary;
  sync: SyncSummary;
  identity: IdentityResult;
  'analytics.rfmHistory': { months: number; rebuilt: number; snapshots: RfmSnapshotInfo[] };
  'analytics.customerValue': CustomerValueModel;
}

export type { JobKind };

/** Fails the build when a job kind has no result type here, or a result type no kind. */
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const JOB_RESULTS_COVER_EVERY_KIND: Exact<keyof JobResults, JobKind> = true;

/** A job's title in both languages. */
export type JobTitle = LocalizedText;

export const jobTitle = (pt: string, en: string): JobTitle => ({ 'pt-BR': pt, en });

/**
 * The result of a finished job of the given kind; undefined while it runs, when it failed, or when the snapshot
 * is of another kind (so a result is never read as the wrong type).
 */
export function jobResult<K extends JobKind>(job: JobSnapshot | null | undefined, kind: K): JobResults[K] | undefined {
  if (!job || job.kind !== kind || job.state !== 'done') return undefined;
  return job.result as JobResults[K];
}

/** The result of a job that ended well (after waiting for it); throws when it is of another kind or did not finish. */
export function finishedResult<K extends JobKind>(job: JobSnapshot, kind: K): JobResults[K] {
  if (job.kind !== kind || job.state !== 'done') throw new Error(`job ${job.id} is not a finished ${kind} job`);
  return job.result as JobResults[K];
}

const W = (pt: string, en: string): LocalizedText => ({ 'pt-BR': pt, en });

/** The steps jobs report (demo data, exports, backups, sync, analytics), in words. */
export const JOB_PHASE_LABELS: Record<string, LocalizedText> = {
  calendar: W('calendário', 'calendar'),
  'locations, staff and catalogue': W('unidades, equipe e catálogo', 'locations, staff and catalogue'),
  people: W('pessoas', 'people'),
  customers: W('clientes', 'customers'),
  appointments: W('agendamentos', 'appointments'),
  'sales and lines': W('vendas e itens', 'sales and lines'),
  payments: W('pagamentos', 'payments'),
  loyalty: W('fidelidade', 'loyalty'),
  'WooCommerce orders': W('pedidos da loja online', 'online store orders'),
  'Mercado Livre orders': W('pedidos do Mercado Livre', 'Mercado Livre orders'),
  'online customers': W('clientes online', 'online customers'),
  'listing snapshots': W('anúncios', 'listings'),
  campaigns: W('campanhas', 'campaigns'),
  identity: W('unindo clientes repetidos', 'matching repeated customers'),
  start: W('começando', 'starting'),
  starting: W('começando', 'starting'),
  waiting: W('aguardando', 'waiting'),
  counting: W('contando', 'counting'),
  work: W('trabalhando', 'working'),
  reports: W('calculando os relatórios', 'computing the reports'),
  csv: W('gravando CSV', 'writing CSV'),
  xlsx: W('gravando XLSX', 'writing XLSX'),
  pdf: W('gravando PDF', 'writing PDF'),
  'pdf-layout': W('montando as páginas', 'laying out the pages'),
  parquet: W('gravando Parquet', 'writing Parquet'),
  copying: W('copiando', 'copying'),
  restoring: W('restaurando', 'restoring'),
  syncing: W('sincronizando', 'syncing'),
  partial: W('terminado com falhas', 'finished with failures'),
  statistics: W('lendo o histórico', 'reading the history'),
  fit: W('ajustando o modelo', 'fitting the model'),
  score: W('calculando por cliente', 'scoring customers'),
  save: W('salvando', 'saving'),
  rfm: W('notas RFM', 'RFM scores'),
  done: W('concluído', 'done'),
};

const TABLE_WORDS = new Map<string, LocalizedText>(MODEL_TABLES.map((t) => [t.name, t.label]));

/** A job's progress line in the reader's words: known steps and tables by name, import counters translated. */
export function progressWords(p: { phase: string; message?: string }, locale: keyof LocalizedText): string {
  const pt = locale === 'pt-BR';
  const phase = JOB_PHASE_LABELS[p.phase]?.[locale];
  const parquet = /^parquet (\w+)$/.exec(p.phase);
  if (parquet) return `${JOB_PHASE_LABELS.parquet[locale]}: ${TABLE_WORDS.get(parquet[1])?.[locale] ?? parquet[1]}`;
  const m = p.message;
  if (!m) return phase ?? p.phase;
  const table = TABLE_WORDS.get(m);
  if (table) return `${phase ?? p.phase}: ${table[locale]}`;
  // Import counters (the phase is the file's name, which people recognise).
  const file = /^(loading |writing )?file (\d+)\/(\d+)$/.exec(m);
  if (file && pt) return `${p.phase} · ${file[1] === 'loading ' ? 'lendo o arquivo' : file[1] === 'writing ' ? 'gravando o arquivo' : 'arquivo'} ${file[2]} de ${file[3]}`;
  const rows = /^([\d.,]+) rows$/.exec(m);
  if (rows) return `${p.phase} · ${rows[1]} ${pt ? 'linhas' : 'rows'}`;
  return phase ? `${phase} · ${m}` : `${p.phase} · ${m}`;
}
