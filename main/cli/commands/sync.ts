// painel sync: pulls every enabled source (or one) into the database with a progress line per source and a
// summary; exit 0 when all succeeded, 3 when some failed (the others are saved), 1 when none succeeded.
import type { SourceKind, SyncSourceProgress, SyncSummary } from '../../../shared/api/sync';
import type { Command } from '../command';
import { parse, toPrintableJson } from '../command';
import { AppError } from '../../store/errors';
import { envVarFor } from '../../engine/secrets';
import { parseSourceKind, upsertSource } from '../../sync/config';
import { CONNECTORS } from '../../sync/connectors';
import { rebindOrigin } from '../../sync/origin';
import { authNames } from '../../sync/tokens';
import { syncService } from '../../sync/service';
import { followJob } from '../progress';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('pt-BR', { dateStyle: 'short', timeStyle: 'short' }) : '—');

export const syncCommand: Command = {
  name: 'sync',
  summary: 'pull the business sources (salon back end, WooCommerce, Bling, Mercado Livre, HubSpot)',
  usage: 'painel sync [--source NAME] [--base-url URL] [--full] [--status] [--json]',
  async run(argv, ctx) {
    const { values } = parse(argv, { source: { type: 'string' }, 'base-url': { type: 'string' }, full: { type: 'boolean' }, status: { type: 'boolean' }, json: { type: 'boolean' } }, this.usage);
    const source: SourceKind | undefined = values.source ? parseSourceKind(values.source) : undefined;
    if (values['base-url'] && !source) throw new AppError('BAD_INPUT', `--base-url needs --source — usage: ${this.usage}`);
    const engine = await ctx.engine();
    const svc = syncService(engine);
    if (values.status) {
      const st = await svc.status();
      if (values.json) {
        ctx.io.out(toPrintableJson(st) + '\n');
        return 0;
      }
      for (const s of st.sources.filter((x) => x.configured || x.state !== 'never')) {
        ctx.io.out(`${s.sourceId.padEnd(13)} ${s.state.padEnd(8)} última sincronização ok: ${when(s.lastSuccessAt).padEnd(17)} linhas: ${s.rowsPulled.toLocaleString('pt-BR')}${s.lastError ? `  · ${s.lastError}` : ''}\n`);
      }
      if (!st.sources.some((x) => x.configured)) ctx.io.out('No source is set up: painel sync --source NAME --base-url URL (credentials from PAINEL_* variables).\n');
      return 0;
    }
    if (source && values['base-url']) {
      await upsertSource(engine.db, source, { baseUrl: values['base-url'], enabled: true });
      // The address given with the credentials in this environment: those are kept, anything saved for another
      // address (rotated tokens) is cleared.
      const c = CONNECTORS[source];
      const names = [...c.secrets.map((x) => x.name), ...authNames(c.auth)];
      await rebindOrigin(engine.secrets, source, values['base-url'], names, names.filter((n) => !!process.env[envVarFor(`${source}.${n}`)]));
    }
    const lines = new Map<SourceKind, SyncSourceProgress>();
    const lastPrinted = new Map<SourceKind, string>();
    let drawn = 0;
    const render = () => {
      if (ctx.io.isTTY) {
        let text = drawn ? `\x1b[${drawn}A` : '';
        for (const [id, p] of lines) text += `\r\x1b[2K${id.padEnd(13)} ${p.phase.slice(0, 50).padEnd(50)} ${p.rows.toLocaleString('pt-BR').padStart(10)} linhas\n`;
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
    const off = svc.subscribe((id, p) => {
      lines.set(id, p);
      if (!ctx.io.isTTY) render();
      else timer ??= setTimeout(() => ((timer = null), render()), 100);
    });
    let summary: SyncSummary;
    try {
      const job = svc.start({ source, full: !!values.full });
      const end = await followJob(engine, job, { ...ctx.io, isTTY: false, err: () => undefined });
      summary = end.result as SyncSummary;
    } finally {
      off();
      if (timer) clearTimeout(timer);
      if (ctx.io.isTTY && lines.size) render();
    }
    if (values.json) ctx.io.out(toPrintableJson(summary) + '\n');
    else {
      for (const r of summary.sources) {
        const mark = r.state === 'ok' ? '✓' : r.state === 'offline' ? '…' : '✗';
        const extra = r.rejected ? `, ${r.rejected} set aside (painel call sync.rejects)` : '';
        ctx.io.out(`${mark} ${r.sourceId.padEnd(13)} ${r.state.padEnd(8)} ${r.rows.toLocaleString('pt-BR')} linhas${extra} · ${r.requests} requisições · ${(r.ms / 1000).toFixed(1)} s${r.error ? `\n    ${r.error}` : ''}\n`);
      }
      ctx.io.out(`${summary.ok ? 'Sincronização concluída' : 'Sincronização parcial'}: ${summary.rows.toLocaleString('pt-BR')} linhas em ${(summary.ms / 1000).toFixed(1)} s\n`);
    }
    if (summary.ok) return 0;
    return summary.sources.some((r) => r.state === 'ok') ? 3 : 1;
  },
};
