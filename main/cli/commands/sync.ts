// painel sync: pulls every enabled source (or one) into the database with a progress line per source and a
// summary; exit 0 when all succeeded, 3 when some failed (the others are saved), 1 when none succeeded.
// Through the dispatcher (sync.configure, sync.status, sync.start): also into the app's engine when it runs.
import type { SourceKind, SyncStatus, SyncSummary } from '../../../shared/api/sync';
import type { JobSnapshot } from '../../../shared/events';
import type { CommandRun } from '../command';
import { parse, toPrintableJson } from '../command';
import { AppError } from '../../store/errors';
import { createFormatter } from '../../../shared/format';
import type { Settings } from '../../../shared/settings';

/** Sync's lines are pt-BR: their counts and durations in pt-BR. */
const PT = createFormatter({ locale: 'pt-BR' });
import { envVarFor } from '../../engine/secrets';
import { parseSourceKind } from '../../sync/config';
import { syncService } from '../../sync/service';
import { CONNECTORS } from '../../sync/connectors';
import { authNames } from '../../sync/tokens';
import { finishedResult } from '../../../shared/jobs';

interface SourceLine {
  phase: string;
  rows: number;
}

/** The sync job's progress message, `woocommerce 1200 (orders) · bling 80 (contacts)`, as a line per source. */
function sourceLines(message: string | undefined): Map<string, SourceLine> {
  const out = new Map<string, SourceLine>();
  for (const part of (message ?? '').split(' · ')) {
    const m = /^(\S+) (\d+) \((.*)\)$/.exec(part);
    if (m) out.set(m[1], { rows: Number(m[2]), phase: m[3] });
  }
  return out;
}


export const run: CommandRun = async (argv, ctx) => {
  const { values } = parse(argv, { source: { type: 'string' }, 'base-url': { type: 'string' }, full: { type: 'boolean' }, status: { type: 'boolean' }, json: { type: 'boolean' } }, ctx.usage);
  const source: SourceKind | undefined = values.source ? parseSourceKind(values.source) : undefined;
  if (values['base-url'] && !source) throw new AppError('BAD_INPUT', `--base-url needs --source — usage: ${ctx.usage}`);
  if (values.status) {
    const st = await ctx.call<SyncStatus>('sync.status', {});
    const f = createFormatter({ locale: 'pt-BR', timeZone: (await ctx.call<Settings>('settings.get', {})).timezone });
    if (values.json) {
      ctx.io.out(toPrintableJson(st) + '\n');
      return 0;
    }
    for (const s of st.sources.filter((x) => x.configured || x.state !== 'never')) {
      ctx.io.out(`${s.sourceId.padEnd(13)} ${s.state.padEnd(8)} última sincronização ok: ${(s.lastSuccessAt ? f.timestamp(s.lastSuccessAt) : '—').padEnd(17)} linhas: ${f.integer(s.rowsPulled)}${s.lastError ? `  · ${s.lastError}` : ''}\n`);
    }
    if (!st.sources.some((x) => x.configured)) ctx.io.out('No source is set up: painel sync --source NAME --base-url URL (credentials from PAINEL_* variables).\n');
    return 0;
  }
  if (source && values['base-url']) {
    // The address given with the credentials in this environment: those are passed along (and kept), anything
    // saved for another address (rotated tokens) is cleared by the engine.
    const c = CONNECTORS[source];
    const names = [...c.secrets.map((x) => x.name), ...authNames(c.auth)];
    const credentials = Object.fromEntries(names.flatMap((n) => (process.env[envVarFor(`${source}.${n}`)] ? [[n, process.env[envVarFor(`${source}.${n}`)] as string]] : [])));
    await ctx.call('sync.configure', { sourceId: source, baseUrl: values['base-url'], enabled: true, ...(Object.keys(credentials).length ? { credentials } : {}) });
  }
  let lines = new Map<string, SourceLine>();
  const lastPrinted = new Map<string, string>();
  let drawn = 0;
  const render = () => {
    if (ctx.io.isTTY) {
      let text = drawn ? `\x1b[${drawn}A` : '';
      for (const [id, p] of lines) text += `\r\x1b[2K${id.padEnd(13)} ${p.phase.slice(0, 50).padEnd(50)} ${PT.integer(p.rows).padStart(10)} linhas\n`;
      drawn = lines.size;
      ctx.io.err(text);
      return;
    }
    for (const [id, p] of lines) {
      const key = p.phase.split(' ')[0];
      if (lastPrinted.get(id) === key) continue;
      lastPrinted.set(id, key);
      ctx.io.err(`${id}: ${p.phase} · ${p.rows} linhas\n`);
    }
  };
  let timer: NodeJS.Timeout | null = null;
  const show = (j: JobSnapshot) => {
    const next = sourceLines(j.progress.message);
    if (!next.size) return;
    lines = new Map([...lines, ...next]);
    if (!ctx.io.isTTY) render();
    else timer ??= setTimeout(() => ((timer = null), render()), 100);
  };
  // An engine opened here reports every source's every phase; the app's engine, the phases its job events carry.
  const target = await ctx.target();
  const off = target.local
    ? syncService(target.local).subscribe((id, p) => {
        lines.set(id, { phase: p.phase, rows: p.rows });
        if (!ctx.io.isTTY) render();
        else timer ??= setTimeout(() => ((timer = null), render()), 100);
      })
    : null;
  let summary: SyncSummary;
  try {
    const job = await ctx.call<JobSnapshot>('sync.start', { ...(source ? { source } : {}), full: !!values.full });
    const end = await ctx.follow(job, off ? () => undefined : show);
    summary = finishedResult(end, 'sync');
  } finally {
    off?.();
    if (timer) clearTimeout(timer);
    if (ctx.io.isTTY && lines.size) render();
  }
  if (values.json) ctx.io.out(toPrintableJson(summary) + '\n');
  else {
    for (const r of summary.sources) {
      const mark = r.state === 'ok' ? '✓' : r.state === 'offline' ? '…' : '✗';
      const extra = r.rejected ? `, ${r.rejected} set aside (painel call sync.rejects)` : '';
      ctx.io.out(`${mark} ${r.sourceId.padEnd(13)} ${r.state.padEnd(8)} ${PT.integer(r.rows)} linhas${extra} · ${PT.integer(r.requests)} requisições · ${PT.duration(r.ms)}${r.error ? `\n    ${r.error}` : ''}\n`);
    }
    ctx.io.out(`${summary.ok ? 'Sincronização concluída' : 'Sincronização parcial'}: ${PT.integer(summary.rows)} linhas em ${PT.duration(summary.ms)}\n`);
  }
  if (summary.ok) return 0;
  return summary.sources.some((r) => r.state === 'ok') ? 3 : 1;
};
