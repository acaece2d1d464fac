// No credential leaves the secret store: real syncs of all five simulators through the engine's contract (one
// clean, one failing with errors that quote the credentials back), then every log line, event, job snapshot, status,
// reject, CSV and XLSX export, the DuckDB file, its write-ahead log and every text cell in the database are searched
// for each credential value, raw, URL-encoded and base64.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import type { ExportJobResult } from '../../shared/api/export';
import type { SourceKind, SyncSummary } from '../../shared/api/sync';
import type { JobSnapshot } from '../../shared/events';
import { createDispatcher } from '../host/dispatcher';
import { Engine } from '../engine/engine';
import { EnvSecretStore } from '../engine/secrets';
import type { OAuthState } from '../sync/simulators/oauth';
import { startSimulators, type SimSet } from '../sync/testing/harness';

// Values with characters that URL-encoding and form-encoding change, so those forms are searched too.
const CREDS: Record<SourceKind, Record<string, string>> = {
  supabase: { key: 'sb_key+Painel/Leak=Check_01' },
  woocommerce: { key: 'ck_painel_leak_check_02', secret: 'cs_painel+leak/check=03' },
  bling: { clientId: 'bling-client-leak-04', clientSecret: 'bling+secret/leak=05', refreshToken: 'bling-rt-leak-06', code: 'bling-code-leak-07' },
  mercadolivre: { clientId: 'ml-app-leak-08', clientSecret: 'ml+secret/leak=09', refreshToken: 'TG-ml-rt-leak-10', code: 'TG-ml-code-leak-11' },
  hubspot: { token: 'pat-na1-leak+check/12=' },
};
const WRONG_WOO_SECRET = 'cs_wrong+leak/check=13';

/** Every form a value could be written in: raw, URL- and form-encoded, base64 (alone and as Basic user:password). */
function forms(values: string[], pairs: [string, string][]): string[] {
  const out = new Set<string>();
  for (const v of values) {
    out.add(v);
    out.add(encodeURIComponent(v));
    out.add(new URLSearchParams({ v }).toString().slice(2));
    out.add(Buffer.from(v).toString('base64').replace(/=+$/, ''));
  }
  for (const [a, b] of pairs) out.add(Buffer.from(`${a}:${b}`).toString('base64').replace(/=+$/, ''));
  return [...out];
}

function leaks(haystack: string, needles: string[]): string[] {
  return needles.filter((n) => haystack.includes(n));
}

let set: SimSet;
let dir: string;
let echo: Server;
let echoUrl: string;
beforeAll(async () => {
  set = await startSimulators({ size: { customers: 30, sales: 80 }, creds: CREDS });
  dir = mkdtempSync(join(tmpdir(), 'painel-hard-secrets-'));
  // A HubSpot stand-in that fails with an error quoting the Authorization header and the query string back.
  echo = createServer((req, res) => {
    res.writeHead(500, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ status: 'error', category: 'INTERNAL', message: `failed for ${req.headers.authorization ?? ''} at ${req.url ?? ''}` }));
  });
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', () => r()));
  echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await set?.close();
  await new Promise<void>((r) => echo.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

describe('credentials used by syncs', () => {
  it('appear in no log, event, error, job, export, database file, write-ahead log or table cell', async () => {
    const logs: string[] = [];
    const dbPath = join(dir, 'painel.duckdb');
    const secretsFile = join(dir, 'secrets.enc');
    const engine = await Engine.open({ dbPath, log: (l) => logs.push(l), secrets: new EnvSecretStore({ PAINEL_SECRETS_KEY: 'a passphrase for the overlay' }, secretsFile) });
    const events: unknown[] = [];
    engine.onEvent((e) => events.push(e));
    const dispatcher = createDispatcher(engine);
    const answers: unknown[] = [];
    const call = async <T,>(method: string, input: unknown): Promise<T> => {
      const r = await dispatcher.call(method, input);
      answers.push(r);
      if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`);
      return r.value as T;
    };
    const runJob = async (method: string, input: unknown): Promise<JobSnapshot> => {
      const job = await call<JobSnapshot>(method, input);
      return call<JobSnapshot>('jobs.wait', { id: job.id, timeoutMs: 120_000 });
    };
    const fast = { retryBaseMs: 5, retryMaxMs: 20, maxAttempts: 2, timeoutMs: 2000, ratePerSec: 0 };
    try {
      for (const sim of set.sims.values()) {
        const credentials = { ...CREDS[sim.kind] };
        if (sim.kind === 'bling' || sim.kind === 'mercadolivre') delete credentials.code;
        await call('sync.configure', { sourceId: sim.kind, baseUrl: sim.server.baseUrl, config: { ...fast, ...sim.config }, credentials });
      }
      const ok = await runJob('sync.start', {});
      expect(ok.state).toBe('done');
      const first = ok.result as SyncSummary;
      expect(Object.fromEntries(first.sources.map((s) => [s.sourceId, s.state]))).toEqual(Object.fromEntries([...set.sims.keys()].map((k) => [k, 'ok'])));
      expect(first.rows).toBeGreaterThan(500);

      // The failing sync: a wrong WooCommerce secret sent as query parameters, HubSpot echoing its token in a 500.
      const woo = set.sims.get('woocommerce')!;
      await call('sync.configure', { sourceId: 'woocommerce', baseUrl: woo.server.baseUrl, config: { ...fast, ...woo.config, authMode: 'query' }, credentials: { secret: WRONG_WOO_SECRET } });
      // Credentials are bound to their address: a new host gets the token only when it is entered again.
      await call('sync.configure', { sourceId: 'hubspot', baseUrl: echoUrl, credentials: { ...CREDS.hubspot } });
      const bad = await runJob('sync.start', { full: true });
      const second = bad.result as SyncSummary;
      const by = Object.fromEntries(second.sources.map((s) => [s.sourceId, s]));
      expect(by.woocommerce.state).toBe('failed');
      expect(by.woocommerce.error).toMatch(/refused the credentials/);
      expect(by.hubspot.state).toBe('failed');
      expect(by.hubspot.error).toMatch(/HTTP 500: failed for (Bearer )?\*\*\* at \/email/);
      expect(by.supabase.state).toBe('ok');

      const st = await call('sync.status', {});
      const sources = await call('sync.sources', {});
      const rejects = await call('sync.rejects', { limit: 1000 });
      const jobs = await call('jobs.list', {});

      const out = join(dir, 'out');
      mkdirSync(out);
      const period = { preset: 'custom', from: '2023-01-01', to: '2025-12-31' };
      const csv = await runJob('export.run', { report: 'sales-summary', period, params: { granularity: 'day' }, format: 'csv', folder: out, fileName: 'vendas' });
      const xlsx = await runJob('export.run', { report: 'sales-summary', period, params: { granularity: 'day' }, format: 'xlsx', folder: out, fileName: 'vendas.xlsx' });
      expect([csv.state, xlsx.state]).toEqual(['done', 'done']);
      const csvFile = (csv.result as ExportJobResult).path;
      const xlsxFile = (xlsx.result as ExportJobResult).path;
      expect((csv.result as ExportJobResult).rows).toBeGreaterThan(0);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(xlsxFile);
      const cells: string[] = [];
      book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.text)))));
      expect(cells.length).toBeGreaterThan(10);

      // Every text cell of every table, searched in SQL (the file's compressed strings could hide a value from a
      // byte search).
      const allValues = [
        ...Object.values(CREDS).flatMap((c) => Object.values(c)),
        WRONG_WOO_SECRET,
        (set.sims.get('bling') as unknown as { oauth: OAuthState }).oauth.currentRefreshToken ?? '',
        (set.sims.get('mercadolivre') as unknown as { oauth: OAuthState }).oauth.currentRefreshToken ?? '',
        // The refresh tokens the OAuth simulators rotated to are searched for as well.
      ].filter((v) => v.length > 0);
      const needles = forms(allValues, [
        [CREDS.woocommerce.key, CREDS.woocommerce.secret],
        [CREDS.woocommerce.key, WRONG_WOO_SECRET],
        [CREDS.bling.clientId, CREDS.bling.clientSecret],
        [CREDS.mercadolivre.clientId, CREDS.mercadolivre.clientSecret],
      ]);
      const textCols = await engine.db.all<{ t: string; c: string }>(
        `SELECT '"' || table_schema || '"."' || table_name || '"' AS t, column_name AS c FROM information_schema.columns JOIN information_schema.tables USING (table_catalog, table_schema, table_name)
         WHERE table_catalog = current_database() AND table_type = 'BASE TABLE' AND (data_type = 'VARCHAR' OR data_type = 'JSON' OR data_type LIKE '%[]' OR data_type LIKE 'STRUCT%' OR data_type LIKE 'MAP%')`,
      );
      expect(textCols.length).toBeGreaterThan(20);
      const inTables: string[] = [];
      for (const { t, c } of textCols) {
        const hits = await engine.db.all<{ n: number }>(
          `SELECT count(*)::INT AS n FROM ${t} WHERE len([x FOR x IN from_json($1, '["VARCHAR"]') IF contains("${c}"::VARCHAR, x)]) > 0`,
          [JSON.stringify(needles)],
        );
        if (hits[0].n > 0) inTables.push(`${t}.${c}`);
      }
      expect(inTables).toEqual([]);

      // The write-ahead log before the checkpoint, then the database file after it.
      const walPath = `${dbPath}.wal`;
      const wal = existsSync(walPath) ? readFileSync(walPath).toString('latin1') : '';
      await engine.db.checkpoint();
      const file = readFileSync(dbPath).toString('latin1');
      expect(file.length).toBeGreaterThan(100_000);

      const corpus: Record<string, string> = {
        logs: logs.join('\n'),
        events: JSON.stringify(events),
        answers: JSON.stringify([answers, st, sources, rejects, jobs, ok, bad]),
        csv: readFileSync(csvFile, 'utf8'),
        xlsxCells: cells.join('\n'),
        xlsxBytes: readFileSync(xlsxFile).toString('latin1'),
        wal,
        duckdb: file,
        secretsOverlay: readFileSync(secretsFile).toString('latin1'),
      };
      expect(logs.some((l) => /hubspot: failed/.test(l))).toBe(true);
      expect(corpus.csv.split('\n').length).toBeGreaterThan(2);
      for (const [name, text] of Object.entries(corpus)) expect(leaks(text, needles), name).toEqual([]);
      // The search finds a value written in any of its forms.
      expect(leaks(`x${encodeURIComponent(CREDS.hubspot.token)}x`, needles)).not.toEqual([]);
    } finally {
      engine.close();
    }
  });
});
