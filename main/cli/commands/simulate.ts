// painel simulate: local stand-ins for the source APIs on 127.0.0.1 (one server per source), serving a demo or
// fixture database through each API's own paths, paging, auth and errors, with switches for faults.
import type { SourceKind } from '../../../shared/api/sync';
import type { CommandRun } from '../command';
import { parse } from '../command';
import { AppError } from '../../store/errors';
import { parseSourceKind } from '../../sync/config';
import { createSimulator, SIMULATED, simulatorEnv, SimDataset } from '../../sync/simulators/index';
import type { Simulator } from '../../sync/simulators/simulator';
import { buildFixture } from '../../sync/testing/fixture';

const PREFIX: Record<SourceKind, string> = { supabase: 'salon', woocommerce: 'woo', bling: 'bling', mercadolivre: 'ml', hubspot: 'hubspot' };

function int(v: string | undefined, name: string, min = 0): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new AppError('BAD_INPUT', `--${name} must be an integer >= ${min}`);
  return n;
}

export const run: CommandRun = async (argv, ctx) => {
  const { values } = parse(
    argv,
    {
      source: { type: 'string', multiple: true },
      port: { type: 'string' },
      data: { type: 'string' },
      customers: { type: 'string' },
      sales: { type: 'string' },
      latency: { type: 'string' },
      'rate-limit-every': { type: 'string' },
      errors: { type: 'string' },
      configure: { type: 'boolean' },
      churn: { type: 'string' },
    },
    ctx.usage,
  );
  const kinds = values.source?.length ? [...new Set(values.source.flatMap((s) => s.split(',')).map(parseSourceKind))] : SIMULATED;
  const port = int(values.port, 'port') ?? 0;
  if (port > 65535 - kinds.length) throw new AppError('BAD_INPUT', '--port out of range');
  const data = values.data ? await SimDataset.fromDatabase(values.data, kinds.map((k) => PREFIX[k])) : await SimDataset.create();
  if (!values.data) await buildFixture(data, { customers: int(values.customers, 'customers', 1), sales: int(values.sales, 'sales', 1) }, kinds.map((k) => PREFIX[k]));
  const sims: Simulator[] = [];
  for (const [i, k] of kinds.entries()) {
    const sim = await createSimulator(k, data);
    sim.server.setFaults({ latencyMs: int(values.latency, 'latency') ?? 0, rateLimitEvery: int(values['rate-limit-every'], 'rate-limit-every') ?? 0, errors5xx: int(values.errors, 'errors') ?? 0 });
    await sim.listen(port ? port + i : 0);
    sims.push(sim);
  }
  for (const sim of sims) {
    ctx.io.out(`${sim.kind.padEnd(13)} ${sim.server.baseUrl}\n`);
    for (const [k, v] of Object.entries(simulatorEnv(sim))) ctx.io.out(`  export ${k}=${v}\n`);
    if (values.configure) await ctx.call('sync.configure', { sourceId: sim.kind, baseUrl: sim.server.baseUrl, enabled: true, config: sim.config });
  }
  ctx.io.out(`Control: POST <server>/__sim/faults {"latencyMs":100,...} · POST <server>/__sim/mutate {"op":"status","saleId":"woo:1002","status":"cancelled"} · GET <server>/__sim/stats\n`);
  if (values.configure) ctx.io.out('Sources set up in the database; run `painel sync` with the exports above.\n');
  // The simulators run until Ctrl-C; the database stays free for `painel sync` meanwhile.
  await ctx.release();
  // --churn N: every minute, N sales per source are cancelled or refunded, as between two real syncs.
  const churn = int(values.churn, 'churn') ?? 0;
  const timer = churn ? setInterval(() => void Promise.all(sims.map((s) => s.mutate({ op: 'churn', n: churn }))), 60_000) : null;
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  if (timer) clearInterval(timer);
  for (const s of sims) await s.close();
  data.close();
  return 0;
};
