// Starts simulators for a dataset: one loopback server per source, the credentials each accepts, and the source
// settings a sync needs to reach them (used by `painel simulate`, the tests and the benchmarks).
import type { SourceKind } from '../../../shared/api/sync';
import { createBlingSimulator } from './bling';
import type { SimDataset } from './dataset';
import { createHubSpotSimulator } from './hubspot';
import { createMercadoLivreSimulator } from './mercadolivre';
import type { Simulator } from './simulator';
import { createSupabaseSimulator } from './supabase';
import { createWooSimulator } from './woocommerce';

export const SIMULATED: SourceKind[] = ['supabase', 'woocommerce', 'bling', 'mercadolivre', 'hubspot'];

export async function createSimulator(kind: SourceKind, data: SimDataset, creds?: Record<string, string>): Promise<Simulator> {
  switch (kind) {
    case 'supabase':
      return createSupabaseSimulator(data, creds?.key);
    case 'woocommerce':
      return createWooSimulator(data, creds ? { key: creds.key, secret: creds.secret } : undefined);
    case 'bling':
      return createBlingSimulator(data, creds ? { clientId: creds.clientId, clientSecret: creds.clientSecret, refreshToken: creds.refreshToken, code: creds.code } : undefined);
    case 'mercadolivre':
      return createMercadoLivreSimulator(data, creds ? { clientId: creds.clientId, clientSecret: creds.clientSecret, refreshToken: creds.refreshToken, code: creds.code } : undefined);
    case 'hubspot':
      return createHubSpotSimulator(data, creds?.token);
  }
}

/** The environment variables a CLI sync needs to use a simulator's credentials. */
export function simulatorEnv(sim: Simulator): Record<string, string> {
  const prefix = { supabase: 'SUPABASE', woocommerce: 'WOO', bling: 'BLING', mercadolivre: 'ML', hubspot: 'HUBSPOT' }[sim.kind];
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(sim.credentials)) env[`PAINEL_${prefix}_${k.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`] = v;
  return env;
}

export type { Simulator } from './simulator';
export { SimDataset } from './dataset';
