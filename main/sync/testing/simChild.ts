// Simulators in their own process (as real servers would be), for benchmarks: prints one JSON line with each
// source's base URL, credentials and settings, then serves until killed.
import type { SourceKind } from '../../../shared/api/sync';
import { startSimulators } from './harness';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const kinds = arg('kinds', 'supabase,woocommerce,mercadolivre,hubspot').split(',') as SourceKind[];
const set = await startSimulators({ kinds, size: { customers: Number(arg('customers', '150')), sales: Number(arg('sales', '500')) } });
for (const s of set.sims.values()) s.server.setFaults({ latencyMs: Number(arg('latency', '0')) });
const out: Record<string, unknown> = {};
for (const s of set.sims.values()) out[s.kind] = { baseUrl: s.server.baseUrl, credentials: s.credentials, config: s.config };
process.stdout.write(`${JSON.stringify(out)}\n`);
process.on('SIGTERM', () => void set.close().then(() => process.exit(0)));
