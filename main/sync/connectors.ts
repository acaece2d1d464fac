// Every connector by source kind.
import type { SourceKind } from '../../shared/api/sync';
import type { Connector } from './types';
import { supabaseConnector } from './supabase/connector';
import { wooConnector } from './woocommerce/connector';

export const CONNECTORS: Record<SourceKind, Connector> = {
  supabase: supabaseConnector,
  woocommerce: wooConnector,
} as Record<SourceKind, Connector>;
