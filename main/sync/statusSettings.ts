// The status-mapping settings as the app shows them: every order status a source has (its defaults, and what the
// source listed or sent: Bling situações with the default each inherits) and what each counts as now.
import type { SourceKind, SyncStatusMapping, SyncStatusMeaning } from '../../shared/api/sync';
import type { Db } from '../store/db';
import { loadSources, parseConfig } from './config';
import { DEFAULT_STATUSES, defaultMeaning, overrides, statusMapper, type SaleStatus } from './statusMap';

export async function statusMapping(db: Db, sourceId: SourceKind): Promise<SyncStatusMapping> {
  const source = (await loadSources(db)).find((s) => s.sourceId === sourceId);
  const config = source?.config ?? parseConfig(sourceId, {});
  const seen = await db.all<{ code: string; name: string | null; inherited: string | null }>(
    `SELECT code, name, inherited FROM sync_source_statuses WHERE source_id = $1 ORDER BY code`,
    [sourceId],
  );
  const defaults = DEFAULT_STATUSES[sourceId] ?? {};
  const user = overrides(config);
  const codes = new Map<string, { name: string | null; inherited: string | null }>();
  for (const [code, d] of Object.entries(defaults)) codes.set(code, { name: d.name, inherited: null });
  for (const s of seen) codes.set(s.code, { name: s.name ?? codes.get(s.code)?.name ?? null, inherited: s.inherited });
  for (const code of user.keys()) if (!codes.has(code)) codes.set(code, { name: null, inherited: null });
  const fallback = (config.unknownStatus as SaleStatus | undefined) ?? 'confirmed';
  const now = statusMapper(sourceId, config, seen);
  const nameOf = (code: string | null) => (code === null ? null : (codes.get(code)?.name ?? defaults[code]?.name ?? code));
  const statuses: SyncStatusMeaning[] = [...codes.entries()].map(([code, c]) => ({
    code,
    name: c.name,
    inheritedName: c.inherited ? nameOf(c.inherited) : null,
    status: now(code),
    defaultStatus: defaultMeaning(sourceId, code, c.inherited) ?? fallback,
    custom: user.has(code),
  }));
  statuses.sort((a, b) => (a.name ?? a.code).localeCompare(b.name ?? b.code, 'pt-BR'));
  return { sourceId, unknownStatus: fallback, statuses };
}
