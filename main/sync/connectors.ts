// Every connector by source kind.
import type { SourceKind } from '../../shared/api/sync';
import { blingConnector } from './bling/connector';
import { hubspotConnector } from './hubspot/connector';
import { mercadoLivreConnector } from './mercadolivre/connector';
import { supabaseConnector } from './supabase/connector';
import type { Connector } from './types';
import { wooConnector } from './woocommerce/connector';

export const CONNECTORS: Record<SourceKind, Connector> = {
  supabase: supabaseConnector,
  woocommerce: wooConnector,
  bling: blingConnector,
  mercadolivre: mercadoLivreConnector,
  hubspot: hubspotConnector,
};
