// Browser mode under load: 50 concurrent clients page reports on the medium demo for a minute through the
// loopback HTTP host (a separate `painel serve` process); reports p95 latency and errors, and checks that calls
// without the token or with a foreign Host/Origin are refused while under load.
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchCase } from '../harness';
import { quantile } from '../harness';
import { startServer } from '../../e2e/support/server';
import { Engine } from '../../main/engine/engine';
import { generateDemo } from '../../main/demo/generateDemo';
import { random } from '../../main/sync/testing/crash';
import type { ReportMeta } from '../../shared/reports';

const CLIENTS = Number(process.env.PAINEL_LOAD_CLIENTS ?? 50);
const SECONDS = Number(process.env.PAINEL_LOAD_SECONDS ?? 60);
const PRESET = (process.env.PAINEL_LOAD_PRESET ?? 'medium') as 'small' | 'medium' | 'large';

function status(port: number, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((ok, bad) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      res.resume();
      res.on('end', () => ok(res.statusCode ?? 0));
    });
    req.on('error', bad);
    req.end('{}');
  });
}

export const cases: BenchCase[] = [
  {
    name: 'browser-mode-50-clients',
    target: `${CLIENTS} concurrent clients for ${SECONDS} s on the ${PRESET} demo: no errors, p95 < 300 ms`,
    runs: 1,
    warmup: 0,
    async run() {
      const dir = mkdtempSync(join(tmpdir(), 'painel-load-'));
      const server = await startServer({
        prepare: async (dbPath) => {
          const e = await Engine.open({ dbPath, log: () => undefined });
          await generateDemo(e.db, { preset: PRESET, seed: 11, endDate: '2026-10-31' });
          e.close();
        },
      });
      try {
        const reports = (await server.call<ReportMeta[]>('reports.list')).map((r) => r.id);
        const latencies: number[] = [];
        let errors = 0;
        const firstErrors: string[] = [];
        const until = Date.now() + SECONDS * 1000;
        const port = Number(new URL(server.origin).port);
        const client = async (id: number) => {
          const rnd = random(1000 + id);
          while (Date.now() < until) {
            const report = reports[Math.floor(rnd() * reports.length)];
            const body = { report, period: { preset: 'custom', from: '2026-01-01', to: '2026-10-31', today: '2026-10-31' }, offset: Math.floor(rnd() * 3) * 100, limit: 100 };
            const t0 = performance.now();
            try {
              const res = await fetch(`${server.origin}/api/reports.page`, { method: 'POST', headers: { Authorization: `Bearer ${server.token}` }, body: JSON.stringify(body) });
              const buf = await res.arrayBuffer();
              if (res.status !== 200) {
                errors++;
                if (firstErrors.length < 5) firstErrors.push(`${report}: ${res.status} ${new TextDecoder().decode(buf).slice(0, 200)}`);
              }
            } catch (err) {
              errors++;
              if (firstErrors.length < 5) firstErrors.push(`${report}: ${String(err)}`);
            }
            latencies.push(performance.now() - t0);
          }
        };
        const load = Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
        // While under load: foreign callers are still refused.
        await new Promise((r) => setTimeout(r, 2000));
        const refused = [
          await status(port, '/api/app.info', { Host: `127.0.0.1:${port}` }),
          await status(port, '/api/app.info', { Host: `evil.example:${port}`, Authorization: `Bearer ${server.token}` }),
          await status(port, '/api/app.info', { Host: `127.0.0.1:${port}`, Origin: 'http://rebind.attacker.test', Authorization: `Bearer ${server.token}` }),
        ];
        await load;
        for (const e of firstErrors) console.error(`load error: ${e}`);
        const sorted = latencies.sort((a, b) => a - b);
        const p95 = quantile(sorted, 0.95);
        console.log(`load: ${latencies.length} requests from ${CLIENTS} clients in ${SECONDS} s, ${errors} errors, p50 ${quantile(sorted, 0.5).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms; foreign calls answered ${refused.join(', ')}`);
        return { requests: latencies.length, errors, p50Ms: quantile(sorted, 0.5), p95Ms: p95, refusedAll: refused.every((s) => s === 401 || s === 403 || s === 421) ? 1 : 0 };
      } finally {
        await server.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
