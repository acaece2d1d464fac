// Source order statuses to canonical sales.status by meaning (data-model.md): paid or fulfilled -> completed,
// cancelled / refunded / failed -> cancelled, awaiting payment -> booked or confirmed. Each source has defaults the
// user can see and change per status code (setting statusMap, "code=status"); a Bling situação the user created
// inherits the meaning of the default one it was made from (idHerdado); a status nobody knows gets unknownStatus.
import type { SourceKind } from '../../shared/api/sync';

export const SALE_STATUSES = ['booked', 'confirmed', 'completed', 'cancelled', 'no_show'] as const;
export type SaleStatus = (typeof SALE_STATUSES)[number];

interface Default {
  /** The source's own name for the status (shown in the settings, with the code). */
  name: string;
  status: SaleStatus;
}

/**
 * Defaults per source. WooCommerce: "processing" and "completed" are paid (WooCommerce's own paid statuses), on-hold
 * awaits a boleto or transfer. Bling: the seven default situações of the sales module (ids are the same in every
 * account; custom ones point at one of them through idHerdado). Mercado Livre: the order statuses of /orders.
 */
export const DEFAULT_STATUSES: Partial<Record<SourceKind, Record<string, Default>>> = {
  woocommerce: {
    pending: { name: 'Pagamento pendente', status: 'booked' },
    'checkout-draft': { name: 'Rascunho', status: 'booked' },
    'on-hold': { name: 'Aguardando', status: 'confirmed' },
    processing: { name: 'Processando', status: 'completed' },
    completed: { name: 'Concluído', status: 'completed' },
    cancelled: { name: 'Cancelado', status: 'cancelled' },
    refunded: { name: 'Reembolsado', status: 'cancelled' },
    failed: { name: 'Malsucedido', status: 'cancelled' },
  },
  bling: {
    '6': { name: 'Em aberto', status: 'booked' },
    '9': { name: 'Atendido', status: 'completed' },
    '12': { name: 'Cancelado', status: 'cancelled' },
    '15': { name: 'Em andamento', status: 'confirmed' },
    '18': { name: 'Venda agenciada', status: 'completed' },
    '21': { name: 'Em digitação', status: 'booked' },
    '24': { name: 'Verificado', status: 'confirmed' },
  },
  mercadolivre: {
    confirmed: { name: 'Confirmado', status: 'booked' },
    payment_required: { name: 'Aguardando pagamento', status: 'booked' },
    payment_in_process: { name: 'Pagamento em análise', status: 'confirmed' },
    partially_paid: { name: 'Pago em parte', status: 'confirmed' },
    paid: { name: 'Pago', status: 'completed' },
    partially_refunded: { name: 'Reembolsado em parte', status: 'completed' },
    pending_cancel: { name: 'Cancelamento pendente', status: 'cancelled' },
    cancelled: { name: 'Cancelado', status: 'cancelled' },
    invalid: { name: 'Inválido', status: 'cancelled' },
  },
};

/** "code=status" entries of the statusMap setting as a map (invalid entries are refused by the settings schema). */
export function overrides(config: Record<string, unknown>): Map<string, SaleStatus> {
  const list = Array.isArray(config.statusMap) ? (config.statusMap as string[]) : [];
  const out = new Map<string, SaleStatus>();
  for (const e of list) {
    const i = e.lastIndexOf('=');
    const st = e.slice(i + 1) as SaleStatus;
    if (i > 0 && SALE_STATUSES.includes(st)) out.set(e.slice(0, i), st);
  }
  return out;
}

export interface KnownStatus {
  code: string;
  name: string | null;
  /** The default status this one inherits its meaning from (Bling idHerdado), or null. */
  inherited: string | null;
}

/** The meaning of one status code before the user's own choice: default, else inherited default, else null. */
export function defaultMeaning(kind: SourceKind, code: string, inherited: string | null): SaleStatus | null {
  const d = DEFAULT_STATUSES[kind] ?? {};
  return d[code]?.status ?? (inherited ? (d[inherited]?.status ?? null) : null);
}

/** A mapper for one run: user override, default, inherited default, then the unknownStatus setting. */
export function statusMapper(kind: SourceKind, config: Record<string, unknown>, known: KnownStatus[] = []): (code: string) => SaleStatus {
  const user = overrides(config);
  const inherited = new Map(known.map((k) => [k.code, k.inherited]));
  const fallback = (SALE_STATUSES as readonly string[]).includes(String(config.unknownStatus)) ? (config.unknownStatus as SaleStatus) : 'confirmed';
  return (code) => user.get(code) ?? defaultMeaning(kind, code, inherited.get(code) ?? null) ?? fallback;
}
